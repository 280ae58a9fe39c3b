// The session's guards: what happens when Muster crashes, and when a signal asks it to end
// while the main thread is stuck or the terminal stops reading (report.c says where the
// reports go). Everything a signal handler or the watchdog thread runs here is
// async-signal-safe: no malloc, no stdio, no locks.
#define _GNU_SOURCE
#include "CCurses.h"
#include "guard_internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

// MARK: - The terminal as it was

static struct termios saved_modes;
static int has_saved_modes = 0;
static char restore_bytes[256];
static size_t restore_length = 0;
static volatile sig_atomic_t terminal_is_open = 0;

void ccurses_guard_save_modes(void) {
  has_saved_modes = tcgetattr(STDIN_FILENO, &saved_modes) == 0;
}

void ccurses_guard_set_restore(const char *bytes) {
  restore_length = ccurses_append(restore_bytes, 0, sizeof restore_bytes, bytes);
  terminal_is_open = 1;
}

void ccurses_guard_terminal_closed(void) { terminal_is_open = 0; }

/// Puts the terminal's modes back and writes the restoring bytes and `line`, without ever
/// waiting on a terminal that does not read: a second, non-blocking descriptor for the
/// terminal (standard output, else the standard error Muster started with).
static void restore_terminal_now(const char *line) {
  if (has_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
  int target = isatty(STDOUT_FILENO) ? STDOUT_FILENO
               : ccurses_saved_stderr >= 0   ? ccurses_saved_stderr
                                     : STDERR_FILENO;
  char path[32];
  size_t length = ccurses_append(path, 0, sizeof path, "/proc/self/fd/");
  ccurses_append_unsigned(path, length, sizeof path, (unsigned long)target, 10, 1);
  int fd = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return;
  if (terminal_is_open && restore_length > 0) (void)write(fd, restore_bytes, restore_length);
  if (line != NULL) (void)write(fd, line, strlen(line));
  close(fd);
}

// MARK: - Crashes

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};
static char crash_context[160] = "";
static volatile sig_atomic_t crashing = 0;
static void *executable_base = NULL;
static char alternate_stack[64 * 1024];

static const char *signal_name(int number) {
  switch (number) {
  case SIGSEGV: return "SIGSEGV";
  case SIGBUS: return "SIGBUS";
  case SIGILL: return "SIGILL";
  case SIGFPE: return "SIGFPE";
  case SIGABRT: return "SIGABRT";
  case SIGTRAP: return "SIGTRAP";
  case SIGSYS: return "SIGSYS";
  default: return "signal";
  }
}

void ccurses_set_crash_context(const char *context) {
  ccurses_append(crash_context, 0, sizeof crash_context, context);
}

static void on_crash(int number, siginfo_t *info, void *unused) {
  (void)unused;
  if (crashing) _exit(128 + number);
  crashing = 1;
  // Whatever happens below, the process ends within two seconds.
  alarm(2);
  restore_terminal_now(
      "\r\nmuster: stopped by an internal error; the operator's log has the details.\r\n");
  char line[512];
  size_t length = ccurses_append(line, 0, sizeof line, "crashed: ");
  length = ccurses_append(line, length, sizeof line, signal_name(number));
  length = ccurses_append(line, length, sizeof line, " (signal ");
  length = ccurses_append_unsigned(line, length, sizeof line, (unsigned long)number, 10, 1);
  length = ccurses_append(line, length, sizeof line, ")");
  if (info != NULL && info->si_code > 0 &&
      (number == SIGSEGV || number == SIGBUS || number == SIGFPE || number == SIGILL)) {
    length = ccurses_append(line, length, sizeof line, " at 0x");
    length = ccurses_append_unsigned(line, length, sizeof line, (unsigned long)info->si_addr, 16, 1);
  }
  if (info != NULL && info->si_code <= 0) {
    length = ccurses_append(line, length, sizeof line, ", sent by pid ");
    length = ccurses_append_unsigned(line, length, sizeof line, (unsigned long)info->si_pid, 10, 1);
  }
  if (crash_context[0]) {
    length = ccurses_append(line, length, sizeof line, "; ");
    ccurses_append(line, length, sizeof line, crash_context);
  }
  ccurses_report(line);
  // The runtime's own message (a Swift fatal error names its file and line) went to the
  // standard error pipe, not to the user's terminal.
  ccurses_forward_stderr_with("stderr: ");
  void *frames[24];
  int count = backtrace(frames, 24);
  length = ccurses_append(line, 0, sizeof line, "frames:");
  for (int i = 0; i < count; i++) {
    length = ccurses_append(line, length, sizeof line, " 0x");
    length = ccurses_append_unsigned(line, length, sizeof line, (unsigned long)frames[i], 16, 1);
  }
  length = ccurses_append(line, length, sizeof line, " (muster loaded at 0x");
  length = ccurses_append_unsigned(line, length, sizeof line, (unsigned long)executable_base, 16, 1);
  ccurses_append(line, length, sizeof line, ")");
  ccurses_report(line);
  signal(number, SIG_DFL);
  raise(number);
  _exit(128 + number);
}

