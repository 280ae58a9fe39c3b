import Foundation
import MusterTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Bad terminals and busy neighbours: resize storms, input faster than frames, twenty
/// browsers reading while an import writes.
@Suite(.serialized) struct TerminalFaultTests {
  let folder: TemporaryFolder
  let database: String

  init() throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (make test installs it)")
    folder = try TemporaryFolder("muster-faults")
    database = folder.file("muster.db")
    let created = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
  }

  func browser(_ name: String) throws -> (TmuxSession, pid_t) {
    let pidFile = folder.file("\(name).pid")
    let tmux = try TmuxSession(
      command: "cd '\(folder.path)' && sh -c 'echo $$ > \(name).pid; exec env LANG=C.UTF-8 "
        + "\"$0\" --db \"$1\"' '\(CommandRunner.musterPath)' '\(database)'")
    try tmux.waitFor("Actors")
    let text = try String(contentsOfFile: pidFile, encoding: .utf8)
    let pid = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    return (tmux, pid)
  }

  /// CPU time a process has used, in clock ticks (utime + stime from /proc).
  static func cpuTicks(_ pid: pid_t) -> Int? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else {
      return nil
    }
    return user + system
  }

  @Test func aResizeStormAndAFloodOfKeysLeaveItWorkingAndIdleAfterwards() throws {
    let (tmux, pid) = try browser("storm")
    // As many real resizes as tmux can make in two seconds.
    let end = Date().addingTimeInterval(2)
    var resizes = 0
    while Date() < end {
      try tmux.resize(width: 40 + (resizes * 37) % 160, height: 10 + (resizes * 13) % 50)
      resizes += 1
    }
    #expect(resizes >= 100)
    // And SIGWINCH itself, a hundred a second for two seconds.
    for _ in 0..<200 {
      kill(pid, SIGWINCH)
      usleep(10_000)
    }
    #expect(!BrowserTests.hasExited(pid), "the storm ended it")
    try tmux.resize(width: 120, height: 40)
    // Three thousand keys at once, far faster than frames.
    try tmux.sendLiteral(String(repeating: "jjkl2hk", count: 430))
    // The help opens once every key before it is handled.
    try tmux.sendLiteral("?")
    try tmux.waitFor("any other key closes", timeout: .seconds(30))
    try tmux.send("Escape")
    try tmux.waitForScreen { $0.joined().contains("of 22 actors") }
    #expect(!BrowserTests.hasExited(pid))
    // Then it settles: over two idle seconds it uses almost no CPU.
    sleep(1)
    let before = try #require(Self.cpuTicks(pid))
    sleep(2)
    let after = try #require(Self.cpuTicks(pid))
    #expect(after - before <= 10, "\(after - before) ticks in 2 idle seconds")
  }

  @Test func twentyBrowsersReadWhileAnImportWritesAndAllShowItWithinTwoSeconds() throws {
    var browsers: [(TmuxSession, pid_t)] = []
    for index in 0..<20 { browsers.append(try browser("reader\(index)")) }
    let acled = try folder.write(EventDatasetFixtures.acled, to: "acled.csv")
    let imported = try CommandRunner.muster(["--db", database, "import", acled], home: folder.path)
    #expect(imported.status == 0, "\(imported.errors)")
    let committed = Date()
    let total = try CommandRunner.muster(
      ["--db", database, "list", "actors", "--json"], home: folder.path)
    let line = total.output.split(separator: "\n").first { $0.contains("\"total\"") }
    let digits = line.map { String($0.filter(\.isNumber)) }
    let count = try #require(digits)
    // Poll all twenty screens in turn until each shows the new count; note when.
    var shownAfter: [Int: Double] = [:]
    while shownAfter.count < browsers.count, Date().timeIntervalSince(committed) < 5 {
      for (index, browser) in browsers.enumerated() where shownAfter[index] == nil {
        let screen = try browser.0.screen()
        if screen.joined().contains("of \(count) actors") {
          shownAfter[index] = Date().timeIntervalSince(committed)
          // The status line shows the position, not an error message in its place.
          let status = screen.last { !$0.isEmpty } ?? ""
          #expect(status.hasSuffix("of \(count) actors"), "\(status)")
        }
      }
      usleep(20_000)
    }
    #expect(
      shownAfter.count == browsers.count, "\(browsers.count - shownAfter.count) never showed it")
    let slowest = shownAfter.values.max() ?? .infinity
    #expect(slowest < 2, "the slowest showed the import after \(slowest) s")
    for (_, pid) in browsers { #expect(!BrowserTests.hasExited(pid)) }
  }
}
