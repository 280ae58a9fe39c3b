import Foundation
import GRDB
import GRDBSQLite
import MusterDomain
import Synchronization

/// The catalog in one SQLite file: the read side.
///
/// One `DatabaseQueue` (a single connection) serves every read, so `PRAGMA data_version`
/// on it notices commits from other processes. Opened read-only, the connection also runs
/// `PRAGMA query_only`, so no statement can write whatever the caller does.
public final class SQLiteCatalog: CatalogReading {
  let database: DatabaseQueue
  /// The database file.
  public let path: String
  /// Whether the file was opened read-only (kiosk mode).
  public let isReadOnly: Bool
  /// The located sites of the map's last box, kept while nothing is written (`data_version`):
  /// stepping the time cursor changes only who holds them.
  let mapSitesCache = Mutex<MapSitesCache?>(nil)
  /// Every deployment's bounds, kept while nothing is written (see `positionIndex(_:)`).
  let positionIndexCache = Mutex<(version: CacheVersion, index: PositionIndex)?>(nil)
  /// Commits through this catalog's own connection, which `PRAGMA data_version` does not
  /// count.
  let ownCommits = Atomic<Int>(0)

  init(database: DatabaseQueue, path: String, isReadOnly: Bool) {
    self.database = database
    self.path = path
    self.isReadOnly = isReadOnly
  }

  /// Opens an existing database for reading only: `SQLITE_OPEN_READONLY` and `query_only`.
  public static func openReadOnly(at path: String) throws(StoreError) -> SQLiteCatalog {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError(.missing, path: path, "no such database file")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw StoreError(.io, path: path, "the database file is not readable (permissions)")
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(5)
    configuration.label = "muster.read-only"
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA query_only = ON")
    }
    let queue: DatabaseQueue
    do {
      queue = try StoreError.wrapping(path: path) {
        try DatabaseQueue(path: path, configuration: configuration)
      }
      try StoreError.wrapping(path: path) {
        try queue.read { db in try checkSchema(db, path: path, canMigrate: false) }
      }
    } catch let error where error.kind == .readOnly {
      // A reader that may not write beside the file needs the WAL files in place: SQLite
      // would have to create `-shm` to read a WAL database.
      guard !FileManager.default.fileExists(atPath: path + "-shm") else { throw error }
      throw StoreError(
        .readOnly, path: path,
        "cannot read it without write access to its folder: its \(path)-wal and -shm files "
          + "are missing. Open it once with a writable Muster (for example `muster --db "
          + "\(path) list sites`), which leaves them in place, and make them readable")
    }
    return SQLiteCatalog(database: queue, path: path, isReadOnly: true)
  }

  /// Opens a database for reading and writing, creating and migrating it as needed.
  public static func openWritable(at path: String) throws(StoreError) -> SQLiteCatalogWriter {
    let folder = (path as NSString).deletingLastPathComponent
    if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
      throw StoreError(.missing, path: path, "the folder \(folder) does not exist")
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    configuration.label = "muster.read-write"
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      // Keep the -wal and -shm files when the last connection closes: a reader without
      // write access to the folder (a kiosk account) can then still open the database.
      var persist: Int32 = 1
      _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
    }
    let queue = try StoreError.wrapping(path: path) {
      try DatabaseQueue(path: path, configuration: configuration)
    }
    try StoreError.wrapping(path: path) {
      try queue.writeWithoutTransaction { db in
        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        if mode?.lowercased() != "wal" {
          throw StoreError(.io, path: path, "cannot switch the database to WAL mode")
        }
      }
      try queue.read { db in try checkSchema(db, path: path, canMigrate: true) }
      try Migrations.migrator.migrate(queue)
      try queue.write { db in try Schema.refreshSpellings(db) }
    }
    return SQLiteCatalogWriter(
      catalog: SQLiteCatalog(database: queue, path: path, isReadOnly: false))
  }

  /// Refuses files that are not Muster databases, or are newer than this Muster.
  static func checkSchema(_ db: Database, path: String, canMigrate: Bool) throws {
    let tables = try String.fetchSet(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    if tables.isEmpty && canMigrate { return }
    guard tables.contains("grdb_migrations"), tables.contains("meta") else {
      throw StoreError(
        .notADatabase, path: path,
        "this SQLite file is not a Muster database (no Muster tables in it)")
    }
    let applied = try Migrations.migrator.appliedIdentifiers(db)
    let known = Set(Migrations.migrator.migrations)
    if !applied.isSubset(of: known) {
      throw StoreError(
        .incompatible, path: path,
        "the database was made by a newer Muster (schema \(applied.sorted().joined(separator: ", ")))"
      )
    }
    if !canMigrate && applied != known {
      throw StoreError(
        .incompatible, path: path,
        "the database needs an upgrade; open it once with `muster --db \(path)` and write access"
      )
    }
  }

  /// What the caches above are kept for: the state of the file for a read-only connection
  /// (see `fileStateToken`), else SQLite's data version and this connection's own commits.
  func cacheVersion(_ db: Database) throws -> CacheVersion {
    guard !isReadOnly else { return CacheVersion(data: fileStateToken(), own: 0) }
    return CacheVersion(
      data: try db.value(Int.self, sql: "PRAGMA data_version") ?? 0,
      own: ownCommits.load(ordering: .relaxed))
  }

  /// Every deployment in memory, built again after anything was written.
  func positionIndex(_ db: Database) throws -> PositionIndex {
    let version = try cacheVersion(db)
    if let cached = positionIndexCache.withLock({ $0 }), cached.version == version {
      return cached.index
    }
    let index = try PositionIndex(db: db)
    positionIndexCache.withLock { $0 = (version, index) }
    return index
  }

  /// Runs a write on the catalog's connection, noted so that the caches are built again.
  func writing<T>(_ body: (Database) throws -> T) throws -> T {
    defer { ownCommits.add(1, ordering: .relaxed) }
    return try database.write(body)
  }

  /// Runs statements outside a transaction on the catalog's connection, noted as `writing`.
  func writingWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
    defer { ownCommits.add(1, ordering: .relaxed) }
    return try database.writeWithoutTransaction(body)
  }

  /// SQLite's data version: it changes whenever another connection commits.
  public func changeToken() throws -> Int {
    guard !isReadOnly else { return fileStateToken() }
    // Once a second in every idle browser: a cached statement, and no transaction around
    // it (a read transaction would add BEGIN and COMMIT).
    return try database.inDatabase { db in try db.value(Int.self, sql: "PRAGMA data_version") ?? 0 }
  }

  /// The database file and its WAL as the file system describes them: inode, size and
  /// modification time in nanoseconds.
  ///
  /// A read-only connection cannot trust `PRAGMA data_version`: when the account may not
  /// write the `-shm` file (a kiosk reading a database another account owns), SQLite keeps
  /// the WAL index in private memory, rebuilds it for every read, and the version moves on
  /// every read though nothing was committed, which made every idle tick a reload. Every
  /// commit grows or rewrites the WAL (or the file itself outside WAL mode), and a file
  /// replaced by another (a restored copy) has another inode: either changes the token.
  func fileStateToken() -> Int {
    var hasher = Hasher()
    for file in [path, path + "-wal"] {
      var info = stat()
      guard stat(file, &info) == 0 else {
        hasher.combine(-1)
        continue
      }
      hasher.combine(info.st_ino)
      hasher.combine(info.st_size)
      hasher.combine(info.st_mtim.tv_sec)
      hasher.combine(info.st_mtim.tv_nsec)
    }
    return hasher.finalize()
  }
}

