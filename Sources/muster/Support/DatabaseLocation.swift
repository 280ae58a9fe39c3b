import Foundation
import MusterDomain
import MusterImport
import MusterResources
import MusterStore

/// Finding, creating and opening the database a command works on.
enum DatabaseLocation {
  /// `--db`, or `$XDG_DATA_HOME/muster/muster.db`, or `~/.local/share/muster/muster.db`.
  static func path(_ options: GlobalOptions) throws -> String {
    if let db = options.db { return db }
    let environment = ProcessInfo.processInfo.environment
    if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
      return dataHome + "/muster/muster.db"
    }
    guard let home = environment["HOME"], !home.isEmpty else {
      throw CommandFailure(
        "cannot find the default database: neither XDG_DATA_HOME nor HOME is set; "
          + "pass --db PATH", code: ExitStatus.usage)
    }
    return home + "/.local/share/muster/muster.db"
  }

  /// Opens the database for reading and writing, creating it on first use.
  ///
  /// A missing database is created atomically from the bundled dataset (or empty when
  /// `seeded` is false): an interrupted first run leaves no half-made file behind.
  static func openWritable(_ options: GlobalOptions, seeded: Bool = true) throws
    -> SQLiteCatalogWriter
  {
    let path = try path(options)
    try createIfMissing(at: path, seeded: seeded, creatingFolder: options.db == nil)
    return try SQLiteCatalog.openWritable(at: path)
  }

  /// Opens the database for reading, creating it on first use like `openWritable`.
  ///
  /// Writable when the file allows (so an older schema is upgraded), read-only otherwise.
  static func openForReading(_ options: GlobalOptions) throws -> SQLiteCatalog {
    try openForBrowsing(options).catalog
  }

  /// Opens the database like `openForReading`, with its write side when the file allows.
  static func openForBrowsing(_ options: GlobalOptions) throws -> (
    catalog: SQLiteCatalog, writer: SQLiteCatalogWriter?
  ) {
    let path = try path(options)
    try createIfMissing(at: path, seeded: true, creatingFolder: options.db == nil)
    if FileManager.default.isWritableFile(atPath: path),
      FileManager.default.isWritableFile(
        atPath: (path as NSString).deletingLastPathComponent.isEmpty
          ? "." : (path as NSString).deletingLastPathComponent)
    {
      let writer = try SQLiteCatalog.openWritable(at: path)
      return (writer.catalog, writer)
    }
    return (try SQLiteCatalog.openReadOnly(at: path), nil)
  }

  static func createIfMissing(at path: String, seeded: Bool, creatingFolder: Bool) throws {
    guard !FileManager.default.fileExists(atPath: path) else { return }
    let folder = (path as NSString).deletingLastPathComponent
    if creatingFolder && !folder.isEmpty {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    try SQLiteCatalog.createAtomically(at: path) { writer in
      guard seeded else { return }
      let result = DatasetReader.read(
        BundledResources.dataset, file: BundledResources.datasetFileName)
      guard result.problems.isEmpty else { throw ImportProblems(result.problems) }
      try writer.write(result.dataset)
    }
  }
}
