import GRDB
import MusterDomain

/// The catalog in one SQLite file: the write side, for import and notes.
///
/// Never handed to kiosk mode, which only gets a read-only `SQLiteCatalog`.
public final class SQLiteCatalogWriter: CatalogWriting {
  /// The read side of the same database.
  public let catalog: SQLiteCatalog

  init(catalog: SQLiteCatalog) {
    self.catalog = catalog
  }

  /// Writes every record of a dataset in one transaction; all or nothing.
  @discardableResult
  public func write(_ dataset: Dataset) throws -> WriteSummary {
    try StoreError.wrapping(path: catalog.path) {
      try catalog.writing { db in
        var writer = DatasetWriter(db: db, path: catalog.path)
        return try writer.write(dataset)
      }
    }
  }

  /// Adds an analyst's note.
  public func add(_ note: Note) throws {
    try write(Dataset(notes: [note]))
  }

  /// Pins or unpins a record for an analyst.
  public func setPinned(_ isPinned: Bool, _ pin: Pin) throws {
    try StoreError.wrapping(path: catalog.path) {
      try catalog.writing { db in
        if isPinned {
          try db.execute(
            sql: "INSERT OR REPLACE INTO pin(target, author, created_at) VALUES (?, ?, ?)",
            arguments: [pin.target.rawValue, pin.author, pin.createdAt])
        } else {
          try db.execute(
            sql: "DELETE FROM pin WHERE target = ? AND author = ?",
            arguments: [pin.target.rawValue, pin.author])
        }
      }
    }
  }

  /// Merges one actor or site into another of the same kind.
  ///
  /// Links, notes and pins move to `kept`, the merged record's names become its aliases, and the merge is recorded so
  /// that `split` restores both exactly. A re-import of the merged record's dataset finds
  /// the kept record.
  public func merge(
    _ merged: RecordReference, into kept: RecordReference, reason: String, author: String,
    at time: Int
  ) throws {
    guard merged.kind == kept.kind, [.actor, .site].contains(merged.kind), merged != kept else {
      throw StoreError(
        .incompatible, path: catalog.path,
        "only two different actors or two different sites can be merged")
    }
    try StoreError.wrapping(path: catalog.path) {
      try catalog.writing { db in
        let loader = RecordLoader(db: db)
        guard let mergedRow = try loader.rowid(of: merged, followingMerges: false) else {
          throw StoreError(.missing, path: catalog.path, "no record \(merged.rawValue)")
        }
        guard let keptRow = try loader.rowid(of: kept, followingMerges: false) else {
          throw StoreError(.missing, path: catalog.path, "no record \(kept.rawValue)")
        }
        try RecordMerger(db: db).merge(
          merged.kind, kept: keptRow, merged: mergedRow, reason: reason, author: author,
          at: time)
        try db.execute(
          sql: "DELETE FROM match_review WHERE first IN (?1, ?2) AND second IN (?1, ?2)",
          arguments: [merged.rawValue, kept.rawValue])
        _ = try History(db: db).record(
          [(merged.rawValue, nil, nil, "merged into \(kept.rawValue): \(reason)")],
          action: "merge", author: author, time: time)
      }
    }
  }

  /// Undoes the merge of `merged`: it comes back as it was, with its links; returns the
  /// record it had been merged into.
  ///
  /// Recorded in the history as `author`'s at `time`.
  @discardableResult
  public func split(_ merged: RecordReference, by author: String, at time: Int)
    throws -> RecordReference?
  {
    try StoreError.wrapping(path: catalog.path) {
      try catalog.writing { db in
        let kept = try RecordMerger(db: db).split(merged.kind, mergedID: merged.rawValue)
        let keptID = try db.value(
          String.self, sql: "SELECT id FROM \(merged.kind.rawValue) WHERE rowid = ?",
          arguments: [kept]
        ).flatMap(RecordReference.init)
        _ = try History(db: db).record(
          [(merged.rawValue, nil, nil, "split from \(keptID?.rawValue ?? "?")")],
          action: "split", author: author, time: time)
        return keptID
      }
    }
  }

  /// Records an analyst's decision on a proposed match (`rejected` hides it from
  /// `reconcileProposals`).
  public func review(
    _ first: RecordReference, _ second: RecordReference, decision: String, author: String,
    at time: Int
  ) throws {
    let (a, b) = first.rawValue < second.rawValue ? (first, second) : (second, first)
    try StoreError.wrapping(path: catalog.path) {
      try catalog.writing { db in
        try db.execute(
          sql: """
            INSERT OR REPLACE INTO match_review(first, second, decision, author, created_at)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [a.rawValue, b.rawValue, decision, author, time])
      }
    }
  }

  /// Runs `PRAGMA integrity_check` and the full-text index's own check; `["ok"]` when sound.
  public func integrityCheck() throws -> [String] {
    try StoreError.wrapping(path: catalog.path) {
      try catalog.writingWithoutTransaction { db in
        var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if problems == ["ok"] {
          do {
            try db.execute(
              sql: "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)")
          } catch {
            problems = ["search index: \(error)"]
          }
        }
        return problems
      }
    }
  }

  /// Checkpoints the write-ahead log into the main file and closes the database.
  public func close() throws {
    try StoreError.wrapping(path: catalog.path) {
      _ = try catalog.writingWithoutTransaction { db in
        try db.checkpoint(.truncate)
      }
      try catalog.database.close()
    }
  }
}
