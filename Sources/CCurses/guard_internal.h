// What guard.c and report.c share; not part of the module's interface to Swift.
#ifndef CCURSES_GUARD_INTERNAL_H
#define CCURSES_GUARD_INTERNAL_H

#include <stddef.h>

/// Appends `text` to a fixed buffer, keeping it terminated; the new length.
size_t ccurses_append(char *buffer, size_t length, size_t capacity, const char *text);

/// Appends `value` in `base`, at least `width` digits; the new length.
size_t ccurses_append_unsigned(char *buffer, size_t length, size_t capacity,
                               unsigned long value, int base, int width);

/// Reports each complete line waiting in the standard error pipe, after `prefix`.
void ccurses_forward_stderr_with(const char *prefix);

/// Standard error as Muster started with it, while it is captured; else -1.
extern int ccurses_saved_stderr;

#endif
