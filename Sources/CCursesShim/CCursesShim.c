#define _GNU_SOURCE 1
#include "CCursesShim.h"

#include <pthread.h>

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

attr_t sartor_color_pair(short pair) { return COLOR_PAIR(pair); }
attr_t sartor_a_bold(void) { return A_BOLD; }
attr_t sartor_a_reverse(void) { return A_REVERSE; }
attr_t sartor_a_dim(void) { return A_DIM; }
attr_t sartor_a_underline(void) { return A_UNDERLINE; }
attr_t sartor_a_normal(void) { return A_NORMAL; }

WINDOW *sartor_stdscr(void) { return stdscr; }
int sartor_colors(void) { return COLORS; }
int sartor_lines(void) { return LINES; }
int sartor_cols(void) { return COLS; }

SCREEN *sartor_newterm(void) { return newterm(NULL, stdout, stdin); }

int sartor_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

int sartor_setlocale_utf8(void) {
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) return 0;
    return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

int sartor_attrset(attr_t attributes) { return attrset(attributes); }
int sartor_mvaddnstr(int y, int x, const char *text, int length) {
    return mvaddnstr(y, x, text, length);
}

static volatile sig_atomic_t signal_count = 0;
static struct sigaction previous_int, previous_term;
static int handlers_installed = 0;

static void count_signal(int signal_number) {
    (void)signal_number;
    signal_count += 1;
}

void sartor_install_signal_counter(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = count_signal;
    sigemptyset(&action.sa_mask);
    signal_count = 0;
    sigaction(SIGINT, &action, &previous_int);
    sigaction(SIGTERM, &action, &previous_term);
    handlers_installed = 1;
}

void sartor_restore_signal_handlers(void) {
    if (!handlers_installed) return;
    sigaction(SIGINT, &previous_int, NULL);
    sigaction(SIGTERM, &previous_term, NULL);
    handlers_installed = 0;
}

int sartor_signal_count(void) { return signal_count; }

void sartor_name_current_thread(const char *name) { pthread_setname_np(pthread_self(), name); }

static void end_curses_at_exit(void) {
    if (!isendwin()) endwin();
}

void sartor_register_atexit_endwin(void) {
    static int registered = 0;
    if (!registered) {
        atexit(end_curses_at_exit);
        registered = 1;
    }
}
