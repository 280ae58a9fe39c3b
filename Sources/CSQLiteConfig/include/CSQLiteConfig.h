#ifndef CSQLITECONFIG_H
#define CSQLITECONFIG_H

/// SQLite's result code for setting up the process, which happens as the program is loaded,
/// before `main` and so before any database is opened: multi-thread mode, as GRDB expects
/// (it never lets two threads use one connection at once), and memory statistics off, as
/// nothing of Muster reads them.
///
/// `sqlite3_config` is variadic, which Swift cannot call, and works only before SQLite is
/// initialised; hence this shim and its load-time constructor.
int muster_sqlite_setup_result(void);

#endif
