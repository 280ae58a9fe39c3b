import GRDB

/// Queries through prepared statements that are compiled once per connection.
///
/// GRDB's `fetchOne(db, sql:)` and `execute(sql:)` compile the SQL on every call, which
/// costs more than running it for the small queries imports and detail views make by the
/// thousand. Every query in the store goes through these instead.
extension Database {
  func row(sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
    try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
  }

  func rows(sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
    try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
  }

  func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(
    _ type: Value.Type, sql: String, arguments: StatementArguments = StatementArguments()
  ) throws -> Value? {
    try Value.fetchOne(cachedStatement(sql: sql), arguments: arguments)
  }

  func values<Value: DatabaseValueConvertible & StatementColumnConvertible>(
    _ type: Value.Type, sql: String, arguments: StatementArguments = StatementArguments()
  ) throws -> [Value] {
    try Value.fetchAll(cachedStatement(sql: sql), arguments: arguments)
  }

  func run(sql: String, arguments: StatementArguments = StatementArguments()) throws {
    try cachedStatement(sql: sql).execute(arguments: arguments)
  }
}
