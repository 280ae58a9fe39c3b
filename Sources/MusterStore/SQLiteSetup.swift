import CSQLiteConfig

extension SQLiteCatalog {
  /// SQLite's result code for the process's setup, made as the program was loaded (see
  /// `muster_sqlite_setup_result`): `SQLITE_OK` (0) when it is in multi-thread mode with
  /// memory statistics off.
  static var sqliteSetupResult: Int32 { muster_sqlite_setup_result() }
}
