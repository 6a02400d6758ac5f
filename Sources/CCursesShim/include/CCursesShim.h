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
