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
      try catalog.database.write { db in
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
      try catalog.database.write { db in
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

  /// Runs `PRAGMA integrity_check` and the full-text index's own check; `["ok"]` when sound.
  public func integrityCheck() throws -> [String] {
    try StoreError.wrapping(path: catalog.path) {
      try catalog.database.writeWithoutTransaction { db in
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
      _ = try catalog.database.writeWithoutTransaction { db in
        try db.checkpoint(.truncate)
      }
      try catalog.database.close()
    }
  }
}
