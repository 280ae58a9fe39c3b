import Foundation
import MusterTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Notes from several sessions at once, in the real binary.
@Suite(.serialized) struct NotesTests {
  let folder: TemporaryFolder
  let database: String

  init() throws {
    try #require(TmuxSession.isAvailable, "tmux is needed (make test installs it)")
    folder = try TemporaryFolder("muster-notes")
    database = folder.file("muster.db")
    let created = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
  }

  /// A browser signed as `user`, on the detail of Iraq (the eighth site), working in `in`.
  func browser(as user: String, in workingFolder: String? = nil) throws -> TmuxSession {
    let tmux = try TmuxSession(
      command: "cd '\(workingFolder ?? folder.path)' && exec env USER=\(user) LANG=C.UTF-8 "
        + "'\(CommandRunner.musterPath)' --db '\(database)'")
    try tmux.waitFor("Detail › ")
    try tmux.send("l", "j", "j", "j", "j", "j", "j", "j", "Enter")
    try tmux.waitFor("Detail › Iraq")
    return tmux
  }

  @Test func twoAnalystsNotingAtOnceBothKeepTheirsAndEachSeesTheOthersWithinTwoSeconds()
    throws
  {
    let alice = try browser(as: "alice")
    let bob = try browser(as: "bob")
    try alice.send("a")
    try bob.send("a")
    try alice.sendLiteral("Convoy seen at Qaim")
    try bob.sendLiteral("Checkpoint 中 moved")
    try alice.waitFor("Convoy seen at Qaim")
    try bob.waitFor("Checkpoint 中 moved")
    // Both press Enter at the same moment.
    try alice.send("Enter")
    try bob.send("Enter")
    for tmux in [alice, bob] {
      try tmux.waitForScreen(timeout: .seconds(2)) { screen in
        let text = screen.joined(separator: "\n")
        return text.contains("Notes (2)") && text.contains("alice, ")
          && text.contains("Convoy seen at Qaim") && text.contains("bob, ")
          && text.contains("Checkpoint 中 moved")
      }
    }
    let found = try CommandRunner.muster(
      ["--db", database, "search", "convoy", "--json"], home: folder.path)
    #expect(found.status == 0 && found.output.contains("note:"))
  }

  @Test func eExportsTheViewToNewFilesAndNeverOverwrites() throws {
    let tmux = try browser(as: "alice")
    // The detail of Iraq is focused: a brief.
    try tmux.send("e")
    try tmux.waitFor("wrote \(folder.path)/muster-iraq-2021-11-30.md")
    let brief = try String(
      contentsOfFile: folder.file("muster-iraq-2021-11-30.md"), encoding: .utf8)
    #expect(brief.hasPrefix("# Iraq (country)"))
    // Back in the Sites list: GeoJSON of the sites, then a second file beside it.
    try tmux.send("Escape")
    usleep(100_000)
    try tmux.send("e")
    try tmux.waitFor("wrote \(folder.path)/muster-sites-2021-11-30.geojson")
    try tmux.send("e")
    try tmux.waitFor("wrote \(folder.path)/muster-sites-2021-11-30-2.geojson")
    let data = try Data(
      contentsOf: URL(fileURLWithPath: folder.file("muster-sites-2021-11-30.geojson")))
    let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect(root?["type"] as? String == "FeatureCollection")
  }

  @Test func anExportThatCannotBeWrittenSaysWhyInWords() throws {
    let gone = folder.file("gone")
    try FileManager.default.createDirectory(atPath: gone, withIntermediateDirectories: true)
    let tmux = try browser(as: "alice", in: gone)
    try FileManager.default.removeItem(atPath: gone)

    try tmux.send("e")

    let screen = try tmux.waitFor("cannot write").joined(separator: "\n")
    #expect(screen.contains("No such file or directory"), "\(screen)")
    #expect(!screen.contains("ExportError") && !screen.contains("CommandFailure"))
  }

  @Test func manyProcessesAddingNotesAtOnceLoseNone() throws {
    // Eight writers, 25 notes each, all at once.
    let script = """
      for w in 1 2 3 4 5 6 7 8; do
        ( for i in $(seq 1 25); do
            '\(CommandRunner.musterPath)' --db '\(database)' note site:iraq "writer $w note $i" \
              --author "w$w" >/dev/null || echo "failed $w $i" >> failures.txt
          done ) &
      done
      wait
      """
    let result = try Spawn.run(
      ["/bin/sh", "-c", "cd '\(folder.path)' && \(script)"],
      environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C.UTF-8"])
    #expect(result.status == 0)
    #expect(!FileManager.default.fileExists(atPath: folder.file("failures.txt")))
    let shown = try CommandRunner.muster(
      ["--db", database, "show", "site:iraq"], home: folder.path)
    #expect(shown.output.contains("Notes (200)"))
    for writer in 1...8 {
      #expect(shown.output.contains("writer \(writer) note 25"))
    }
  }
}
