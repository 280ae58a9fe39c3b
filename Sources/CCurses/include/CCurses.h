// Wide-character ncurses for Swift, plus functions for what Swift cannot import.
// The defines must come before the include: cSettings never reach Swift's importer.
#ifndef CCURSES_H
#define CCURSES_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

/// The ncurses library version, such as "ncurses 6.4.20221231".
const char *ccurses_version(void);

#endif
