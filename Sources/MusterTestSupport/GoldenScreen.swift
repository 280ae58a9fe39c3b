import Foundation
import MusterTerminal

/// Whole screens compared with reviewed text files (`Tests/<Target>/Screens/*.txt`).
///
/// Set `MUSTER_RECORD_SCREENS=1` to write the files instead; review the diff before
/// committing. Files are never edited by hand.
public enum GoldenScreen {
  /// What went wrong when a screen differs from its file.
  public struct Mismatch: Error, CustomStringConvertible {
    /// The first differing line and both versions of it, or the missing file.
    public let description: String
  }

  /// Whether this run records screens rather than checking them.
  public static var isRecording: Bool {
    ProcessInfo.processInfo.environment["MUSTER_RECORD_SCREENS"] == "1"
  }

  /// The screen as the file stores it: one line per row, trailing spaces kept as they are
  /// and a `|` after the last column so the width is visible.
  public static func text(of screen: ScreenBuffer) -> String {
    screen.lines().map { $0 + "|" }.joined(separator: "\n") + "\n"
  }

  /// Checks `screen` against `Screens/NAME.txt` beside the calling test file (or records it).
  public static func check(
    _ screen: ScreenBuffer, named name: String, testFile: String = #filePath
  ) throws {
    let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent()
      .appendingPathComponent("Screens")
    let file = folder.appendingPathComponent(name + ".txt")
    let actual = text(of: screen)
    if isRecording {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      throw Mismatch(
        description: "no golden screen \(file.path); record it with MUSTER_RECORD_SCREENS=1")
    }
    guard expected != actual else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let have = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let row =
      zip(want, have).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(want.count, have.count)
    throw Mismatch(
      description: """
        screen \(name) differs from \(file.lastPathComponent) at row \(row + 1):
        expected: \(row < want.count ? String(want[row]) : "(nothing)")
        actual:   \(row < have.count ? String(have[row]) : "(nothing)")
        whole screen:
        \(actual)
        """)
  }
}
