import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import MusterDomain
import Synchronization

/// Builds the full-text index of a large import on a core of its own, while the import
/// writes its rows on another.
///
/// The index is built in a scratch database beside the catalog (`FILE.fulltext-PID`),
/// with the catalog's own `search_text`, `search_index` and `search_term` tables. Entries
/// arrive in any order; they are sorted in chunks (by a temporary table keyed by them)
/// before they go in, because FTS5 flushes its pending terms whenever a key arrives lower
/// than the one before. When the import has
/// written its rows, `FieldEventWriter.finish` copies the finished tables into the catalog
/// inside the import's transaction, so the catalog still changes all at once or not at
/// all. The scratch file never holds the only copy of anything: it is removed when the
/// import ends, and one left by a killed process is removed by the next import.
final class FullTextBuilder: Sendable {
  /// One row of `search_text`.
  struct Entry: Sendable {
    let key: Int64
    let kind: Int
    let record: Int64
    let names: String
    let body: String
  }

  private enum Message: Sendable {
    case entries([Entry])
    case finish
    case abandon
  }

  /// The scratch database.
  let path: String
  /// Entries sorted and written at a time.
  static let chunk = 20_000
  private let channel = BoundedChannel<Message>(capacity: 8)
  private let done = DispatchSemaphore(value: 0)
  private let failure = Mutex<(any Error)?>(nil)
  private let ended = Atomic<Bool>(false)

  /// Creates the scratch database beside `catalogPath` and starts the building thread.
  init(besides catalogPath: String) throws {
    SQLiteCatalog.removeAbandoned(of: catalogPath, purpose: "fulltext")
    path = "\(catalogPath).fulltext-\(getpid())"
    Self.removeFiles(path)
    var configuration = Configuration()
    configuration.label = "muster.fulltext"
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    try queue.writeWithoutTransaction { db in
      // A scratch file: nothing in it needs to survive a crash.
      try db.execute(
        sql: """
          PRAGMA journal_mode = OFF;
          PRAGMA synchronous = OFF;
          PRAGMA cache_size = -8000;
          \(Schema.searchTextTable);
          \(Schema.searchIndexTable);
          \(Schema.insertTrigger);
          \(SearchTerms.createTable);
          """)
    }
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      build(queue)
      try? queue.close()
      done.signal()
    }
  }

  /// Hands entries to the building thread; waits while it is too far behind.
  func add(_ entries: [Entry]) {
    guard !entries.isEmpty else { return }
    channel.send(.entries(entries))
  }

  /// Tells the building thread that no more entries come.
  ///
  /// It writes the last ones and lists the index's terms; `wait()` waits for that.
  func endInput() {
    guard !ended.exchange(true, ordering: .relaxed) else { return }
    channel.send(.finish)
  }

  /// Waits for the building thread to finish; throws what stopped it.
  func wait() throws {
    done.wait()
    done.signal()
    if let error = failure.withLock({ $0 }) { throw error }
  }

  /// Stops the building thread if it is still running, and removes the scratch files.
  func close() {
    if !ended.exchange(true, ordering: .relaxed) {
      channel.send(.abandon)
    }
    done.wait()
    done.signal()
    Self.removeFiles(path)
  }

  private static func removeFiles(_ path: String) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
      unlink(path + suffix)
    }
  }

  /// The building thread: takes entries until `finish` (or `abandon`), in one transaction.
  private func build(_ queue: DatabaseQueue) {
    var sawEnd = false
    do {
      try queue.writeWithoutTransaction { db in
        do {
          try db.execute(
            sql: """
              CREATE TEMP TABLE chunk (
                rowid INTEGER PRIMARY KEY, kind INTEGER, record INTEGER, names TEXT, body TEXT);
              BEGIN;
              """)
          let stage = try RawStatement(
            db, "INSERT INTO temp.chunk(rowid, kind, record, names, body) VALUES (?, ?, ?, ?, ?)")
          var staged = 0
          // One statement per chunk: FTS5 flushes its pending terms at every statement that
          // opens a savepoint, which each single-row insert through the trigger would do.
          func flush() throws {
            try db.execute(
              sql: "INSERT INTO search_text SELECT * FROM temp.chunk; DELETE FROM temp.chunk")
            staged = 0
          }
          while true {
            switch channel.receive() {
            case .entries(let entries):
              for entry in entries {
                stage.bind(1, entry.key)
                stage.bind(2, entry.kind)
                stage.bind(3, entry.record)
                stage.bind(4, entry.names)
                stage.bind(5, entry.body)
                try stage.run()
              }
              staged += entries.count
              if staged >= Self.chunk { try flush() }
            case .finish:
              sawEnd = true
              try flush()
              try db.execute(sql: "COMMIT")
              try SearchTerms.rebuild(db)
              return
            case .abandon:
              sawEnd = true
              try? db.execute(sql: "ROLLBACK")
              return
            }
          }
        } catch {
          // GRDB requires the transaction closed when the access ends.
          if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
          throw error
        }
      }
    } catch {
      failure.withLock { $0 = error }
      // Keep taking messages so the import never blocks on a full channel; it learns of the
      // failure from `wait()`.
      while !sawEnd {
        switch channel.receive() {
        case .entries: continue
        case .finish, .abandon: return
        }
      }
    }
  }
}
