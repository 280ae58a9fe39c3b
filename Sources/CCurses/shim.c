#include "CCurses.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <time.h>
#include <unistd.h>

const char *ccurses_version(void) { return curses_version(); }

const char *ccurses_codeset(void) { return nl_langinfo(CODESET); }

WINDOW *ccurses_stdscr(void) { return stdscr; }

int ccurses_colors(void) { return COLORS; }

int ccurses_color_pairs(void) { return COLOR_PAIRS; }

int ccurses_lines(WINDOW *window) { return getmaxy(window); }

int ccurses_columns(WINDOW *window) { return getmaxx(window); }

attr_t ccurses_attr_bold(void) { return A_BOLD; }

attr_t ccurses_attr_dim(void) { return A_DIM; }

attr_t ccurses_attr_reverse(void) { return A_REVERSE; }

attr_t ccurses_attr_underline(void) { return A_UNDERLINE; }

const char *ccurses_string_capability(const char *name) {
  char *value = tigetstr(name);
  if (value == NULL || value == (char *)-1) {
    return NULL;
  }
  return value;
}

int ccurses_has_string_capability(const char *name) {
  return ccurses_string_capability(name) != NULL;
}

void ccurses_enable_mouse(void) {
  mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
  mouseinterval(0);
}

int ccurses_read_mouse(int *x, int *y) {
  MEVENT event;
  if (getmouse(&event) != OK) {
    return 0;
  }
  *x = event.x;
  *y = event.y;
  if (event.bstate & BUTTON1_PRESSED) {
    return 1;
  }
  if (event.bstate & BUTTON4_PRESSED) {
    return 2;
  }
  if (event.bstate & BUTTON5_PRESSED) {
    return 3;
  }
  return 0;
}

static volatile sig_atomic_t ending_signal = 0;
static volatile sig_atomic_t ending_since_seconds = 0;
static volatile sig_atomic_t ending_since_milliseconds = 0;
static volatile sig_atomic_t resize_pending = 0;

void ccurses_record_ending_signal(int signal_number) {
  if (ending_signal == 0) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    ending_since_seconds = (sig_atomic_t)now.tv_sec;
    ending_since_milliseconds = (sig_atomic_t)(now.tv_nsec / 1000000);
  }
  ending_signal = signal_number;
  ccurses_wake_watchdog();
}

long long ccurses_ending_since_ms(void) {
  return (long long)ending_since_seconds * 1000 + ending_since_milliseconds;
}

static void record_signal(int signal_number) { ccurses_record_ending_signal(signal_number); }

static void record_resize(int signal_number) {
  (void)signal_number;
  resize_pending = 1;
}

static void install(int signal_number, void (*handler)(int)) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  sigaction(signal_number, &action, NULL);
}

void ccurses_install_signal_handlers(int ignore_interrupts) {
  // A parent may have left signals blocked (test runners, some daemons); a blocked SIGWINCH
  // would freeze the screen at its old size, a blocked SIGHUP would outlive the terminal.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  install(SIGTERM, record_signal);
  install(SIGHUP, record_signal);
  install(SIGPIPE, SIG_IGN);
  // Ours before newterm, so ncurses leaves SIGWINCH alone: a size ncurses reads itself goes
  // straight into its own arithmetic (a window of 40000 columns wraps negative there), so
  // Muster reads the size, checks it, and hands ncurses a size it can draw.
  install(SIGWINCH, record_resize);
  if (ignore_interrupts) {
    install(SIGINT, SIG_IGN);
    install(SIGQUIT, SIG_IGN);
    install(SIGTSTP, SIG_IGN);
  } else {
    install(SIGINT, record_signal);
    install(SIGQUIT, record_signal);
  }
}

int ccurses_take_resize(void) {
  int pending = resize_pending;
  resize_pending = 0;
  return pending;
}

int ccurses_window_size(int fd, int *rows_out, int *columns_out) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
  *rows_out = size.ws_row;
  *columns_out = size.ws_col;
  return 0;
}

int ccurses_ending_signal(void) { return ending_signal; }

int ccurses_wait_for_input(int fd, int wake_fd, int milliseconds) {
  struct pollfd entries[2] = {
      {.fd = fd, .events = POLLIN, .revents = 0},
      {.fd = wake_fd, .events = POLLIN, .revents = 0},
  };
  int ready = poll(entries, wake_fd >= 0 ? 2 : 1, milliseconds);
  if (ready < 0) {
    return errno == EINTR ? -1 : -2;
  }
  if (ready == 0) {
    return 0;
  }
  if (entries[0].revents & POLLIN) {
    // Readable with nothing to read is the end of input; a hung-up terminal fails the
    // ioctl with EIO.
    int pending = 0;
    if (ioctl(fd, FIONREAD, &pending) != 0 || pending == 0) {
      return -2;
    }
    return 1;
  }
  if (entries[0].revents) {
    return -2;
  }
  return 2;
}
