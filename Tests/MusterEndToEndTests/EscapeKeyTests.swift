import Foundation
import MusterTestSupport
import Testing

/// Esc and the key after it arriving in one read, as a slow or batched SSH link delivers
/// them: the real binary on a pty, both bytes in one write.
@Suite struct EscapeKeyTests {
  let folder: TemporaryFolder
  let database: String

  init() throws {
    folder = try TemporaryFolder("muster-escape")
    database = folder.file("muster.db")
    let created = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
  }

  func browser() throws -> PseudoTerminal {
    try PseudoTerminal(
      [CommandRunner.musterPath, "--db", database],
      environment: [
        "TERM": "xterm-256color", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
        "HOME": folder.path,
      ], columns: 120, rows: 40)
  }

  @Test func escapeThenQInOneWriteClosesTheSearchAndQuits() throws {
    let terminal = try browser()
    #expect(terminal.waitFor("Detail › Bouthaina Shaaban"))
    terminal.type("/")
    terminal.type("hezb")
    #expect(terminal.waitFor("Kata'ib Hezbollah"))

    // One write: before the fix this was Alt-q, the q typed into the query, the Esc lost.
    terminal.type("\u{1B}q")

    #expect(terminal.waitForExit(timeout: .seconds(10)) == 0)
    #expect(!terminal.text(after: 0).contains("hezbq"))
  }
}
