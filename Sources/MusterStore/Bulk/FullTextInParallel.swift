import GRDB
import MusterDomain

/// A large import that updates nothing: the full-text index is built by a `FullTextBuilder`
/// on another core while the rows go in, and its tables replace the catalog's at the end.
final class FullTextInParallel: IndexStrategy {
  private let db: Database
  private let builder: FullTextBuilder
  /// Entries not yet handed to the builder.
  private var pending: [FullTextBuilder.Entry] = []
  private let insertSearchText: RawStatement
  /// The schema name under which the builder's database is attached.
  static let schema = "fulltext"

  init(db: Database, builder: FullTextBuilder) throws {
    self.db = db
    self.builder = builder
    insertSearchText = try RawStatement(
      db,
      "INSERT INTO search_text(rowid, kind, record, names, body) "
        + "VALUES (?1, \(RecordKind.event.code), ?2, '', ?3)")
    // The builder's index replaces the catalog's, so it gets the entries already there.
    var entries: [FullTextBuilder.Entry] = []
    for row in try db.rows(sql: "SELECT rowid, names, body FROM search_text") {
      entries.append(
        FullTextBuilder.Entry(
          key: try row.get("rowid"), names: try row.get("names"), body: try row.get("body")))
      if entries.count == 4096 {
        builder.add(entries)
        entries = []
      }
    }
    builder.add(entries)
    // The rows go into `search_text` here; the index is the builder's.
    try db.execute(sql: "DROP TRIGGER search_text_inserted")
    // `search_text_by_record` stays: the events' rows are added in the order of their
    // rowids, so it grows at its right edge, which costs less than building it afterwards
    // (1.3 s at 1M events, on one core while nothing else ran).
    try db.dropBulkIndexes(keeping: "search_text")
  }

  var dropsIndexes: Bool { true }

  func addEventEntry(key: Int64, rowid: Int64, text: String) throws {
    insertSearchText.bind(1, key)
    insertSearchText.bind(2, rowid)
    insertSearchText.bind(3, text)
    try insertSearchText.run()
    pending.append(FullTextBuilder.Entry(key: key, names: "", body: text))
    if pending.count >= 1024 {
      builder.add(pending)
      pending.removeAll(keepingCapacity: true)
    }
  }

  /// Rebuilds the other indexes while the builder finishes, then puts its tables in place
  /// of the catalog's full-text tables.
  ///
  /// The index is dropped and created again rather than emptied, so this connection holds
  /// nothing cached of the old one.
  func finish(namedEntries: [NamedEntry], refreshActivity: () throws -> Void) throws {
    try db.useBuildSettings()
    try db.insert(namedEntries)
    builder.add(
      pending + namedEntries.map { .init(key: $0.key, names: $0.names, body: $0.body) })
    pending = []
    builder.endInput()
    try db.rebuildBulkIndexes(keeping: "search_text")
    try refreshActivity()
    try builder.wait()
    let from = Self.schema
    try db.execute(
      sql: """
        DROP TRIGGER search_text_deleted;
        DROP TRIGGER search_text_updated;
        DROP TABLE search_index;
        \(Schema.searchIndexTable);
        DELETE FROM search_index_data;
        DELETE FROM search_index_idx;
        DELETE FROM search_index_docsize;
        INSERT INTO search_index_data SELECT * FROM \(from).search_index_data;
        INSERT INTO search_index_idx SELECT * FROM \(from).search_index_idx;
        INSERT INTO search_index_docsize SELECT * FROM \(from).search_index_docsize;
        DELETE FROM search_term;
        INSERT INTO search_term SELECT * FROM \(from).search_term;
        \(Schema.insertTrigger);
        \(Schema.deleteTrigger);
        \(Schema.updateTrigger);
        """)
    try db.restoreBulkSettings()
  }
}
