import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import MusterConcurrency
import MusterDomain
import Synchronization

/// Builds the full-text index of a large import on a core of its own, while the import
/// writes its rows on another.
///
/// The index is built in a scratch database beside the catalog (`FILE.fulltext-PID`): a
/// contentless `search_index` laid out as the catalog's, and `search_term`. The import
/// writes the `search_text` rows itself; only the index's own tables come from here.
/// Entries arrive in any order; they are sorted in chunks before they go in, because FTS5
/// flushes its pending terms whenever a key arrives lower than the one before. When the
/// import has written its rows, `ImportedEventWriter.finish` copies the finished tables into
/// the catalog inside the import's transaction, so the catalog still changes all at once
/// or not at all. The scratch file never holds the only copy of anything: it is removed
/// when the import ends, and one left by a killed process is removed by the next import.
final class FullTextBuilder: Sendable {
  /// What one `search_text` row gives the index: its key and its two columns.
  struct Entry: Sendable {
    let key: Int64
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
  ///
  /// A chunk whose first key is lower than the last one written starts a new segment (as
  /// exports list the newest events first, nearly every chunk does), so a chunk holds about
  /// as much text as FTS5 keeps pending: 100,000 ACLED events are some 35 MB.
  static let chunk = 100_000
  /// How much FTS5 keeps of pending terms before it writes them out as a segment (its
  /// default is 1 MiB).
  ///
  /// Fewer, larger segments are most of what makes a bulk build fast: at 1M ACLED events
  /// the index took 18.0 s in the sqlite3 shell with the defaults, 11.1 s with 32 MiB, and
  /// 8.5 s with 32 MiB and no merging while it is built (`automerge` 0, which stays in this
  /// scratch file: the catalog's index keeps merging as it normally does). Without merging
  /// the segments are still bounded: FTS5's `crisismerge` merges a level once 16 pile up.
  static let pendingBytes = 32 << 20
  /// Room for 64 batches of 1,024 entries: while the builder writes a chunk, the import
  /// goes on writing rows instead of waiting for it.
  private let channel = BoundedChannel<Message>(capacity: 64)
  private let done = DispatchSemaphore(value: 0)
  /// The building thread, joined by `close()`.
  private let thread = Mutex<HelperThread?>(nil)
  private let failure = Mutex<(any Error)?>(nil)
  private let ended = Atomic<Bool>(false)

  /// Creates the scratch database beside `catalogPath` and starts the building thread.
  ///
  /// `maxPageCount` caps the scratch file's size, as a full disk would (for tests).
  init(besides catalogPath: String, maxPageCount: Int? = nil) throws {
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
          \(Schema.contentlessSearchIndexTable);
          \(SearchTerms.createTable);
          INSERT INTO search_index(search_index, rank) VALUES ('hashsize', \(Self.pendingBytes));
          INSERT INTO search_index(search_index, rank) VALUES ('automerge', 0);
          """)
      if let maxPageCount {
        _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(maxPageCount)")
      }
    }
    let building = HelperThread.start { [self] in
      build(queue)
      try? queue.close()
      done.signal()
    }
    thread.withLock { $0 = building }
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
    thread.withLock { $0 }?.join()
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
          try db.execute(sql: "BEGIN")
          // Single-row inserts into the index itself: no trigger and no statement journal,
          // so FTS5 keeps its pending terms in memory until its buffer fills or a key
          // arrives lower than the one before (hence the sorted chunks).
          let insert = try RawStatement(
            db, "INSERT INTO search_index(rowid, names, body) VALUES (?, ?, ?)")
          var pending: [Entry] = []
          pending.reserveCapacity(Self.chunk + 4096)
          func flush() throws {
            pending.sort { $0.key < $1.key }
            for entry in pending {
              insert.bind(1, entry.key)
              insert.bind(2, entry.names)
              insert.bind(3, entry.body)
              try insert.run()
            }
            pending.removeAll(keepingCapacity: true)
          }
          while true {
            switch channel.receive() {
            case .entries(let entries):
              pending += entries
              if pending.count >= Self.chunk { try flush() }
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
