#include "CCursesShim.h"

attr_t sartor_color_pair(short pair) { return COLOR_PAIR(pair); }
attr_t sartor_a_bold(void) { return A_BOLD; }
attr_t sartor_a_reverse(void) { return A_REVERSE; }
attr_t sartor_a_dim(void) { return A_DIM; }
attr_t sartor_a_underline(void) { return A_UNDERLINE; }
attr_t sartor_a_normal(void) { return A_NORMAL; }
