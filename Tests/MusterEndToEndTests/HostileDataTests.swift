import Foundation
import MusterTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Names, notes and quotes crafted to attack the terminal, in a native dataset and an ACLED
/// file: whatever muster writes to the terminal while they are browsed, searched and shown
/// holds no escape sequence it did not make itself, and the screen is what `render` draws.
@Suite(.serialized) struct HostileDataTests {
  let folder: TemporaryFolder
  let database: String

  /// Each attack, as YAML double-quoted text (`\e` is ESC).
  static let attacks = [
    #"Red \e[31mred\e[0m \e[2J\e[H cleared"#,
    #"Clip \e]52;c;cm0gLXJmIH4=\a board"#,
    #"Link \e]8;;https://evil.example/\e\\here\e]8;;\e\\ end"#,
    #"Title \e]0;pwned\a \e]2;pwned\e\\ bar"#,
    #"Bell \a\a nul \0 del \x7F c1 \x9B31m \x90dcs\x9C \x9D8;;x\x9C"#,
    #"Bidi \u202Eevil\u202C \u2066iso\u2069 zero\u200Bwidth\uFEFF"#,
    #"Emoji 👍🏽👨‍👩‍👧 stack e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309"#,
    #"DCS \eP+q544e\e\\ APC \e_hidden\e\\ PM \e^x\e\\ SOS \eXx\e\\"#,
  ]