extension StoreError {
  /// Runs `body`, turning SQLite and GRDB errors into `StoreError`s that name the file.
  static func wrapping<T>(path: String, _ body: () throws -> T) throws(StoreError) -> T {
    do {
      return try body()
    } catch let error as StoreError {
      throw error.path.isEmpty ? StoreError(error.kind, path: path, error.message) : error
    } catch let error as DatabaseError {
      throw StoreError(error, path: path)
    } catch {
      throw StoreError(.io, path: path, "\(error)")
    }
  }

  /// Runs `body`, turning SQLite errors into `StoreError`s and letting every other error
  /// through unchanged.
  static func mappingDatabaseErrors<T>(path: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw StoreError(error, path: path)
    } catch let error as StoreError {
      throw error.path.isEmpty ? StoreError(error.kind, path: path, error.message) : error
    }
  }

  init(_ error: DatabaseError, path: String) {
    let detail = error.message ?? "\(error.resultCode)"
    switch error.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      self.init(.notADatabase, path: path, "the file is not a database or is damaged (\(detail))")
    case .SQLITE_READONLY:
      self.init(.readOnly, path: path, "the database is read-only here (\(detail))")
    case .SQLITE_CANTOPEN:
      self.init(.io, path: path, "cannot open the database file (\(detail))")
    case .SQLITE_FULL:
      self.init(
        .io, path: path,
        "the disk is full (\(detail)); what was being written was rolled back")
    case .SQLITE_IOERR
    where [.SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE]
      .contains(error.extendedResultCode):
      self.init(
        .io, path: path,
        "cannot write the database (\(detail)): the disk may be full or a file-size limit "
          + "reached; what was being written was rolled back")
    case .SQLITE_IOERR, .SQLITE_PERM, .SQLITE_BUSY, .SQLITE_LOCKED:
      self.init(.io, path: path, "\(detail)")
    case .SQLITE_CONSTRAINT:
      self.init(.invalidData, path: path, "the data breaks a rule of the database (\(detail))")
    default:
      self.init(.io, path: path, "\(detail)")
    }
  }
}

/// The state of the database a cache was built from.
struct CacheVersion: Equatable, Sendable {
  let data: Int
  let own: Int
}
