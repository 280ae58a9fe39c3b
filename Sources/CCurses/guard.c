// The session's guards: what happens when Muster crashes, when a signal asks it to end
// while the main thread is stuck, when the terminal stops reading, and where anything a
// library prints to standard error goes. Everything a signal handler or the watchdog
// thread runs here is async-signal-safe: no malloc, no stdio, no locks.
#define _GNU_SOURCE
#include "CCurses.h"

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

// MARK: - Reports: a syslog socket or a file

static int report_fd = -1;
static int report_is_socket = 0;
static struct sockaddr_un report_address;
static char report_tag[64] = "muster";

/// Appends `text` to a fixed buffer, keeping it terminated; the new length.
static size_t append(char *buffer, size_t length, size_t capacity, const char *text) {
  while (*text && length + 1 < capacity) {
    buffer[length++] = *text++;
  }
  buffer[length] = 0;
  return length;
}

static size_t append_unsigned(char *buffer, size_t length, size_t capacity, unsigned long value,
                              int base, int width) {
  char digits[32];
  int count = 0;
  do {
    digits[count++] = "0123456789abcdef"[value % (unsigned long)base];
    value /= (unsigned long)base;
  } while (value > 0 && count < 31);
  while (count < width && count < 31) {
    digits[count++] = '0';
  }
  while (count > 0 && length + 1 < capacity) {
    buffer[length++] = digits[--count];
  }
  buffer[length] = 0;
  return length;
}

/// The UTC time as `2026-12-07T16:01:46Z`, without gmtime (which is not async-signal-safe).
static size_t append_utc_time(char *buffer, size_t length, size_t capacity) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  long long seconds = now.tv_sec;
  long long days = seconds / 86400;
  long long rest = seconds % 86400;
  // Howard Hinnant's civil_from_days.
  long long z = days + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) y += 1;
  length = append_unsigned(buffer, length, capacity, (unsigned long)y, 10, 4);
  length = append(buffer, length, capacity, "-");
  length = append_unsigned(buffer, length, capacity, (unsigned long)m, 10, 2);
  length = append(buffer, length, capacity, "-");
  length = append_unsigned(buffer, length, capacity, (unsigned long)d, 10, 2);
  length = append(buffer, length, capacity, "T");
  length = append_unsigned(buffer, length, capacity, (unsigned long)(rest / 3600), 10, 2);
  length = append(buffer, length, capacity, ":");
  length = append_unsigned(buffer, length, capacity, (unsigned long)(rest / 60 % 60), 10, 2);
  length = append(buffer, length, capacity, ":");
  length = append_unsigned(buffer, length, capacity, (unsigned long)(rest % 60), 10, 2);
  return append(buffer, length, capacity, "Z");
}

