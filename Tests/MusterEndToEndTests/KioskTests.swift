import Foundation
import MusterTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `muster kiosk` in a real terminal (tmux): nothing gets out, nothing is written, the
/// idle tour runs, another process's data shows.
@Suite(.serialized) struct KioskTests {
  let folder: TemporaryFolder
  let databaseFolder: String
  var database: String { databaseFolder + "/muster.db" }

  init() throws {
    try #require(
      TmuxSession.isAvailable, "tmux is needed for the end-to-end tests (make test installs it)")
    folder = try TemporaryFolder("muster-kiosk")
    databaseFolder = folder.file("db")
    try FileManager.default.createDirectory(
      atPath: databaseFolder, withIntermediateDirectories: true)
    let created = try CommandRunner.muster(
      ["--db", databaseFolder + "/muster.db", "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
  }

  /// A shell line running the kiosk with a polluted environment, recording its pid, its
  /// status and the terminal settings before and after.
  func wrapped(_ arguments: String) -> String {
    """
    cd '\(folder.path)' && stty -a > before.txt; \
    sh -c 'echo $$ > muster.pid; exec env HOME=/tmp XDG_DATA_HOME=/tmp EDITOR=/bin/sh \
    PAGER=/bin/sh NO_COLOR=1 TERMINFO=/nonexistent LANG=C.UTF-8 "$0" "$@"' \
      '\(CommandRunner.musterPath)' kiosk --db '\(database)' \(arguments) 2> errors.txt; \
    echo $? > status.txt; stty -a > after.txt; sleep 600
    """
  }

  func file(_ name: String) -> String? {
    try? String(contentsOfFile: folder.file(name), encoding: .utf8)
  }

  func musterPID() throws -> pid_t {
    _ = eventually(timeout: .seconds(5)) { file("muster.pid") != nil }
    return try #require(
      pid_t(file("muster.pid")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
  }

  static func isRunning(_ pid: pid_t) -> Bool { !BrowserTests.hasExited(pid) }

  @Test func aRandomWalkThroughTheRealKioskNeitherEndsNorBreaksIt() throws {
    let tmux = try TmuxSession(command: wrapped("--idle 600"))
    try tmux.waitFor("KIOSK")
    let pid = try musterPID()
    // Seeded: the same 600 keys, pastes and resizes every run.
    var state: UInt64 = 20_201_217
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let keys = [
      "j", "k", "l", "h", "g", "G", "Enter", "Escape", "BSpace", "Tab", "BTab", "1", "2", "3",
      "[", "]", "{", "}", "t", "/", "n", "N", "f", "F", "?", "m", "+", "-", "0", "Up", "Down",
      "Left", "Right", "PPage", "NPage", "Home", "End", "C-c", "C-z", "C-d", "q", "a", "p", "e",
      "u",
      "F1", "DC", "IC",
    ]
    let pastes = ["abu kamal", "\u{1B}]52;c;eA==\u{7}", "2020-12", "中文 ع"]
    for step in 0..<600 {
      switch next(20) {
      case 0: try tmux.sendLiteral(pastes[next(pastes.count)])
      case 1: try tmux.resize(width: 20 + next(180), height: 5 + next(55))
      default: try tmux.send(keys[next(keys.count)])
      }
      if step % 100 == 99 {
        usleep(200_000)
        #expect(Self.isRunning(pid), "the kiosk ended after \(step + 1) steps")
      }
    }
    try tmux.resize(width: 120, height: 40)
    try tmux.send("Escape", "Escape")
    try tmux.waitFor("KIOSK")
    #expect(Self.isRunning(pid))
  }

  @Test func nothingAtTheKeyboardGetsOutOrWritesAndSignalsOnlyEndItCleanly() throws {
    let tmux = try TmuxSession(command: wrapped("--idle 600"))
    try tmux.waitFor("KIOSK")
    let pid = try musterPID()
    // The environment was not read: NO_COLOR would have turned colours off.
    #expect(try tmux.tmux(["capture-pane", "-p", "-e", "-t", "0"]).output.contains("\u{1B}[3"))
    let before = try KioskEscapes.snapshot(of: databaseFolder)
    // The -shm file is SQLite's shared lock table, which a reader allowed to write it
    // updates; everything else stays byte for byte as it was, and nothing is added.
    func unchanged() throws -> Bool {
      let now = try KioskEscapes.snapshot(of: databaseFolder)
      return Set(now.keys) == Set(before.keys)
        && before.allSatisfy { $0.key.hasSuffix("-shm") || now[$0.key] == $0.value }
    }

    try KioskEscapes.tryAll(on: tmux, isInKiosk: { Self.isRunning(pid) }, unchanged: unchanged)

    // SIGINT, SIGTSTP and SIGQUIT do not stop it.
    for signal in [SIGINT, SIGTSTP, SIGQUIT] {
      kill(pid, signal)
      usleep(300_000)
      #expect(Self.isRunning(pid), "signal \(signal) ended the kiosk")
      #expect(try tmux.screen().joined(separator: "\n").contains("KIOSK"))
    }
    #expect(try unchanged())
    #expect(!FileManager.default.fileExists(atPath: folder.file("db/muster.db-journal")))

    // SIGTERM ends it, with the terminal as it was.
    kill(pid, SIGTERM)
    _ = eventually(timeout: .seconds(5)) { file("after.txt")?.isEmpty == false }
    #expect(file("status.txt")?.trimmingCharacters(in: .whitespacesAndNewlines) == "143")
    #expect(file("after.txt") == file("before.txt"))
  }

  @Test func idleItToursTheTimelineAndAKeyStopsTheTour() throws {
    let tmux = try TmuxSession(command: wrapped("--idle 2 --tour-step 1"))
    try tmux.waitFor("KIOSK")
    try tmux.send("l", "l")  // Away from home: the deployments tab.
    try tmux.waitFor("of 19 deployments")
    // Home (the timeline focused, the actors tab), then a new event every second.
    try tmux.waitFor("touring the timeline", timeout: .seconds(5))
    #expect(try tmux.screen().joined(separator: "\n").contains("Actors 22"))
    var titles: [String] = []
    _ = eventually(timeout: .seconds(8)) {
      if let title = try? tmux.screen().first(where: { $0.contains("Detail › ") }),
        titles.last != title
      {
        titles.append(title)
      }
      return titles.count >= 4
    }
    #expect(titles.count >= 4, "the tour did not step: \(titles)")
    // A key stops it: the detail stays put.
    try tmux.send("Space")
    usleep(300_000)
    let stopped = try tmux.screen()
    usleep(2_500_000)
    #expect(try tmux.screen() == stopped)
  }

  @Test func anImportByAnotherProcessShowsWithinTwoSeconds() throws {
    let tmux = try TmuxSession(command: wrapped("--idle 600"))
    try tmux.waitFor("1 of 22 actors")
    try tmux.send("j", "j")
    try tmux.waitFor("3 of 22 actors")
    let csv = try folder.write(
      """
      event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,\
      assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,\
      country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,\
      notes,fatalities,tags,timestamp
      SYR9,2021-11-29,2021,1,Political violence,Battles,Armed clash,Kiosk Test Brigade,,3,\
      Second Test Front,,3,33,,760,Middle East,Syria,Deir ez Zor,Abu Kamal,,Al-Heri,34.43,40.98,1,\
      SOHR,National,A clash.,0,,1700000000

      """, to: "new.csv")
    let imported = try CommandRunner.muster(["--db", database, "import", csv], home: folder.path)
    try #require(imported.status == 0, "\(imported.errors)")
    // The new actors count, and the kiosk kept its place in the list.
    try tmux.waitFor("3 of 24 actors", timeout: .seconds(2))
  }
}
