// Reports: lines to a syslog socket or a file, and standard error kept off the terminal
// while it is open. What the crash handler calls here is async-signal-safe: no malloc, no
// stdio, no locks.
#define _GNU_SOURCE
#include "CCurses.h"
#include "guard_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

// MARK: - Reports: a syslog socket or a file

static int report_fd = -1;
static int report_is_socket = 0;
static struct sockaddr_un report_address;
static char report_tag[64] = "muster";

/// Appends `text` to a fixed buffer, keeping it terminated; the new length.
size_t ccurses_append(char *buffer, size_t length, size_t capacity, const char *text) {
  while (*text && length + 1 < capacity) {
    buffer[length++] = *text++;
  }
  buffer[length] = 0;
  return length;
}

size_t ccurses_append_unsigned(char *buffer, size_t length, size_t capacity, unsigned long value,
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
  length = ccurses_append_unsigned(buffer, length, capacity, (unsigned long)y, 10, 4);
  length = ccurses_append(buffer, length, capacity, "-");
  length = ccurses_append_unsigned(buffer, length, capacity, (unsigned long)m, 10, 2);
  length = ccurses_append(buffer, length, capacity, "-");
  length = ccurses_append_unsigned(buffer, length, capacity, (unsigned long)d, 10, 2);
  length = ccurses_append(buffer, length, capacity, "T");
  length = ccurses_append_unsigned(buffer, length, capacity, (unsigned long)(rest / 3600), 10, 2);
  length = ccurses_append(buffer, length, capacity, ":");
  length = ccurses_append_unsigned(buffer, length, capacity, (unsigned long)(rest / 60 % 60), 10, 2);
  length = ccurses_append(buffer, length, capacity, ":");
  length = ccurses_append_unsigned(buffer, length, capacity, (unsigned long)(rest % 60), 10, 2);
  return ccurses_append(buffer, length, capacity, "Z");
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
    size_t length = ccurses_append(report_tag, 0, sizeof report_tag, tag);
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
    length = ccurses_append(line, length, sizeof line, "<11>");
  } else {
    length = append_utc_time(line, length, sizeof line);
    length = ccurses_append(line, length, sizeof line, " ");
  }
  length = ccurses_append(line, length, sizeof line, report_tag);
  length = ccurses_append(line, length, sizeof line, "[");
  length = ccurses_append_unsigned(line, length, sizeof line, (unsigned long)getpid(), 10, 1);
  length = ccurses_append(line, length, sizeof line, "]: ");
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

int ccurses_saved_stderr = -1;
static int stderr_pipe = -1;
static char stderr_pending[1024];
static size_t stderr_pending_length = 0;

int ccurses_capture_stderr(void) {
  if (stderr_pipe >= 0) return 0;
  int ends[2];
  if (pipe2(ends, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
  ccurses_saved_stderr = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
  if (ccurses_saved_stderr < 0 || dup2(ends[1], STDERR_FILENO) < 0) {
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
void ccurses_forward_stderr_with(const char *prefix) {
  if (stderr_pipe < 0) return;
  while (1) {
    ssize_t count = read(stderr_pipe, stderr_pending + stderr_pending_length,
                         sizeof stderr_pending - 1 - stderr_pending_length);
    if (count > 0) stderr_pending_length += (size_t)count;
    size_t start = 0;
    for (size_t i = 0; i < stderr_pending_length; i++) {
      if (stderr_pending[i] == '\n' || i - start >= 900) {
        char line[1024];
        size_t length = ccurses_append(line, 0, sizeof line, prefix);
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

void ccurses_forward_stderr(void) { ccurses_forward_stderr_with("stderr: "); }

int ccurses_stderr_descriptor(void) { return stderr_pipe; }

void ccurses_release_stderr(void) {
  if (stderr_pipe < 0) return;
  ccurses_forward_stderr();
  if (stderr_pending_length > 0) {
    stderr_pending[stderr_pending_length] = 0;
    char line[1100];
    size_t length = ccurses_append(line, 0, sizeof line, "stderr: ");
    ccurses_append(line, length, sizeof line, stderr_pending);
    ccurses_report(line);
    stderr_pending_length = 0;
  }
  dup2(ccurses_saved_stderr, STDERR_FILENO);
  close(ccurses_saved_stderr);
  close(stderr_pipe);
  ccurses_saved_stderr = -1;
  stderr_pipe = -1;
}
