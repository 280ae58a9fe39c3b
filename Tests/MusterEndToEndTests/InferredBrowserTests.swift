import Foundation
import MusterTestSupport
import Testing

/// The browser in a real terminal (tmux) on the fictional district's ACLED file: the Sites
/// list's "Held by", the map's legend and the what-moved view (`w`) mark inferred holders.
@Suite(.serialized) struct InferredBrowserTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/Territory/wadi-qasr-acled.csv")

  let folder: TemporaryFolder
  let database: String

  init() throws {
    try #require(
      TmuxSession.isAvailable, "tmux is needed for the end-to-end tests (make test installs it)")
    folder = try TemporaryFolder("muster-inferred-browser")
    database = folder.file("muster.db")
    let imported = try CommandRunner.muster(
      ["--db", database, "import", Self.fixture.path], home: folder.path)
    try #require(imported.status == 0, "\(imported.errors)")
  }

  func session(asOf: String) throws -> TmuxSession {
    try TmuxSession(
      command: "cd '\(folder.path)' && exec env LANG=C.UTF-8 '\(CommandRunner.musterPath)' "
        + "--db '\(database)' --as-of \(asOf)", width: 200, height: 40)
  }

  @Test func heldByMarksInferredHolders() throws {
    let tmux = try session(asOf: "2020-07-02")
    try tmux.waitFor("Actors 9")
    try tmux.send("l")
    // The column is cut to the pane's width; the mark comes first.
    try tmux.waitFor("Ain Dalfa                        town          ~Hayat Tahrir al-Sham (pres")
    let screen = try tmux.screen().joined(separator: "\n")
    #expect(
      screen.contains("Tell Amar                        town          ~Military Forces of Syria"))
    #expect(!screen.contains("Jisr Hamra                       town          ~"))
    try tmux.send("q")
  }

  @Test func theMapLegendSaysWhichHoldersAreInferred() throws {
    let tmux = try session(asOf: "2020-07-02")
    try tmux.waitFor("Actors 9")
    try tmux.send("m")
    try tmux.waitFor("~ inferred")
    let screen = try tmux.screen().joined(separator: "\n")
    #expect(screen.contains("~Hayat Tahrir al-Sham"))
    try tmux.send("q")
  }

  @Test func whatMovedShowsTheLastStepsChangesMarkedInferred() throws {
    let tmux = try session(asOf: "2020-05-31")
    try tmux.waitFor("Actors 9")
    // `]`: the next day something happened, the SDF's handover of Kafr Sabi; then `w`.
    try tmux.send("]")
    try tmux.waitFor("as of 2020-06-01")
    try tmux.send("w")
    try tmux.waitFor("What moved  after 2020-05-31 to 2020-06-01")
    var screen = try tmux.screen().joined(separator: "\n")
    #expect(screen.contains("control gained  ~Military Forces of Syria (2000-2024) at Kafr Sabi"))
    #expect(screen.contains("handed over  ~Syrian Democratic Forces at Kafr Sabi"))
    #expect(screen.contains("inferred"))
    // The view follows the cursor: the next steps' changes, up to Ain Dalfa's contested day.
    try tmux.send("]", "]", "]", "]")
    try tmux.waitFor("What moved  after 2020-06-21 to 2020-07-01")
    screen = try tmux.screen().joined(separator: "\n")
    #expect(screen.contains("~Hayat Tahrir al-Sham at Ain Dalfa  contested, inferred"))
    try tmux.send("q")
  }
}
