import Foundation
import MusterTestSupport
import Testing

/// Every way out of a kiosk the issue lists, tried one after another on a terminal showing
/// one; after each, the kiosk must still be there.
enum KioskEscapes {
  /// A name and what to send for each attempt.
  static let attempts: [(name: String, send: @Sendable (TmuxSession) throws -> Void)] = [
    ("Ctrl-C", { try $0.send("C-c") }), ("Ctrl-Z", { try $0.send("C-z") }),
    ("Ctrl-\\", { try $0.send("C-\\") }), ("Ctrl-D", { try $0.send("C-d") }),
    ("Ctrl-S", { try $0.send("C-s") }), ("Ctrl-Q", { try $0.send("C-q") }),
    ("q", { try $0.send("q") }), ("Q", { try $0.send("Q") }),
    (":q", { try $0.send(":", "q", "Enter") }),
    (":!sh", { try $0.send(":", "!", "s", "h", "Enter") }),
    ("!sh", { try $0.send("!", "s", "h", "Enter") }),
    ("a, p, e, u (they write outside kiosk)", { try $0.send("a", "p", "e", "u") }),
    ("F1-F12", { tmux in for key in 1...12 { try tmux.send("F\(key)") } }),
    (
      "raw escape sequences (alternate screen off, title, OSC 52, DCS, cursor report request)",
      {
        try $0.sendLiteral(
          "\u{1B}[?1049l\u{1B}]0;pwned\u{07}\u{1B}]52;c;cm0gLXJmIC8K\u{07}\u{1B}P+q544e\u{1B}\\"
            + "\u{1B}[6n\u{1B}[?1000l")
      }
    ),
    (
      "fake terminal replies (cursor position, colour)",
      {
        try $0.sendLiteral("\u{1B}[24;80R\u{1B}]11;rgb:0000/0000/0000\u{1B}\\\u{1B}[?62;22c")
      }
    ),
    (
      "a 100 kB paste into the search bar",
      { tmux in
        try tmux.send("/")
        let line = "q :q! :!sh !sh \u{1B}[2J\u{03}\u{1A} exit\n"
        let text = String(repeating: line, count: 100_000 / line.utf8.count)
        try tmux.tmux(["set-buffer", text])
        try tmux.tmux(["paste-buffer", "-p", "-t", "0"])
        usleep(300_000)
        try tmux.send("Escape")
      }
    ),
  ]

  /// Tries every attempt; after each, `isInKiosk` must hold (within two seconds) and
  /// `unchanged` (nothing written) too.
  static func tryAll(
    on tmux: TmuxSession, isInKiosk: () throws -> Bool, unchanged: () throws -> Bool
  ) throws {
    for attempt in attempts {
      try attempt.send(tmux)
      // Let an escape sequence's 25 ms pass before the next key, so none combine.
      usleep(150_000)
      let held = eventually(timeout: .seconds(2)) {
        (try? isInKiosk()) == true
          && (try? tmux.screen().joined(separator: "\n").contains("KIOSK")) == true
      }
      #expect(held, "after \(attempt.name), the kiosk is gone:\n\((try? tmux.screen()) ?? [])")
      #expect(try unchanged(), "after \(attempt.name), a file was written")
    }
  }

  /// Names, sizes and modification times of a folder's files, and a digest of each.
  static func snapshot(of folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      let path = folder + "/" + name
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      let data = FileManager.default.contents(atPath: path) ?? Data()
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in data { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      files[name] =
        "\(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? "") \(String(hash, radix: 16))"
    }
    return files
  }
}
