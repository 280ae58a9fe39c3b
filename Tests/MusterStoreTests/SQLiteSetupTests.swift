import GRDBSQLite
import MusterTestSupport
import Testing

@testable import MusterStore

@Suite struct SQLiteSetupTests {
  @Test func sqliteIsSetUpBeforeAnyDatabaseIsOpened() throws {
    let folder = try TemporaryFolder("muster-sqlite-setup")
    let writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))

    #expect(SQLiteCatalog.sqliteSetupResult == SQLITE_OK)
    // Memory statistics are off: SQLite counts nothing, however much it has allocated.
    #expect(sqlite3_memory_used() == 0)
    #expect(try writer.integrityCheck() == ["ok"])
  }
}
