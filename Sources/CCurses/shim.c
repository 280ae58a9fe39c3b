#include "CCurses.h"

const char *ccurses_version(void) { return curses_version(); }
