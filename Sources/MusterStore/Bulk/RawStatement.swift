import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API: binding and stepping without
/// GRDB's per-call argument conversion, for the million-row import path and the bulk reads
/// of the views (`PositionIndex`).
struct RawStatement {
  /// Keeps GRDB's statement (and so the handle) alive; GRDB finalizes it.
  let statement: Statement
  let handle: OpaquePointer
  let connection: OpaquePointer

  /// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ db: Database, _ sql: String) throws {
    statement = try db.makeStatement(sql: sql)
    handle = statement.sqliteStatement
    guard let connection = db.sqliteConnection else {
      throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database is closed")
    }
    self.connection = connection
  }

  func bind(_ index: Int32, _ text: String?) {
    guard var text else {
      sqlite3_bind_null(handle, index)
      return
    }
    text.withUTF8 { bytes in
      if let base = bytes.baseAddress {
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
          _ = sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), Self.transient)
        }
      } else {
        _ = sqlite3_bind_text(handle, index, "", 0, nil)
      }
    }
  }

  func bind(_ index: Int32, _ value: Int?) {
    guard let value else {
      sqlite3_bind_null(handle, index)
      return
    }
    sqlite3_bind_int64(handle, index, sqlite3_int64(value))
  }

  func bind(_ index: Int32, _ value: Int64) {
    sqlite3_bind_int64(handle, index, value)
  }

  func bind(_ index: Int32, _ value: Double?) {
    guard let value else {
      sqlite3_bind_null(handle, index)
      return
    }
    sqlite3_bind_double(handle, index, value)
  }

  /// Runs a statement that returns no rows.
  func run() throws {
    let code = sqlite3_step(handle)
    sqlite3_reset(handle)
    guard code == SQLITE_DONE else { throw error(code) }
  }

  /// Runs a query and reads its first row with `read`, or returns `nil` without a row.
  func first<T>(_ read: (OpaquePointer) -> T) throws -> T? {
    defer { sqlite3_reset(handle) }
    let code = sqlite3_step(handle)
    if code == SQLITE_ROW { return read(handle) }
    guard code == SQLITE_DONE else { throw error(code) }
    return nil
  }

  /// Runs a query and hands each row to `read`.
  func each(_ read: (OpaquePointer) throws -> Void) throws {
    defer { sqlite3_reset(handle) }
    while true {
      let code = sqlite3_step(handle)
      if code == SQLITE_DONE { return }
      guard code == SQLITE_ROW else { throw error(code) }
      try read(handle)
    }
  }

  func error(_ code: Int32) -> DatabaseError {
    DatabaseError(
      resultCode: ResultCode(rawValue: code),
      message: String(cString: sqlite3_errmsg(connection)))
  }

  /// The text of column `index` of the current row.
  static func text(_ handle: OpaquePointer, _ index: Int32) -> String? {
    guard let bytes = sqlite3_column_text(handle, index) else { return nil }
    return String(cString: bytes)
  }

  /// The integer of column `index` of the current row, or `nil` for NULL.
  static func integer(_ handle: OpaquePointer, _ index: Int32) -> Int? {
    sqlite3_column_type(handle, index) == SQLITE_NULL
      ? nil : Int(sqlite3_column_int64(handle, index))
  }
}
