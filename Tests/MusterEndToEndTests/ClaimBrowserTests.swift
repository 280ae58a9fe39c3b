import Foundation
import MusterTestSupport
import Testing

/// The claim forms in the real browser in a real terminal (tmux), on the bundled dataset:
/// a handover made by typing an alias and picking a document, checked with
/// `muster show --as-of` before and after its day; a new claim by Arabic script, with a
/// field refused and then a cancel that writes nothing.
@Suite(.serialized) struct ClaimBrowserTests {
  static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Resources/albu-kamal-2020.yaml")

  let folder: TemporaryFolder
  let database: String

  init() throws {
    try #require(
      TmuxSession.isAvailable, "tmux is needed for the end-to-end tests (make test installs it)")
    folder = try TemporaryFolder("muster-claim-browser")
    database = folder.file("muster.db")
    let imported = try CommandRunner.muster(
      ["--db", database, "import", Self.bundled.path], home: folder.path)
    try #require(imported.status == 0, "\(imported.errors)")
  }

  func muster(_ arguments: String...) throws -> String {
    let result = try CommandRunner.muster(["--db", database] + arguments, home: folder.path)
    #expect(result.status == 0, "\(arguments): \(result.errors)")
    return result.output
  }

  func session() throws -> TmuxSession {
    try TmuxSession(
      command: "cd '\(folder.path)' && exec env LANG=C.UTF-8 USER=rana "
        + "'\(CommandRunner.musterPath)' --db '\(database)'", width: 140, height: 44)
  }

  /// The row of `id` in the Deployments tab, which lists them as `muster list` does.
  func deploymentRow(_ id: String) throws -> Int {
    let data = Data(try muster("list", "deployments", "--json", "--limit", "1000").utf8)
    let page = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let rows = try #require(page["rows"] as? [[String: Any]])
    return try #require(rows.firstIndex { ($0["record"] as? String) == id })
  }

  @Test func aHandoverFromTheBrowserShowsBeforeAndAfterItsDay() throws {
    let row = try deploymentRow("deployment:russia-al-heri")
    let tmux = try session()
    try tmux.waitFor("Actors 22")
    try tmux.send("l", "l")
    try tmux.waitFor("Deployments 19")
    for _ in 0..<row { try tmux.send("j") }
    try tmux.send("Enter")
    try tmux.waitFor("Detail › Russia at al-Heri")
    try tmux.send("H")
    try tmux.waitFor("Hand over Russia at al-Heri")
    try tmux.sendLiteral("Hizbullah")
    try tmux.waitFor("Hezbollah  (Hizbullah)")
    try tmux.send("Tab")
    try tmux.sendLiteral("2021-03-15")
    try tmux.send("Tab", "Tab")
    try tmux.sendLiteral("nahar")
    try tmux.waitFor("Nahar")
    try tmux.send("Tab", "Tab", "Enter")
    try tmux.waitFor("saved: handed over to actor:hezbollah on 2021-03-15")
    try tmux.send("q")

    let before = try muster("show", "site:al-heri", "--as-of", "2021-03-14")
    let after = try muster("show", "site:al-heri", "--as-of", "2021-03-15")
    #expect(before.contains("Russia  planned  control"))
    #expect(!before.contains("Hezbollah  present  control"))
    #expect(after.contains("Hezbollah  present  control"))
    #expect(try muster("log").contains("rana  claim handover  deployment:russia-al-heri"))
  }

  @Test func aNewClaimByArabicScriptIsCheckedAndACancelWritesNothing() throws {
    let tmux = try session()
    try tmux.waitFor("Actors 22")
    try tmux.send("l")
    try tmux.waitFor("Sites 11")
    try tmux.send("j", "j", "j", "j", "j")
    try tmux.waitFor("▶ al-Heri")
    try tmux.send("c")
    try tmux.waitFor("New claim on al-Heri")
    try tmux.sendLiteral("حزب الله")
    try tmux.waitFor("Hezbollah  (حزب الله)")
    try tmux.send("Tab", "Tab", "Tab")
    try tmux.sendLiteral("soon")
    try tmux.send("Tab")
    try tmux.waitFor("not a date")
    try tmux.send("Enter")
    try tmux.waitFor("not a date")
    try tmux.send("Escape")
    try tmux.waitFor("nothing written")
    try tmux.send("q")
    #expect(try muster("log").contains("claim add") == false)
  }
}
