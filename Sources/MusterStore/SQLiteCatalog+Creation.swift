import Foundation
import GRDB

extension SQLiteCatalog {
  /// Creates the database at `path` all at once: fills a temporary file beside it, closes
  /// it, then links it into place, so the path either does not exist or holds a complete
  /// database, whatever happens meanwhile (a crash, `kill -9`, a full disk).
  ///
  /// Returns `false` when `path` already exists (then nothing is done); if another process
  /// creates it first, its database is kept and this one discarded. Leftover temporary files
  /// of processes that died are removed.
  @discardableResult
  public static func createAtomically(
    at path: String, populate: (SQLiteCatalogWriter) throws -> Void
  ) throws -> Bool {
    let files = FileManager.default
    if files.fileExists(atPath: path) { return false }
    removeAbandonedCreations(of: path)
    let temporary = "\(path).creating-\(getpid())"
    removeDatabaseFiles(at: temporary)
    do {
      let writer = try openWritable(at: temporary)
      try populate(writer)
      try writer.close()
      guard link(temporary, path) == 0 else {
        let error = errno
        removeDatabaseFiles(at: temporary)
        if error == EEXIST { return false }
        throw StoreError(
          .io, path: path, "cannot create the database: \(String(cString: strerror(error)))")
      }
      // The temporary name goes, and the WAL files its connection kept (it checkpointed
      // everything into the database when it closed).
      removeDatabaseFiles(at: temporary)
      syncFolder(of: path)
      return true
    } catch {
      removeDatabaseFiles(at: temporary)
      throw error
    }
  }

  /// Removes `FILE.creating-PID` files whose process is gone.
  static func removeAbandonedCreations(of path: String) {
    removeAbandoned(of: path, purpose: "creating")
  }

  /// Removes `FILE.<purpose>-PID` scratch files (and their journals) whose process is gone:
  /// what a process killed while creating or importing leaves behind.
  static func removeAbandoned(of path: String, purpose: String) {
    let folder = (path as NSString).deletingLastPathComponent
    let prefix = (path as NSString).lastPathComponent + ".\(purpose)-"
    let entries =
      (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
    for entry in entries where entry.hasPrefix(prefix) {
      let rest = entry.dropFirst(prefix.count)
      let digits = rest.prefix { $0.isNumber }
      guard let pid = Int32(digits), pid != getpid() else { continue }
      if kill(pid, 0) == -1 && errno == ESRCH {
        let file = folder.isEmpty ? entry : "\(folder)/\(entry)"
        unlink(file)
      }
    }
  }

  /// Removes a database file and its write-ahead log and shared-memory files.
  static func removeDatabaseFiles(at path: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
      unlink(path + suffix)
    }
  }

  /// Makes the new directory entry durable.
  static func syncFolder(of path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }
}
