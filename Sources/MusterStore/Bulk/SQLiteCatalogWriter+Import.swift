import GRDB
import MusterDomain

extension SQLiteCatalogWriter: EventDatasetImporting {
  /// Imports event-dataset events in one transaction; see `ImportedEventWriter`.
  public func importEvents(
    expectedEvents: Int, _ produce: (any ImportedEventSink) throws -> Void
  ) throws -> EventDatasetImportSummary {
    try importEvents(
      expectedEvents: expectedEvents, eventIDHash: ImportedRecords.fnv1a, produce)
  }

  /// `importEvents` with the hash the writer keys events by (tests make ids collide).
  func importEvents(
    expectedEvents: Int, eventIDHash: @escaping (String) -> UInt64,
    _ produce: (any ImportedEventSink) throws -> Void
  ) throws -> EventDatasetImportSummary {
    // The caller's own errors (bad rows in strict mode, cancellation) pass through as they
    // are; only the database's become `StoreError`s.
    try StoreError.mappingDatabaseErrors(path: catalog.path) {
      let rollbackJournal = expectedEvents >= largeImport ? try useRollbackJournal() : false
      defer {
        if rollbackJournal {
          _ = try? catalog.writingWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
          }
        }
      }
      let fullText =
        expectedEvents >= largeImport ? try FullTextBuilder(besides: catalog.path) : nil
      defer { fullText?.close() }
      return try catalog.writingWithoutTransaction { db in
        if let fullText {
          // Attached before the transaction (SQLite refuses it inside one), which is
          // deferred so that it does not lock the builder's file until it reads it.
          try db.execute(
            sql: "ATTACH DATABASE ? AS \(FullTextInParallel.schema)",
            arguments: [fullText.path])
        }
        defer {
          if fullText != nil {
            try? db.execute(sql: "DETACH DATABASE \(FullTextInParallel.schema)")
          }
        }
        var summary = EventDatasetImportSummary()
        try db.inTransaction(.deferred) {
          // Take the write lock first, as an immediate transaction would.
          try db.execute(sql: "DELETE FROM meta WHERE 0")
          let indexing = try chooseIndexStrategy(
            db: db, expectedEvents: expectedEvents, builder: fullText)
          let writer = try ImportedEventWriter(
            db: db, expectedEvents: expectedEvents, indexing: indexing, eventIDHash: eventIDHash)
          try produce(writer)
          try writer.finish()
          summary = writer.summary
          return .commit
        }
        return summary
      }
    }
  }

  /// Switches to a rollback journal for one large import when no other connection has the
  /// database open; returns whether it did.
  ///
  /// In WAL mode one huge transaction writes every page twice: into the log, then into the
  /// database at the checkpoint. A rollback journal keeps the same guarantee (a crash rolls
  /// the transaction back when the database is next opened) while new pages are written
  /// once, since only pages that existed before the transaction are journaled. SQLite
  /// refuses the switch while other connections (kiosks, browsers) are open, and the
  /// import then stays in WAL mode so they keep reading the old data throughout.
  func useRollbackJournal() throws -> Bool {
    try catalog.writingWithoutTransaction { db in
      let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
      return mode?.lowercased() == "delete"
    }
  }
}
