import Foundation
import MusterTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real binary in a real terminal (tmux): what a user at the keyboard sees.
@Suite(.serialized) struct BrowserTests {
  let folder: TemporaryFolder
  let database: String

  init() throws {
    try #require(
      TmuxSession.isAvailable, "tmux is needed for the end-to-end tests (make test installs it)")
    folder = try TemporaryFolder("muster-browser")
    database = folder.file("muster.db")
    // Create the database from the bundled dataset first, outside the terminal.
    let created = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
  }

  /// A shell line that records the terminal settings, runs muster, records its status and the
  /// settings again, then waits so the pane stays for inspection.
  func wrapped(_ arguments: String = "") -> String {
    let muster = CommandRunner.musterPath
    return """
      cd '\(folder.path)' && stty -a > before.txt; \
      sh -c 'echo $$ > muster.pid; exec env LANG=C.UTF-8 "$0" "$@"' \
        '\(muster)' --db '\(database)' \(arguments) 2> errors.txt; \
      echo $? > status.txt; stty -a > after.txt; sleep 600
      """
  }

  /// What `muster render` draws for the same keys: the screen tmux must show, cell for cell.
  func rendered(_ keys: String, size: String = "120x40", asOf: String? = nil) throws -> [String] {
    var arguments = ["--db", database, "render", "--size", size, "--keys", keys]
    if let asOf { arguments += ["--as-of", asOf] }
    let result = try CommandRunner.muster(arguments, home: folder.path)
    try #require(result.status == 0, "\(result.errors)")
    return result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
      .map(String.init)
  }

  func file(_ name: String) -> String? {
    try? String(contentsOfFile: folder.file(name), encoding: .utf8)
  }

  func waitForStatus() -> String? {
    _ = eventually(timeout: .seconds(5)) { file("after.txt")?.isEmpty == false }
    return file("status.txt")?.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func musterPID() throws -> pid_t {
    _ = eventually(timeout: .seconds(5)) { file("muster.pid") != nil }
    return try #require(
      pid_t(file("muster.pid")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
  }

  @Test func navigateFollowALinkComeBackResizeClickAndQuit() throws {
    let tmux = try TmuxSession(command: wrapped())
    try tmux.waitFor("Detail › Bouthaina Shaaban")
    #expect(try tmux.screen().prefix(40) == rendered("")[...])

    try tmux.send("j", "j", "Enter")
    try tmux.waitFor("Detail › Faysal al-Miqdad")
    // Down the detail to the relation with Syria, and along it.
    try tmux.send("j", "j", "j", "j", "j", "j", "j", "j", "Enter")
    try tmux.waitFor("Detail › Faysal al-Miqdad › Syria")
    #expect(try tmux.screen().prefix(40) == rendered("j j Enter j j j j j j j j Enter")[...])
    try tmux.send("BSpace")
    try tmux.waitForScreen { $0[12].contains("Detail › Faysal al-Miqdad ─") }

    // Narrow, too small, and back: every frame whole, never garbage.
    try tmux.resize(width: 60, height: 20)
    try tmux.waitForScreen { $0.count >= 20 && $0[19].contains("of 22 actors") }
    let keys = "j j Enter j j j j j j j j Enter Backspace"
    #expect(try tmux.screen().prefix(20) == rendered(keys, size: "60x20")[...])
    try tmux.resize(width: 20, height: 6)
    try tmux.waitFor("need 40x10")
    try tmux.resize(width: 120, height: 40)
    try tmux.waitForScreen { $0.count >= 40 && $0[0].hasPrefix("┌ Timeline") }
    let restored = try tmux.screen().prefix(40)
    let expected = try rendered(keys)
    #expect(restored == expected[...], "\(zip(restored, expected).filter { $0 != $1 })")

    // A click on the seventh actor (row 14 is the first) selects it; a second opens it.
    try tmux.send("Escape")
    try tmux.sendLiteral(Self.x10Click(x: 10, y: 20))
    try tmux.waitForScreen { $0[20].hasPrefix("│▶ Hezbollah") }
    try tmux.sendLiteral(Self.x10Click(x: 10, y: 20))
    try tmux.waitFor("Detail › Hezbollah")

    try tmux.send("q")
    #expect(waitForStatus() == "0")
    #expect(file("errors.txt") == "")
    let before = try #require(file("before.txt"))
    #expect(!before.isEmpty && before == file("after.txt"), "stty -a differs after quitting")
  }

  @Test func searchAsYouTypeKeepTheResultsAndRecallTheQueryInTheNextSession() throws {
    let state = folder.file("state")
    let tmux = try TmuxSession(command: "export XDG_STATE_HOME='\(state)'; " + wrapped())
    try tmux.waitFor("Detail › Bouthaina Shaaban")
    try tmux.send("/", "a", "b", "u", "Space", "k", "a", "m", "a", "l")
    // The live screen, searched off the input thread, ends as the in-line render does.
    let keys = "/ a b u Space k a m a l"
    let expected = try rendered(keys)
    try tmux.waitForScreen { $0.prefix(40) == expected[...] }
    #expect(expected.contains { $0.contains("/ abu kamal_") && $0.contains("Sites 7") })
    try tmux.send("Enter")
    try tmux.waitFor("Detail › Albu Kamal")
    // A paste lands in the bar as text: its q quits nothing, its escape bytes do nothing.
    try tmux.send("/")
    try tmux.tmux(["set-buffer", "fatim\u{1B}[2Jq\u{07}\nx"])
    try tmux.tmux(["paste-buffer", "-p", "-t", "0"])
    try tmux.waitFor("/ fatim[2Jq x_")
    try tmux.send("Escape")
    try tmux.waitForScreen { !$0.joined(separator: "\n").contains("/ fatim") }
    try tmux.send("q")
    #expect(waitForStatus() == "0")
    let historyFiles = try FileManager.default.contentsOfDirectory(
      atPath: state + "/muster/history")
    #expect(historyFiles.count == 1)
    #expect(
      try String(contentsOfFile: state + "/muster/history/" + historyFiles[0], encoding: .utf8)
        == "abu kamal\n")

    let again = try TmuxSession(command: "export XDG_STATE_HOME='\(state)'; " + wrapped())
    try again.waitFor("Detail › Bouthaina Shaaban")
    try again.send("/", "Up")
    try again.waitFor("/ abu kamal_")
    try again.waitFor("Sites 7")
  }

  @Test func theMapShowsInTheRealTerminalAsRenderDrawsIt() throws {
    let tmux = try TmuxSession(command: wrapped("--as-of 2021-01-15"))
    try tmux.waitFor("Detail › Bouthaina Shaaban")
    try tmux.send("l", "j", "j", "m")
    try tmux.waitFor("Map · as of 2021-01-15")
    try tmux.waitFor("Fifth Corps  ")
    #expect(try tmux.screen().prefix(40) == rendered("l j j m", asOf: "2021-01-15")[...])
    // Focused, the arrows pan it: the screen changes, the list selection does not.
    let before = try tmux.screen()
    try tmux.send("Tab", "Left", "Left")
    try tmux.waitForScreen { $0 != before && $0.joined().contains("3 of 11 sites") }
  }

  /// Colours by default; none with NO_COLOR or --no-color (attributes stay); ASCII borders
  /// with --ascii or a locale that is not UTF-8.
  @Test(arguments: [
    ("", true, false), ("--no-color", false, false), ("--ascii", true, true),
  ])
  func coloursAndGlyphsFollowTheOptions(option: String, hasColour: Bool, isASCII: Bool) throws {
    let tmux = try TmuxSession(command: wrapped(option))
    try tmux.waitFor("Bouthaina Shaaban  person")
    let styled = try tmux.tmux(["capture-pane", "-p", "-e", "-t", "0"]).output
    let colour = try Regex(#"\x1B\[[0-9;]*(3[0-7]|9[0-7]|38;5;[0-9]+)[;m]"#)
    #expect(styled.contains(colour) == hasColour, "\(option)")
    #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m"), "the selection is reversed")
    let screen = try tmux.screen()
    #expect(screen[0].hasPrefix(isASCII ? "+ Timeline" : "┌ Timeline"))
  }

  @Test(arguments: ["NO_COLOR=1; export NO_COLOR; ", "TERM=vt100; export TERM; "])
  func noColorOrAMonochromeTerminalTurnsColoursOff(setup: String) throws {
    let tmux = try TmuxSession(command: setup + wrapped())
    try tmux.waitFor("Bouthaina Shaaban  person")
    let styled = try tmux.tmux(["capture-pane", "-p", "-e", "-t", "0"]).output
    #expect(!styled.contains(try Regex(#"\x1B\[[0-9;]*(3[0-7]|9[0-7]|38;5;[0-9]+)[;m]"#)))
  }

  @Test func aLocaleThatIsNotUTF8GetsASCIIBordersAndStillShowsArabic() throws {
    let muster = CommandRunner.musterPath
    let tmux = try TmuxSession(
      command: """
        cd '\(folder.path)' && env LANG=C LC_ALL=C '\(muster)' --db '\(database)'; sleep 600
        """)
    // The heading can be on screen before the rest of the frame (a loaded machine hands
    // tmux the frame in pieces): wait for the Arabic alias itself.
    _ = try tmux.waitFor("Bouthaina Shaaban  person")
    let screen = try tmux.waitFor("بثينة شعبان")
    #expect(screen[0].hasPrefix("+ Timeline"))
  }

  @Test func sigtermEndsItWithTheTerminalRestored() throws {
    let tmux = try TmuxSession(command: wrapped())
    try tmux.waitFor("Detail › Bouthaina Shaaban")
    kill(try musterPID(), SIGTERM)
    #expect(waitForStatus() == String(128 + SIGTERM))
    let before = try #require(file("before.txt"))
    #expect(before == file("after.txt"), "stty -a differs after SIGTERM")
    // The shell's prompt-less output is on the main screen again, not the browser's.
    #expect(try !tmux.screen().joined().contains("Detail ›"))
  }

  /// With the shell ignoring SIGHUP, the kernel signals only the shell: muster learns of
  /// the closed terminal from its input alone (end of file, EIO).
  @Test(arguments: ["", "trap '' HUP; "])
  func closingTheTerminalEndsItWithinTwoSeconds(shellSetup: String) throws {
    let tmux = try TmuxSession(command: shellSetup + wrapped())
    try tmux.waitFor("Detail › Bouthaina Shaaban")
    let pid = try musterPID()
    try tmux.tmux(["kill-server"])
    let started = ContinuousClock.now
    let ended = eventually(timeout: .seconds(2)) { Self.hasExited(pid) }
    #expect(ended, "muster still running 2 s after its terminal closed")
    if !ended {
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "?"
      let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? "?"
      Issue.record("still running: \(stat)\n\(status)")
      kill(pid, SIGKILL)
    }
    #expect(ContinuousClock.now - started < .seconds(2))
  }

  @Test(arguments: [
    ("TERM=no-such-terminal", "unknown terminal type TERM=no-such-terminal"),
    ("TERM=dumb", "cannot position its cursor"),
    ("-u TERM", "TERM is not set"),
  ])
  func unusableTerminalsGetAMessageAndStatus69(setting: String, message: String) throws {
    let muster = CommandRunner.musterPath
    let tmux = try TmuxSession(
      command: """
        cd '\(folder.path)' && env \(setting) LANG=C.UTF-8 '\(muster)' --db '\(database)' \
        2> errors.txt; echo $? > status.txt; echo done > after.txt; sleep 600
        """)
    #expect(waitForStatus() == "69")
    #expect(file("errors.txt")?.contains(message) == true, "\(file("errors.txt") ?? "")")
    _ = tmux
  }

  @Test func withoutATerminalItSaysSoAndExits69() throws {
    let result = try CommandRunner.muster(["--db", database], home: folder.path)
    #expect(result.status == 69)
    #expect(result.errors.contains("the browser needs a terminal"))
    #expect(result.output.isEmpty)
  }

  /// On a pty of its own (Benchmarks/pty_browser.py): a keystroke sends only the cells it
  /// changed, Ctrl-L sends everything, and `q` exits 0.
  @Test func aKeystrokeSendsOnlyTheCellsItChanged() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let result = try Spawn.run(
      [
        "python3", root.appendingPathComponent("Benchmarks/pty_browser.py").path,
        CommandRunner.musterPath, database, "120x40",
      ], environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"])
    try #require(result.status == 0, "\(result.output)")
    let figures = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Double])
    let repaint = try #require(figures["repaint_bytes"])
    let detailMove = try #require(figures["detail_move_bytes"])
    let listMove = try #require(figures["list_move_bytes"])
    #expect(repaint > 4000, "a full repaint of 120x40 sends every cell")
    #expect(detailMove > 0 && detailMove * 20 < repaint, "one row: under 5% of a repaint")
    #expect(listMove > 0 && listMove * 20 < repaint, "one row: under 5% of a repaint")
    #expect(figures["exit_status"] == 0)
  }

  /// Whether a process is gone or a zombie (an orphan nobody has reaped yet has exited too).
  static func hasExited(_ pid: pid_t) -> Bool {
    guard kill(pid, 0) == 0 else { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let end = stat.lastIndex(of: ")")
    else { return true }
    return stat[stat.index(end, offsetBy: 2)] == "Z"
  }

  /// An xterm X10 mouse click at a zero-based cell: a press of the left button, then the
  /// release, as a terminal sends them.
  static func x10Click(x: Int, y: Int) -> String {
    let press = [0x1B, 0x5B, 0x4D, 32, 33 + x, 33 + y]
    let release = [0x1B, 0x5B, 0x4D, 35, 33 + x, 33 + y]
    return String((press + release).map { Character(Unicode.Scalar(UInt8($0))) })
  }
}
