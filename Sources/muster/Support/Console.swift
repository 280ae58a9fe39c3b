import Foundation
import MusterTerminal

/// Writing to stdout and stderr; every line of data passes the sanitiser first.
enum Console {
  /// Prints untrusted text as one sanitised line on stdout.
  static func line(_ text: String) {
    write(sanitised(text) + "\n", to: FileHandle.standardOutput)
  }

  /// Prints lines on stdout, each sanitised, in one write.
  static func lines(_ lines: [String]) {
    var text = ""
    for line in lines {
      text += DisplayText.isPrintableASCII(line) ? line : sanitised(line)
      text += "\n"
    }
    write(text, to: FileHandle.standardOutput)
  }

  /// Prints a message on stderr, prefixed with `muster: `.
  static func error(_ text: String) {
    write("muster: " + sanitised(text) + "\n", to: FileHandle.standardError)
  }

  /// Prints text on stderr as it is (progress bars; built by muster itself).
  static func status(_ text: String) {
    write(text, to: FileHandle.standardError)
  }

  /// Writes bytes made by muster itself (JSON, YAML) to stdout.
  static func raw(_ text: String) {
    write(text, to: FileHandle.standardOutput)
  }

  /// Each line of `text` made safe for a terminal: no escape sequences, no controls.
  static func sanitised(_ text: String) -> String {
    // Printable ASCII is shown as it is: the common line costs one scan.
    if DisplayText.isPrintableASCII(text) { return text }
    // And line by line: one name in another script must not send thousands of lines
    // through the character-by-character path.
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { DisplayText.isPrintableASCII($0) ? String($0) : DisplayText($0).description }
      .joined(separator: "\n")
  }

  static func write(_ text: String, to handle: FileHandle) {
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      // stdout closed (a pipe to `head`): stop quietly, as other tools do.
      exit(0)
    }
  }

  /// Whether a file descriptor is a terminal.
  static func isTerminal(_ descriptor: Int32) -> Bool {
    isatty(descriptor) == 1
  }
}
