import GRDB
import MusterDomain

/// How an event-dataset import keeps the catalog's indexes while it writes rows.
///
/// `ImportedEventWriter` writes the rows and hands each event's full-text entry, then the
/// named records' entries, to one of three strategies, chosen by `choose`:
/// - `IndexesKept`: a small import; every index stays, entries go in in key order at the
///   end through the full-text trigger, and the new terms are added to `search_term`.
/// - `IndexesRebuilt`: a large import that may update earlier events; the secondary
///   indexes are dropped first and built again by sorting at the end, with the full-text
///   index, inside the transaction.
/// - `FullTextInParallel`: a large import that updates nothing; besides the rebuilt
///   indexes, the full-text index is built on another core by a `FullTextBuilder`.
protocol IndexStrategy: AnyObject {
  /// Whether the secondary indexes (`Schema.bulkIndexes`) are dropped while rows go in: then
  /// the writer finds earlier events through a map of its own, not `event_by_id`.
  var dropsIndexes: Bool { get }

  /// Takes one event's full-text entry (its key, rowid and folded text).
  func addEventEntry(key: Int64, rowid: Int64, text: String) throws

  /// Writes the named records' entries and brings every index back. `refreshActivity` is
  /// the writer's own last step, run while a builder finishes on its core.
  func finish(namedEntries: [NamedEntry], refreshActivity: () throws -> Void) throws
}

/// The full-text entry of an actor, place or source the import created.
struct NamedEntry {
  let key: Int64
  let kind: RecordKind
  let rowid: Int64
  let names: String
  let body: String
}

/// Imports at least this large (and at least as large as what the catalog holds) drop and
/// rebuild secondary indexes, and try a rollback journal.
let largeImport = 10_000

/// The strategy for an import of `expectedEvents` into `db`'s open transaction; `builder`
/// is used when the import is large and updates no events of an earlier import.
func chooseIndexStrategy(
  db: Database, expectedEvents: Int, builder: FullTextBuilder?
) throws -> any IndexStrategy {
  let existingEvents = try db.value(Int.self, sql: "SELECT count(*) FROM event") ?? 0
  guard expectedEvents >= max(existingEvents, largeImport) else {
    return try IndexesKept(db: db)
  }
  let updatesNone =
    try db.value(Int.self, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE id GLOB 'event:*:*')")
    == 0
  if updatesNone, let builder {
    return try FullTextInParallel(db: db, builder: builder)
  }
  return try IndexesRebuilt(db: db)
}

extension Database {
  /// Writes named records' full-text entries.
  func insert(_ entries: some Sequence<NamedEntry>) throws {
    for entry in entries {
      try run(
        sql: "INSERT INTO search_text(rowid, kind, record, names, body) VALUES (?, ?, ?, ?, ?)",
        arguments: [entry.key, entry.kind.code, entry.rowid, entry.names, entry.body])
    }
  }

  /// Drops the bulk indexes (but those on `keptTable`) for rows to go in faster; a small
  /// cache does as well as a large one while rows are appended.
  func dropBulkIndexes(keeping keptTable: String? = nil) throws {
    try execute(sql: "PRAGMA cache_size = -8000")
    for index in Schema.bulkIndexes where index.table != keptTable {
      try execute(sql: index.dropSQL)
    }
  }

  /// The cache and sorter threads for building indexes at the end of a large import.
  ///
  /// A larger cache made no build faster in `make bench` (20 or 40 MB against 10 MB at 1M
  /// events), and with the sorter threads it cost up to 70 MB more.
  func useBuildSettings() throws {
    try execute(sql: "PRAGMA cache_size = -10000; PRAGMA threads = 2")
  }

  /// Builds the bulk indexes again (but those on `keptTable`) by sorting.
  func rebuildBulkIndexes(keeping keptTable: String? = nil) throws {
    for index in Schema.bulkIndexes where index.table != keptTable {
      try execute(sql: index.createSQL)
    }
  }

  /// The cache and sorter threads every connection normally has.
  func restoreBulkSettings() throws {
    try execute(sql: "PRAGMA cache_size = -2000; PRAGMA threads = 0")
  }
}

/// Events' full-text entries in a temporary table, written to `search_text` in key order
/// at the end: FTS5 flushes its pending buffer whenever a rowid arrives lower than the one
/// before, and a B-tree grows best at its right edge.
final class StagedEntries {
  private let db: Database
  private let stage: RawStatement

  init(db: Database) throws {
    self.db = db
    try db.execute(
      sql: "CREATE TEMP TABLE staged_entries(key INTEGER NOT NULL, body TEXT NOT NULL)")
    stage = try RawStatement(db, "INSERT INTO temp.staged_entries(key, body) VALUES (?, ?)")
  }

  func add(key: Int64, text: String) throws {
    stage.bind(1, key)
    stage.bind(2, text)
    try stage.run()
  }

  /// Writes the named records' entries and the staged ones into `search_text`, in key order.
  func write(_ namedEntries: [NamedEntry]) throws {
    try db.insert(namedEntries.sorted { $0.key < $1.key })
    try db.execute(
      sql: """
        INSERT INTO search_text(rowid, kind, record, names, body)
          SELECT key, \(RecordKind.event.code), key & \(SearchDocument.maximumRowid - 1), '', body
          FROM temp.staged_entries ORDER BY key;
        DROP TABLE temp.staged_entries;
        """)
  }
}
