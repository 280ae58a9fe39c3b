import Foundation
import MusterUI

/// The search history of one database, in a file of its own.
///
/// The file is `$XDG_STATE_HOME/muster/history/<hash of the database path>.txt`, one query
/// a line, oldest first; written whole to a temporary file, then renamed over the old one.
///
/// Kiosk mode never makes one: it reads and writes nothing in anybody's home.
struct FileQueryHistory: QueryHistory {
  let file: URL

  /// The history file for a database, or `nil` when there is no home to keep it in.
  init?(databasePath: String, environment: [String: String]) {
    let folder: String
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      folder = state + "/muster/history"
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      folder = home + "/.local/state/muster/history"
    } else {
      return nil
    }
    let absolute = URL(fileURLWithPath: databasePath).standardizedFileURL.resolvingSymlinksInPath()
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in absolute.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    file = URL(fileURLWithPath: folder).appendingPathComponent(String(hash, radix: 16) + ".txt")
  }

  func load() throws -> [String] {
    guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  func remember(_ query: String) throws {
    let line = query.replacingOccurrences(of: "\n", with: " ")
    var queries = try load().filter { $0 != line }
    queries.append(line)
    let kept = queries.suffix(SearchState.historyLimit)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
  }
}
