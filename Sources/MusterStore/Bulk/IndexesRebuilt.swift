import GRDB
import MusterDomain

/// A large import: secondary indexes dropped first, and every index, the full-text one
/// too, built again in one pass at the end, still inside the transaction (a crash at any
/// point leaves the database as it was).
final class IndexesRebuilt: IndexStrategy {
  private let db: Database
  private let staged: StagedEntries

  init(db: Database) throws {
    self.db = db
    staged = try StagedEntries(db: db)
    try db.dropBulkIndexes()
  }

  var dropsIndexes: Bool { true }

  func addEventEntry(key: Int64, rowid: Int64, text: String) throws {
    try staged.add(key: key, text: text)
  }

  func finish(namedEntries: [NamedEntry], refreshActivity: () throws -> Void) throws {
    try db.useBuildSettings()
    // Without the trigger the entries go in plainly, and FTS5 builds its index in one pass,
    // its fastest way.
    try db.execute(sql: "DROP TRIGGER search_text_inserted")
    try staged.write(namedEntries)
    try db.execute(
      sql: """
        INSERT INTO search_index(search_index) VALUES ('rebuild');
        \(Schema.insertTrigger);
        """)
    try db.rebuildBulkIndexes()
    try refreshActivity()
    try SearchTerms.rebuild(db)
    try db.restoreBulkSettings()
  }
}
