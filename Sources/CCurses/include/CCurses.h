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

/// Records `signal_number` as the one asking Muster to end (the watchdog uses SIGHUP for a
/// terminal that stopped reading), with the time it came.
void ccurses_record_ending_signal(int signal_number);

/// When the ending signal came, in milliseconds of the monotonic clock.
long long ccurses_ending_since_ms(void);

/// 1 when SIGWINCH came since the last call (ncurses is left without a handler of its own).
int ccurses_take_resize(void);

/// The window size the terminal on `fd` reports (0 on success); anything a pty was told,
/// up to 65535 each way.
int ccurses_window_size(int fd, int *rows, int *columns);

// Guards (guard.c): crashes, stuck main threads, terminals that stop reading, and standard
// error kept off the screen. What runs in a handler or the watchdog is async-signal-safe.

/// Where reports go: a syslog socket (such as /dev/log) or a file, appended to; `tag` names
/// the program in each line. 0 when the destination opened.
int ccurses_set_report_destination(const char *path, const char *tag);

/// Reports one line (a crash, a dropped client, what a library printed); control
/// characters become `?`.
void ccurses_report(const char *message);

/// Sends standard error into a pipe, away from the terminal; 0 on success.
int ccurses_capture_stderr(void);

/// Reports each complete line waiting in the standard error pipe.
void ccurses_forward_stderr(void);

/// The read end of the standard error pipe, or -1.
int ccurses_stderr_descriptor(void);

/// Reports what is left and gives standard error back.
void ccurses_release_stderr(void);

/// Saves the terminal's modes, before ncurses changes them.
void ccurses_guard_save_modes(void);

/// The bytes that put the terminal back (leave the alternate screen, show the cursor, ...),
/// written if Muster crashes or is ended while the terminal is open.
void ccurses_guard_set_restore(const char *bytes);

/// The terminal was restored the ordinary way: a crash has nothing more to undo.
void ccurses_guard_terminal_closed(void);

/// One line saying what Muster was doing (mode, window size), for crash reports.
void ccurses_set_crash_context(const char *context);

/// Replaces the runtime's crash handling (which can run an interactive debugger prompt on
/// the user's terminal) with a report to the destination and one plain line on the
/// terminal, then ends the process by the same signal.
void ccurses_install_crash_handlers(void);

/// Starts a thread that ends the process `grace_ms` after an ending signal if the main
/// thread has not ended it, and that treats standard output not writable for `drain_ms`
/// (0: never) as a terminal that stopped reading (SIGHUP). 0 on success.
int ccurses_start_watchdog(int grace_ms, int drain_ms);

/// Stops the watchdog.
void ccurses_stop_watchdog(void);

/// Wakes the watchdog to look at once (from a signal handler too).
void ccurses_wake_watchdog(void);

/// 1 once the watchdog found the output stalled.
int ccurses_output_stalled(void);

/// Waits up to `milliseconds` for input on `fd` or a wake-up on `wake_fd` (-1: none): 1
/// input ready, 2 woken, 0 timed out, -1 the wait was interrupted by a signal, -2 the
/// input has ended (hang-up, error or end of file).
int ccurses_wait_for_input(int fd, int wake_fd, int milliseconds);

#endif
