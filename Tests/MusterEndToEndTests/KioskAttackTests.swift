import Foundation
import MusterTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The kiosk on a pseudo-terminal of its own, attacked the ways a remote client can: any
/// window size up to 65535 each way, signals that crash it, a terminal that stops reading,
/// a signal in the middle of a large frame.
@Suite(.serialized) struct KioskAttackTests {
  let folder: TemporaryFolder
  let database: String
  var log: String { folder.file("kiosk.log") }

  /// What the memory of a kiosk stays under whatever the window size (docs/ssh-kiosk.md
  /// states it for the release build; a debug build is larger, and this bound holds both).
  static let memoryBoundKilobytes = 96 * 1024

  init() throws {
    folder = try TemporaryFolder("muster-attack")
    database = folder.file("muster.db")
    let created = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
  }

  /// The kiosk on a terminal of `columns` x `rows`, its reports in `log`.
  func kiosk(columns: Int = 120, rows: Int = 40, _ extra: [String] = []) throws -> PseudoTerminal {
    try PseudoTerminal(
      [CommandRunner.musterPath, "kiosk", "--db", database, "--log", log] + extra,
      environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"],
      columns: columns, rows: rows)
  }

  var logText: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

  @Test(arguments: [(40_000, 40), (40, 32_768), (65_535, 65_535), (10_000, 10_000)])
  func anyWindowSizeLeavesTheKioskAliveBoundedAndAnswering(columns: Int, rows: Int) throws {
    let terminal = try kiosk()
    #expect(terminal.waitFor("of 22 actors"))

    terminal.resize(columns: columns, rows: rows)
    // The whole notice where it fits (PaneTests has its wording), its start where it does not.
    #expect(terminal.waitFor("window \(columns)x\(rows)"), "\(terminal.text.suffix(600))")
    terminal.resize(columns: 120, rows: 40)
    let before = terminal.byteCount
    // A key, then Ctrl-L: the whole screen comes again (a move alone may send one digit).
    terminal.type("j\u{0C}")

    #expect(terminal.waitFor("2 of 22 actors", after: before), "\(terminal.text.suffix(600))")
    #expect(!terminal.hasExited)
    let memory = try #require(terminal.memory)
    #expect(memory.peak < Self.memoryBoundKilobytes, "peak \(memory.peak) kB")
  }