static int connect_report_socket(void) {
  int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  if (connect(fd, (struct sockaddr *)&report_address, sizeof report_address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

int ccurses_set_report_destination(const char *path, const char *tag) {
  if (tag != NULL) {
    size_t length = append(report_tag, 0, sizeof report_tag, tag);
    (void)length;
  }
  if (report_fd >= 0) {
    close(report_fd);
    report_fd = -1;
  }
  struct stat info;
  if (stat(path, &info) == 0 && S_ISSOCK(info.st_mode)) {
    if (strlen(path) >= sizeof report_address.sun_path) return -1;
    memset(&report_address, 0, sizeof report_address);
    report_address.sun_family = AF_UNIX;
    strcpy(report_address.sun_path, path);
    report_is_socket = 1;
    report_fd = connect_report_socket();
    return report_fd >= 0 ? 0 : -1;
  }
  report_is_socket = 0;
  report_fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  return report_fd >= 0 ? 0 : -1;
}

void ccurses_report(const char *message) {
  if (report_fd < 0) return;
  char line[1536];
  size_t length = 0;
  if (report_is_socket) {
    // RFC 3164 without a timestamp (the receiver adds one): user facility, error level.
    length = append(line, length, sizeof line, "<11>");
  } else {
    length = append_utc_time(line, length, sizeof line);
    length = append(line, length, sizeof line, " ");
  }
  length = append(line, length, sizeof line, report_tag);
  length = append(line, length, sizeof line, "[");
  length = append_unsigned(line, length, sizeof line, (unsigned long)getpid(), 10, 1);
  length = append(line, length, sizeof line, "]: ");
  // Control characters from a library's message would be the operator's terminal's problem.
  for (const char *c = message; *c && length + 2 < sizeof line; c++) {
    unsigned char byte = (unsigned char)*c;
    line[length++] = (byte < 0x20 || byte == 0x7F) ? '?' : (char)byte;
  }
  line[length] = 0;
  if (report_is_socket) {
    if (send(report_fd, line, length, MSG_NOSIGNAL) < 0 &&
        (errno == ECONNREFUSED || errno == ENOTCONN)) {
      // The system log restarted: one reconnection.
      int fd = connect_report_socket();
      if (fd >= 0) {
        dup2(fd, report_fd);
        close(fd);
        (void)send(report_fd, line, length, MSG_NOSIGNAL);
      }
    }
  } else {
    line[length++] = '\n';
    (void)write(report_fd, line, length);
  }
}

// MARK: - Standard error, away from the terminal

static int saved_stderr = -1;
static int stderr_pipe = -1;
static char stderr_pending[1024];
static size_t stderr_pending_length = 0;

int ccurses_capture_stderr(void) {
  if (stderr_pipe >= 0) return 0;
  int ends[2];
  if (pipe2(ends, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
  saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
  if (saved_stderr < 0 || dup2(ends[1], STDERR_FILENO) < 0) {
    close(ends[0]);
    close(ends[1]);
    return -1;
  }
  // The write end stays blocking for writers: a full pipe (64 KiB unread) only happens if
  // nothing forwards it, and the crash handler reads what is left.
  int flags = fcntl(STDERR_FILENO, F_GETFL);
  fcntl(STDERR_FILENO, F_SETFL, flags & ~O_NONBLOCK);
  close(ends[1]);
  stderr_pipe = ends[0];
  return 0;
}

/// Reads what waits in the pipe and reports it a line at a time; a line longer than the
/// buffer is reported in pieces.
static void forward_stderr(const char *prefix) {
  if (stderr_pipe < 0) return;
  while (1) {
    ssize_t count = read(stderr_pipe, stderr_pending + stderr_pending_length,
                         sizeof stderr_pending - 1 - stderr_pending_length);
    if (count > 0) stderr_pending_length += (size_t)count;
    size_t start = 0;
    for (size_t i = 0; i < stderr_pending_length; i++) {
      if (stderr_pending[i] == '\n' || i - start >= 900) {
        char line[1024];
        size_t length = append(line, 0, sizeof line, prefix);
        size_t piece = i - start;
        if (length + piece >= sizeof line) piece = sizeof line - 1 - length;
        memcpy(line + length, stderr_pending + start, piece);
        line[length + piece] = 0;
        if (piece > 0) ccurses_report(line);
        start = i + 1;
      }
    }
    memmove(stderr_pending, stderr_pending + start, stderr_pending_length - start);
    stderr_pending_length -= start;
    if (count <= 0) break;
  }
}

void ccurses_forward_stderr(void) { forward_stderr("stderr: "); }

int ccurses_stderr_descriptor(void) { return stderr_pipe; }

void ccurses_release_stderr(void) {
  if (stderr_pipe < 0) return;
  ccurses_forward_stderr();
  if (stderr_pending_length > 0) {
    stderr_pending[stderr_pending_length] = 0;
    char line[1100];
    size_t length = append(line, 0, sizeof line, "stderr: ");
    append(line, length, sizeof line, stderr_pending);
    ccurses_report(line);
    stderr_pending_length = 0;
  }
  dup2(saved_stderr, STDERR_FILENO);
  close(saved_stderr);
  close(stderr_pipe);
  saved_stderr = -1;
  stderr_pipe = -1;
}

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
  restore_length = append(restore_bytes, 0, sizeof restore_bytes, bytes);
  terminal_is_open = 1;
}

void ccurses_guard_terminal_closed(void) { terminal_is_open = 0; }

/// Puts the terminal's modes back and writes the restoring bytes and `line`, without ever
/// waiting on a terminal that does not read: a second, non-blocking descriptor for the
/// terminal (standard output, else the standard error Muster started with).
static void restore_terminal_now(const char *line) {
  if (has_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
  int target = isatty(STDOUT_FILENO) ? STDOUT_FILENO
               : saved_stderr >= 0   ? saved_stderr
                                     : STDERR_FILENO;
  char path[32];
  size_t length = append(path, 0, sizeof path, "/proc/self/fd/");
  append_unsigned(path, length, sizeof path, (unsigned long)target, 10, 1);
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
  append(crash_context, 0, sizeof crash_context, context);
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
  size_t length = append(line, 0, sizeof line, "crashed: ");
  length = append(line, length, sizeof line, signal_name(number));
  length = append(line, length, sizeof line, " (signal ");
  length = append_unsigned(line, length, sizeof line, (unsigned long)number, 10, 1);
  length = append(line, length, sizeof line, ")");
  if (info != NULL && info->si_code > 0 &&
      (number == SIGSEGV || number == SIGBUS || number == SIGFPE || number == SIGILL)) {
    length = append(line, length, sizeof line, " at 0x");
    length = append_unsigned(line, length, sizeof line, (unsigned long)info->si_addr, 16, 1);
  }
  if (info != NULL && info->si_code <= 0) {
    length = append(line, length, sizeof line, ", sent by pid ");
    length = append_unsigned(line, length, sizeof line, (unsigned long)info->si_pid, 10, 1);
  }
  if (crash_context[0]) {
    length = append(line, length, sizeof line, "; ");
    append(line, length, sizeof line, crash_context);
  }
  ccurses_report(line);
  // The runtime's own message (a Swift fatal error names its file and line) went to the
  // standard error pipe, not to the user's terminal.
  forward_stderr("stderr: ");
  void *frames[24];
  int count = backtrace(frames, 24);
  length = append(line, 0, sizeof line, "frames:");
  for (int i = 0; i < count; i++) {
    length = append(line, length, sizeof line, " 0x");
    length = append_unsigned(line, length, sizeof line, (unsigned long)frames[i], 16, 1);
  }
  length = append(line, length, sizeof line, " (muster loaded at 0x");
  length = append_unsigned(line, length, sizeof line, (unsigned long)executable_base, 16, 1);
  append(line, length, sizeof line, ")");
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
