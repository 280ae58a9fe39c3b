#include "CSQLiteConfig.h"

#include <sqlite3.h>

static int setup_result = -1;

// Serialized mode (Debian's default) takes the connection's mutex on every call, and memory
// statistics take a global one on every allocation: at a million imported rows the two cost
// about 4 s of a 42 s import (`make bench`, the same binary with and without them).
__attribute__((constructor)) static void muster_sqlite_setup(void) {
  setup_result = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  if (setup_result == SQLITE_OK) setup_result = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int muster_sqlite_setup_result(void) { return setup_result; }
