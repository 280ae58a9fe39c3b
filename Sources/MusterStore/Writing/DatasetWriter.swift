import GRDB
import MusterDomain

/// Writes a dataset inside one transaction: upserts by slug, then derived data.
///
/// Records are written in dependency order (sources, documents, actors, sites, relations,
/// deployments, events, notes, pins). References may point at records in the dataset or
/// already in the database; anything else is an error and the whole write is rolled back.
struct DatasetWriter {
  let db: Database
  let path: String
  var summary = WriteSummary()
  var rowids = RowidCache()
  /// Records whose full-text entries must be rebuilt at the end.
  var toIndex: Set<IndexedRecord> = []
  /// Records whose names changed, so records that show their names need indexing too.
  var renamed: Set<IndexedRecord> = []
  /// Documents whose grade inputs changed (source or its reliability).
  var regradeDocuments: Set<Int64> = []
  /// Actors and sites whose latest-activity day must be recomputed.
  var touchedActors: Set<Int64> = []
  var touchedSites: Set<Int64> = []
  /// Whether events were written, so the per-day counts need recounting.
  var writesEvents = false
  /// The INSERT and UPDATE statements of each table, built once.
  var upsertSQL: [String: (insert: String, update: String)] = [:]
  /// Each cited document's source reliability, looked up once.
  var reliabilities: [Int64: Reliability] = [:]

  init(db: Database, path: String) {
    self.db = db
    self.path = path
  }

  mutating func write(_ dataset: Dataset) throws -> WriteSummary {
    if let title = dataset.title { try setMeta("title", title) }
    if let description = dataset.description { try setMeta("description", description) }
    for source in dataset.sources { try write(source) }
    for document in dataset.documents { try write(document) }
    for document in dataset.documents { try writeCites(of: document) }
    for actor in dataset.actors { try write(actor) }
    for site in dataset.sites { try write(site) }
    for site in dataset.sites { try writeParent(of: site) }
    for relation in dataset.relations { try write(relation) }
    for deployment in dataset.deployments { try write(deployment) }
    for deployment in dataset.deployments { try writeSuccessor(of: deployment) }
    for event in dataset.events { try write(event) }
    writesEvents = writesEvents || !dataset.events.isEmpty
    for note in dataset.notes { try write(note) }
    for pin in dataset.pins { try write(pin) }
    try finish()
    return summary
  }

  func setMeta(_ key: String, _ value: String) throws {
    try db.run(
      sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
  }

  // MARK: Upserting one row

  /// Inserts a new row or updates the one with the same slug; returns its rowid.
  mutating func upsert(
    _ table: String, kind: RecordKind, id: String, columns: [String],
    values: [(any DatabaseValueConvertible)?]
  ) throws -> (rowid: Int64, isNew: Bool) {
    let sql =
      upsertSQL[table]
      ?? {
        let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
        let names = (["id"] + columns).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
        let built = (
          insert: "INSERT INTO \(table)(\(names)) VALUES (\(marks))",
          update: "UPDATE \(table) SET \(assignments) WHERE rowid = ?"
        )
        upsertSQL[table] = built
        return built
      }()
    if let existing = try rowids.lookup(table, id, db) {
      try db.cachedStatement(sql: sql.update)
        .execute(arguments: StatementArguments(values + [existing]))
      summary.updated[kind, default: 0] += 1
      return (existing, false)
    }
    try db.cachedStatement(sql: sql.insert).execute(arguments: StatementArguments([id] + values))
    let rowid = db.lastInsertedRowID
    guard rowid < SearchDocument.maximumRowid else {
      throw StoreError(.invalidData, path: path, "too many \(kind.plural) for one database")
    }
    rowids.remember(table, id, rowid)
    summary.inserted[kind, default: 0] += 1
    return (rowid, true)
  }

  /// The rowid of a referenced record, or an error naming both ends.
  mutating func resolve(_ table: String, _ id: String, from referrer: String) throws -> Int64 {
    guard let rowid = try rowids.lookup(table, id, db) else {
      throw StoreError(
        .invalidData, path: path, "\(referrer) refers to \(id), which does not exist")
    }
    return rowid
  }

  func table(for kind: RecordKind) -> String {
    kind.rawValue
  }

}
