// Wide-character ncurses for Swift, plus functions for what Swift cannot import.
// The defines must come before the include: cSettings never reach Swift's importer.
#ifndef CCURSES_H
#define CCURSES_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <ncursesw/curses.h>
#include <stdio.h>

/// The ncurses library version, such as "ncurses 6.4.20221231".
const char *ccurses_version(void);

/// The locale's character set after setlocale, such as "UTF-8" or "ANSI_X3.4-1968".
const char *ccurses_codeset(void);

/// The standard screen of the current terminal (Swift cannot use `stdscr` directly).
WINDOW *ccurses_stdscr(void);

/// The number of colours and colour pairs (Swift cannot use `COLORS` / `COLOR_PAIRS`).
int ccurses_colors(void);
int ccurses_color_pairs(void);

/// A window's size.
int ccurses_lines(WINDOW *window);
int ccurses_columns(WINDOW *window);

/// The attribute bits Swift cannot import (the `A_*` macros).
attr_t ccurses_attr_bold(void);
attr_t ccurses_attr_dim(void);
attr_t ccurses_attr_reverse(void);
attr_t ccurses_attr_underline(void);

/// 1 when the terminal description has the string capability `name`.
int ccurses_has_string_capability(const char *name);

/// The string capability `name`, or NULL when the terminal has none.
const char *ccurses_string_capability(const char *name);

/// Asks for clicks and wheel turns, reported at once.
void ccurses_enable_mouse(void);

/// What `getmouse` reported: 0 nothing Muster uses, 1 a click, 2 wheel up, 3 wheel down.
int ccurses_read_mouse(int *x, int *y);

/// Signal handling that only records the signal, so the main loop restores the terminal.
///
/// `ending` signals (SIGTERM, SIGHUP, and SIGINT/SIGQUIT unless `ignore_interrupts`) set
/// the flag `ccurses_ending_signal` returns; with `ignore_interrupts`, SIGINT, SIGQUIT and
/// SIGTSTP are ignored (the kiosk). SIGPIPE is always ignored. Handlers are installed
/// without SA_RESTART so a wait in `poll` returns at once.
void ccurses_install_signal_handlers(int ignore_interrupts);

/// The signal that asked Muster to end, or 0.
int ccurses_ending_signal(void);

/// Waits up to `milliseconds` for input on `fd`: 1 input ready, 0 timed out, -1 the wait
/// was interrupted by a signal, -2 the input has ended (hang-up, error or end of file).
int ccurses_wait_for_input(int fd, int milliseconds);

#endif
