import Foundation
import MusterTerminal

/// Texts compared with reviewed files beside the tests: whole screens
/// (`Tests/<Target>/Screens/*.txt`) and exports (`Tests/<Target>/Golden/*`).
///
/// Set `MUSTER_RECORD_SCREENS=1` (or `MUSTER_RECORD_GOLDEN=1`) to write the files instead;
/// review the diff before committing. Files are never edited by hand.
public enum GoldenFile {
  /// What went wrong when a text differs from its file.
  public struct Mismatch: Error, CustomStringConvertible {
    /// The first differing line and both versions of it, or the missing file.
    public let description: String
  }

  /// Whether this run records files rather than checking them.
  public static var isRecording: Bool {
    let environment = ProcessInfo.processInfo.environment
    return environment["MUSTER_RECORD_SCREENS"] == "1" || environment["MUSTER_RECORD_GOLDEN"] == "1"
  }

  /// Checks `actual` against `FOLDER/NAME` beside the calling test file (or records it).
  public static func check(
    _ actual: String, named name: String, in folderName: String, testFile: String = #filePath
  ) throws {
    let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent()
      .appendingPathComponent(folderName)
    let file = folder.appendingPathComponent(name)
    if isRecording {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      throw Mismatch(
        description: "no golden file \(file.path); record it with MUSTER_RECORD_GOLDEN=1")
    }
    guard expected != actual else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let have = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let row =
      zip(want, have).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(want.count, have.count)
    throw Mismatch(
      description: """
        \(name) differs from \(file.path) at line \(row + 1):
        expected: \(row < want.count ? String(want[row]) : "(nothing)")
        actual:   \(row < have.count ? String(have[row]) : "(nothing)")
        whole text:
        \(actual)
        """)
  }
}

/// Whole screens compared with reviewed text files (`Tests/<Target>/Screens/*.txt`).
public enum GoldenScreen {
  /// The screen as the file stores it: one line per row, trailing spaces kept as they are
  /// and a `|` after the last column so the width is visible.
  public static func text(of screen: ScreenBuffer) -> String {
    screen.lines().map { $0 + "|" }.joined(separator: "\n") + "\n"
  }

  /// Checks `screen` against `Screens/NAME.txt` beside the calling test file (or records it).
  public static func check(
    _ screen: ScreenBuffer, named name: String, testFile: String = #filePath
  ) throws {
    try GoldenFile.check(
      text(of: screen), named: name + ".txt", in: "Screens", testFile: testFile)
  }
}
