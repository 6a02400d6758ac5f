#pragma once
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>

// Curses macros and attribute constants as functions, which Swift can call.
attr_t sartor_color_pair(short pair);
attr_t sartor_a_bold(void);
attr_t sartor_a_reverse(void);
attr_t sartor_a_dim(void);
attr_t sartor_a_underline(void);
attr_t sartor_a_normal(void);

// Globals of curses and of the C library, read through functions so that Swift's strict
// concurrency checking does not see shared mutable state.
WINDOW *sartor_stdscr(void);
int sartor_colors(void);
int sartor_lines(void);
int sartor_cols(void);

// newterm on the process's stdout and stdin; returns NULL (instead of exiting, as initscr
// does) when the terminal cannot be used.
SCREEN *sartor_newterm(void);

// 1 when the current terminal can move the cursor to any cell (terminfo's cup), which the
// dashboard needs; TERM=dumb cannot.
int sartor_can_address_cursor(void);

// Sets the locale from the environment and, when that is not UTF-8, tries C.UTF-8; returns 1
// when the character set is UTF-8 afterwards.
int sartor_setlocale_utf8(void);

int sartor_attrset(attr_t attributes);
int sartor_mvaddnstr(int y, int x, const char *text, int length);

// SIGINT and SIGTERM handlers that only count signals (async-signal-safe); the previous
// handlers are kept and put back by sartor_restore_signal_handlers.
void sartor_install_signal_counter(void);
void sartor_restore_signal_handlers(void);
int sartor_signal_count(void);

// Names the calling thread (at most 15 bytes) for top -H and /proc/<pid>/task/*/comm.
void sartor_name_current_thread(const char *name);

// Registers, once, an atexit handler that ends curses mode if it is still on, so that the
// terminal is restored on any exit() path.
void sartor_register_atexit_endwin(void);