  init() throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (make test installs it)")
    folder = try TemporaryFolder("muster-hostile")
    database = folder.file("muster.db")
    let long = String(repeating: "long name ", count: 1_000)
    let huge = String(repeating: "a 1 MB note. ", count: 80_000)
    var yaml =
      "muster: 1\nsources:\n  - {id: source:s, name: \"\(Self.attacks[0])\", kind: news, reliability: C}\n"
    yaml += "documents:\n  - {id: document:d, source: source:s, title: \"\(Self.attacks[1])\"}\n"
    yaml += "actors:\n"
    for (index, attack) in Self.attacks.enumerated() {
      yaml += "  - {id: actor:a\(index), name: \"Hostile \(attack)\", kind: militia}\n"
    }
    yaml += "  - {id: actor:long, name: \"\(long)\", kind: militia}\n"
    yaml += "sites:\n"
    for (index, attack) in Self.attacks.enumerated() {
      yaml +=
        "  - {id: site:s\(index), name: \"Site \(attack)\", kind: town, "
        + "location: {latitude: 34.4\(index), longitude: 40.9\(index), precision: exact}}\n"
    }
    yaml += "deployments:\n"
    for index in Self.attacks.indices {
      yaml +=
        "  - {id: deployment:d\(index), actor: actor:a\(index), site: site:s\(index), "
        + "role: control, status: present, start: 2020-12-0\(index + 1), note: \"\(Self.attacks[index])\", "
        + "analyst_status: unverified, citations: [{document: document:d, credibility: 3}]}\n"
    }
    yaml += "events:\n"
    for (index, attack) in Self.attacks.enumerated() {
      yaml +=
        "  - {id: event:e\(index), kind: strike, date: 2020-12-1\(index), site: site:s\(index), "
        + "actors: [{actor: actor:a\(index), role: actor1}], summary: \"Hostile event \(attack)\", "
        + "quote: \"\(attack)\", analyst_status: unverified, "
        + "citations: [{document: document:d, credibility: 3}]}\n"
    }
    yaml +=
      "  - {id: event:huge, kind: other, date: 2020-12-20, summary: \"Huge \(huge)\", "
      + "analyst_status: unverified}\n"
    let dataset = try folder.write(yaml, to: "hostile.yaml")
    var result = try CommandRunner.muster(["--db", database, "import", dataset], home: folder.path)
    try #require(result.status == 0, "\(result.errors)")
    // ACLED rows with raw C0/C1 bytes and invalid UTF-8 in the names and notes.
    var csv = Data((EventDatasetFixtures.acledHeader + "\n").utf8)
    let bad: [UInt8] = [
      0x1B, 0x5D, 0x35, 0x32, 0x3B, 0x63, 0x3B, 0x07, 0xFF, 0xFE, 0xC3, 0x28, 0x9B,
    ]
    for index in 0..<3 {
      var row = Data(
        "HOS\(index),2020-12-2\(index),2020,1,Political violence,Battles,Armed clash,Bad ".utf8)
      row += Data(bad)
      row += Data(" actor,,1,,,,,,760,Middle East,Syria,Deir ez Zor,Abu Kamal,,Bad ".utf8)
      row += Data(bad)
      row += Data(" place,34.45,40.93,1,Bad source,National,\"Notes \u{1B}[2J\u{07}".utf8)
      row += Data(bad)
      row += Data(" end\",0,,1\n".utf8)
      csv += row
    }
    let acled = folder.file("hostile.csv")
    try csv.write(to: URL(fileURLWithPath: acled))
    result = try CommandRunner.muster(["--db", database, "import", acled], home: folder.path)
    try #require(result.status == 0, "\(result.output) \(result.errors)")
  }

  /// Escape sequences and control characters in what muster wrote that it never makes:
  /// OSC, DCS, APC, PM and SOS introducers (7-bit or C1), BEL, and any other C1 character.
  static func foreignControls(in bytes: [UInt8]) -> [String] {
    var found: [String] = []
    let text = String(decoding: bytes, as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar.value {
      case 0x07: found.append("BEL at \(index)")
      case 0x80...0x9F: found.append("C1 \(String(scalar.value, radix: 16)) at \(index)")
      case 0x1B where index + 1 < scalars.count:
        let next = scalars[index + 1]
        if "]P_^X".unicodeScalars.contains(next) { found.append("ESC \(next) at \(index)") }
      default: continue
      }
    }
    return found
  }

  @Test func browsingSearchingAndReadingHostileRecordsWritesNoForeignSequence() throws {
    let capture = folder.file("output.bin")
    let tmux = try TmuxSession(
      command: "cd '\(folder.path)' && exec env LANG=C.UTF-8 '\(CommandRunner.musterPath)' "
        + "--db '\(database)' --as-of 2020-12-31")
    try tmux.tmux(["pipe-pane", "-o", "-t", "0", "cat >> '\(capture)'"])
    try tmux.send("C-l")
    try tmux.waitFor("Actors")
    // Every list, every record's detail, the timeline, search, the map.
    var keys: [String] = []
    for tab in 0..<3 {
      if tab > 0 { keys.append("l") }
      for _ in 0..<12 { keys += ["Enter", "j", "j", "NPage", "Escape", "j"] }
    }
    keys += ["1", "k", "k", "k", "Enter", "NPage", "NPage", "Escape", "2", "m", "+", "-", "m"]
    for key in keys {
      try tmux.send(key)
      usleep(20_000)
    }
    try tmux.send("/")
    try tmux.sendLiteral("hostile")
    usleep(300_000)
    try tmux.send("Enter", "n", "n", "Enter")
    usleep(300_000)
    try tmux.sendLiteral("/")
    try tmux.sendLiteral("bad")
    usleep(300_000)
    try tmux.send("Enter", "Enter", "NPage")
    usleep(500_000)
    let screen = try tmux.screen()
    try tmux.tmux(["pipe-pane", "-t", "0"])
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: capture)))
    #expect(bytes.count > 10_000, "the capture holds the session's output")
    let foreign = Self.foreignControls(in: bytes)
    #expect(foreign.isEmpty, "\(foreign.prefix(10))")
    // The layout held: every row is the screen's width or less, the status line is last.
    #expect(screen.count >= 40)
    #expect(screen[39].contains(" of "), "\(screen[39])")
  }

  @Test func theScreensMatchWhatRenderDrawsCellForCell() throws {
    for keys in ["j j j Enter", "l j j j Enter", "l j j Enter j j j j", "1 k k Enter"] {
      let session = try TmuxSession(
        command: "cd '\(folder.path)' && exec env LANG=C.UTF-8 '\(CommandRunner.musterPath)' "
          + "--db '\(database)' --as-of 2020-12-31")
      try session.waitFor("Actors")
      for key in keys.split(separator: " ") {
        try session.send(String(key))
        usleep(30_000)
      }
      usleep(400_000)
      let rendered = try CommandRunner.muster(
        ["--db", database, "render", "--size", "120x40", "--as-of", "2020-12-31", "--keys", keys],
        home: folder.path)
      try #require(rendered.status == 0, "\(rendered.errors)")
      let expected = rendered.output.split(separator: "\n", omittingEmptySubsequences: false)
        .dropLast().map(String.init)
      let shown = try session.screen().prefix(40)
      let differing = zip(shown, expected).enumerated().filter { $0.element.0 != $0.element.1 }
        .map { "row \($0.offset):\n  tmux   \($0.element.0)\n  render \($0.element.1)" }
      #expect(differing.isEmpty, "keys \(keys): \(differing.joined(separator: "\n"))")
    }
  }
}