void ccurses_install_crash_handlers(void) {
  // backtrace() loads libgcc on its first call, which a signal handler must not do.
  void *prime[2];
  (void)backtrace(prime, 2);
  // Frames minus this are what `addr2line -e muster` takes.
  Dl_info where;
  if (dladdr((void *)ccurses_install_crash_handlers, &where) != 0) executable_base = where.dli_fbase;
  stack_t stack = {.ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0};
  sigaltstack(&stack, NULL);
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_crash;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) {
    sigaction(crash_signals[i], &action, NULL);
  }
}

// MARK: - The watchdog

static pthread_t watchdog_thread;
static pthread_t main_thread;
static volatile sig_atomic_t watchdog_running = 0;
static int watchdog_grace_ms = 700;
static int watchdog_drain_ms = 0;
static volatile sig_atomic_t output_stalled = 0;
// Written to by the signal handler (a wake-up) and by stop; read by the watchdog.
static int wake_pipe[2] = {-1, -1};

static long long monotonic_ms(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

void ccurses_wake_watchdog(void) {
  if (wake_pipe[1] >= 0) {
    char byte = 1;
    (void)write(wake_pipe[1], &byte, 1);
  }
}

/// Sleeps until woken or a second passes (a twentieth of one while an ending signal waits
/// for the main thread), so an idle session costs one wake-up a second.
static void *watch(void *unused) {
  (void)unused;
  long long unwritable_since = -1;
  while (watchdog_running) {
    struct pollfd wake = {.fd = wake_pipe[0], .events = POLLIN, .revents = 0};
    (void)poll(&wake, 1, ccurses_ending_signal() != 0 ? 50 : 1000);
    char drained[64];
    while (read(wake_pipe[0], drained, sizeof drained) > 0) {
    }
    if (!watchdog_running) break;
    long long now = monotonic_ms();
    int signal_number = ccurses_ending_signal();
    if (signal_number != 0 && now - ccurses_ending_since_ms() >= watchdog_grace_ms) {
      // The main thread did not end in time: it is stuck writing to a terminal nobody
      // reads, or in a long frame. End here; the terminal gets what it can take.
      ccurses_report(output_stalled ? "ended: the terminal stopped taking output (a client "
                                      "that stopped reading)"
                                    : "ended by a signal while the main thread was busy");
      restore_terminal_now(NULL);
      _exit(128 + signal_number);
    }
    if (watchdog_drain_ms <= 0 || output_stalled) continue;
    struct pollfd output = {.fd = STDOUT_FILENO, .events = POLLOUT, .revents = 0};
    int ready = poll(&output, 1, 0);
    int writable = ready > 0 && (output.revents & POLLOUT);
    int gone = ready > 0 && (output.revents & (POLLERR | POLLHUP | POLLNVAL));
    if (writable || gone) {
      unwritable_since = -1;
      continue;
    }
    if (unwritable_since < 0) unwritable_since = now;
    if (now - unwritable_since >= watchdog_drain_ms) {
      output_stalled = 1;
      ccurses_record_ending_signal(SIGHUP);
      pthread_kill(main_thread, SIGHUP);
    }
  }
  return NULL;
}

int ccurses_start_watchdog(int grace_ms, int drain_ms) {
  if (watchdog_running) return 0;
  if (pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
  watchdog_grace_ms = grace_ms;
  watchdog_drain_ms = drain_ms;
  main_thread = pthread_self();
  watchdog_running = 1;
  // The watchdog must not take signals meant for the main loop.
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &previous);
  int failed = pthread_create(&watchdog_thread, NULL, watch, NULL);
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  if (failed) {
    watchdog_running = 0;
    close(wake_pipe[0]);
    close(wake_pipe[1]);
    wake_pipe[0] = wake_pipe[1] = -1;
  }
  return failed ? -1 : 0;
}

void ccurses_stop_watchdog(void) {
  if (!watchdog_running) return;
  watchdog_running = 0;
  ccurses_wake_watchdog();
  pthread_join(watchdog_thread, NULL);
  close(wake_pipe[0]);
  close(wake_pipe[1]);
  wake_pipe[0] = wake_pipe[1] = -1;
}

int ccurses_output_stalled(void) { return output_stalled; }
