import Foundation
import MusterDomain
import MusterImport

/// A one-line progress display on stderr (only when stderr is a terminal).
final class ProgressBar {
  private let start = Date()
  private var lastDrawn = Date.distantPast

  /// Redraws at most ten times a second: rows, rows per second, percent, time left.
  func show(_ progress: EventDatasetImport.Progress) {
    let now = Date()
    guard now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
    lastDrawn = now
    let elapsed = max(now.timeIntervalSince(start), 0.001)
    let rate = Double(progress.rows) / elapsed
    let fraction =
      progress.totalBytes > 0 ? Double(progress.bytes) / Double(progress.totalBytes) : 0
    let remaining = fraction > 0.001 ? elapsed / fraction - elapsed : 0
    let width = 24
    let filled = min(width, Int(fraction * Double(width)))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let seconds = Int(remaining.rounded())
    Console.status(
      "\r\u{1B}[K\(bar) \(Int(fraction * 100))%  \(Estimate.grouped(progress.rows)) rows  "
        + "\(Estimate.grouped(Int(rate))) rows/s  ETA \(seconds / 60):"
        + "\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)")
  }

  /// Removes the line, before other output.
  func clear() {
    Console.status("\r\u{1B}[K")
  }
}

/// A report of bad rows, written beside its final path and moved into place at the end.
final class ReportFile {
  let path: String
  private let temporary: String
  private let handle: FileHandle

  init(path: String) throws {
    self.path = path
    temporary = "\(path).tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else {
      throw CommandFailure("cannot write the report \(path)", code: ExitStatus.ioError)
    }
    self.handle = handle
  }

  func write(_ line: String) {
    try? handle.write(contentsOf: Data((line + "\n").utf8))
  }

  func finish() throws {
    try handle.close()
    guard rename(temporary, path) == 0 else {
      throw CommandFailure("cannot write the report \(path)", code: ExitStatus.ioError)
    }
  }

  func discard() throws {
    try handle.close()
    unlink(temporary)
  }
}