  @Test func aKioskStartedInAHugeWindowDrawsTheLargestScreenAndSaysSo() throws {
    let terminal = try kiosk(columns: 65_535, rows: 65_535)

    #expect(
      terminal.waitFor("window 65535x65535 is larger than Muster draws: showing 500x200"),
      "\(terminal.text.suffix(600))")
    #expect(!terminal.hasExited)
    let memory = try #require(terminal.memory)
    #expect(memory.peak < Self.memoryBoundKilobytes, "peak \(memory.peak) kB")
  }

  @Test(arguments: [true, false])
  func sigtermInTheLargestFrameEndsItWithinASecond(whileReading: Bool) throws {
    let terminal = try kiosk(columns: 65_535, rows: 65_535)
    #expect(terminal.read(for: .seconds(10)) { !$0.isEmpty })

    let start = ContinuousClock.now
    terminal.signal(SIGTERM)
    let status: Int32?
    if whileReading {
      status = terminal.waitForExit(timeout: .seconds(3))
    } else {
      // A client that reads nothing: the frame cannot be written out.
      _ = eventually(timeout: .seconds(3)) { terminal.hasExited }
      status = terminal.hasExited ? terminal.waitForExit(timeout: .zero) : nil
    }
    let took = ContinuousClock.now - start

    #expect(status == 128 + SIGTERM)
    #expect(took < .seconds(1), "\(took)")
  }

  @Test(arguments: [SIGSEGV, SIGABRT, SIGBUS, SIGILL])
  func aCrashShowsOnePlainLineNeverTheBacktracerAndReportsToTheLog(signal: Int32) throws {
    let terminal = try kiosk()
    #expect(terminal.waitFor("of 22 actors"))
    let before = terminal.byteCount

    terminal.signal(signal)
    let status = terminal.waitForExit(timeout: .seconds(5))
    terminal.read(for: .milliseconds(300))
    let after = terminal.text(after: before)

    #expect(status == 128 + signal)
    #expect(after.contains("muster: stopped by an internal error"), "\(after)")
    // The runtime's backtracer would print these, and offer a debugger.
    for word in ["Crash", "Thread", "Press space", "debug", ">>>", "swift", "Backtrace", "/"] {
      #expect(!after.contains(word), "\(word) in \(after.debugDescription)")
    }
    // The terminal was put back: the main screen and the cursor.
    #expect(after.contains("\u{1B}[?1049l") && after.contains("\u{1B}[?25h"))
    #expect(logText.contains("crashed: "), "\(logText)")
    #expect(logText.contains("(signal \(signal))") && logText.contains("kiosk, window 120x40"))
  }

  @Test func aClientThatStopsReadingIsDroppedWhileTheTourRuns() throws {
    // A large window: each step of the tour writes more, and fills the buffer sooner.
    let terminal = try kiosk(
      columns: 300, rows: 100, ["--idle", "1", "--tour-step", "1", "--client-timeout", "3"])
    #expect(terminal.waitFor("touring the timeline"))

    // From here on nothing is read: the tour's frames fill the terminal's buffer.
    let start = ContinuousClock.now
    let ended = eventually(timeout: .seconds(40)) { terminal.hasExited }
    let took = ContinuousClock.now - start

    #expect(ended, "still running after \(took)")
    #expect(terminal.waitForExit(timeout: .zero) == 128 + SIGHUP)
    #expect(logText.contains("stopped reading"), "\(logText)")
  }

  @Test func aTerminalThatStopsAnsweringStatusQueriesEndsItsKiosk() throws {
    let terminal = try kiosk(["--client-timeout", "2"])
    // A terminal answers the status query (ESC [ 5 n) with ESC [ 0 n, as tmux and xterm do.
    terminal.answersStatusQueries = true
    terminal.read(for: .seconds(4))
    #expect(terminal.text.components(separatedBy: "\u{1B}[5n").count > 3)
    #expect(!terminal.hasExited, "it ended while the terminal answered: \(logText)")

    // Then the terminal goes quiet (a stopped client), though its output is still read.
    terminal.answersStatusQueries = false
    let quiet = ContinuousClock.now
    let status = terminal.waitForExit(timeout: .seconds(10))
    let took = ContinuousClock.now - quiet

    #expect(status == 128 + SIGHUP)
    #expect(took < .seconds(4), "\(took)")
    #expect(logText.contains("stopped answering"), "\(logText)")
  }

  @Test func aTerminalThatNeverAnswersStatusQueriesKeepsItsKiosk() throws {
    let terminal = try kiosk(["--client-timeout", "1"])

    terminal.read(for: .seconds(3))

    #expect(!terminal.hasExited, "\(logText)")
    #expect(terminal.text.contains("\u{1B}[5n"))
  }

  @Test func theLinuxConsolesMouseLibraryNeverWritesOnTheScreen() throws {
    // A pty nobody sized, as `ssh -tt` from a script gives: libgpm complains on stderr.
    let terminal = try PseudoTerminal(
      [CommandRunner.musterPath, "kiosk", "--db", database, "--log", log],
      environment: ["TERM": "linux", "LANG": "C.UTF-8"], columns: 0, rows: 0)

    #expect(terminal.waitFor("KIOSK"))
    terminal.read(for: .milliseconds(500))

    #expect(!terminal.text.contains("libgpm"), "\(terminal.text.prefix(400))")
    #expect(!terminal.hasExited)
  }

  @Test func aSessionEndsAtItsTimeLimitHoweverActive() throws {
    let terminal = try kiosk(["--max-session", "2"])
    #expect(terminal.waitFor("of 22 actors"))

    // Keys keep coming; the limit holds anyway.
    var status: Int32?
    let start = ContinuousClock.now
    while status == nil, ContinuousClock.now - start < .seconds(6) {
      terminal.type("j")
      status = terminal.waitForExit(timeout: .milliseconds(200))
    }

    #expect(status == 128 + SIGHUP)
    #expect(ContinuousClock.now - start < .seconds(4))
    #expect(logText.contains("time limit"), "\(logText)")
  }

  @Test func aReportDestinationThatCannotBeWrittenStopsTheKioskBeforeItStarts() throws {
    let result = try CommandRunner.muster(
      ["kiosk", "--db", database, "--log", "/nonexistent/folder/kiosk.log"], home: folder.path)

    #expect(result.status == 74)
    #expect(result.errors.contains("cannot write reports to /nonexistent/folder/kiosk.log"))
  }
}
