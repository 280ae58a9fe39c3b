import Foundation
import MusterTestSupport
import Testing

/// The fictional district's ACLED file imported with the real binary.
///
/// `muster show SITE --as-of D` and `muster changes` at several dates are checked against
/// golden files in Tests/Fixtures/Territory/Golden. Record with `MUSTER_RECORD_GOLDEN=1 swift test --filter
/// TerritoryCommandTests` and review the diff.
@Suite struct TerritoryCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/Territory")

  let folder: TemporaryFolder
  let database: String

  init() throws {
    folder = try TemporaryFolder("muster-territory-cli")
    database = folder.file("muster.db")
    let imported = try CommandRunner.muster(
      [
        "--db", database, "import",
        Self.fixtures.appendingPathComponent("wadi-qasr-acled.csv").path,
      ],
      home: folder.path)
    try #require(imported.status == 0, "\(imported.errors)")
  }

  func muster(_ arguments: [String]) throws -> String {
    let result = try CommandRunner.muster(["--db", database] + arguments, home: folder.path)
    #expect(result.status == 0, "\(arguments): \(result.errors)")
    return result.output
  }

  func expectGolden(_ name: String, _ output: String) throws {
    let file = Self.fixtures.appendingPathComponent("Golden/\(name).txt")
    if ProcessInfo.processInfo.environment["MUSTER_RECORD_GOLDEN"] == "1" {
      try output.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    let golden = try String(contentsOf: file, encoding: .utf8)
    #expect(output == golden, "\(name) differs from its golden file")
  }

  @Test(arguments: [
    ("tell-amar", "site:acled:tell-amar@35.1012,39.1034", "2020-02-10"),
    ("tell-amar", "site:acled:tell-amar@35.1012,39.1034", "2020-06-30"),
    ("kafr-sabi", "site:acled:kafr-sabi@35.2051,39.2207", "2020-06-01"),
    ("ain-dalfa", "site:acled:ain-dalfa@35.3113,39.3321", "2020-07-02"),
    ("jisr-hamra", "site:acled:jisr-hamra@35.4102,39.4419", "2020-10-25"),
  ])
  func showAsOf(_ name: String, _ site: String, _ day: String) throws {
    try expectGolden("show-\(name)-\(day)", try muster(["show", site, "--as-of", day]))
  }

  @Test(arguments: [
    ("2019-12-31", "2020-03-31", [String]()),
    ("2020-05-31", "2020-06-30", []),
    ("2020-09-30", "2020-10-31", ["--site", "site:acled:jisr-hamra@35.4102,39.4419"]),
    ("2019-11-30", "2020-12-31", ["--actor", "actor:acled:islamic-state-syria"]),
  ])
  func changes(_ from: String, _ to: String, _ filter: [String]) throws {
    let name =
      "changes-\(from)-\(to)"
      + (filter.isEmpty ? "" : "-" + (filter[0] == "--site" ? "site" : "actor"))
    try expectGolden(name, try muster(["changes", "--from", from, "--to", to] + filter))
  }

  @Test func changesAsJSONAndBadArgumentsAreRefused() throws {
    let data = Data(
      try muster(["changes", "--from", "2020-05-31", "--to", "2020-06-30", "--json"]).utf8)
    let changes = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(changes.count == 8)
    let handedOver = try #require(changes.first { ($0["kind"] as? String) == "handed over" })
    #expect(handedOver["isInferred"] as? Bool == true)
    #expect(handedOver["detail"] as? String == "to Military Forces of Syria (2000-2024)")

    for arguments in [
      ["changes", "--from", "2020-06-30", "--to", "2020-05-31"],
      ["changes", "--from", "2020-05-31", "--site", "actor:acled:islamic-state-syria"],
      ["changes", "--from", "2020-05-31", "--presence-days", "0"],
    ] {
      let result = try CommandRunner.muster(["--db", database] + arguments, home: folder.path)
      #expect(result.status == 64, "\(arguments): \(result.errors)")
    }
  }

  @Test func changesPrintsHostileNamesSanitisedAndOtherScriptsAsTheyAre() throws {
    let fixture = try String(
      contentsOf: Self.fixtures.appendingPathComponent("wadi-qasr-acled.csv"), encoding: .utf8)
    let hostile =
      fixture
      .replacingOccurrences(of: "Islamic State (Syria)", with: "Islamic \u{1B}]0;pwned\u{7}State")
      .replacingOccurrences(of: "Tell Amar", with: "تل عمار")
    let folder = try TemporaryFolder("muster-territory-hostile")
    let database = folder.file("muster.db")
    let path = try folder.write(hostile, to: "hostile.csv")
    let imported = try CommandRunner.muster(
      ["--db", database, "import", path], home: folder.path)
    try #require(imported.status == 0, "\(imported.errors)")
    let result = try CommandRunner.muster(
      ["--db", database, "changes", "--from", "2019-12-31", "--to", "2020-12-31"],
      home: folder.path)
    #expect(result.status == 0)
    #expect(!result.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    #expect(result.output.contains("at تل عمار"))
    #expect(result.output.contains("]0;pwned"))
    // The same changes as the plain file's: sanitising drops no line.
    let plain = try muster(["changes", "--from", "2019-12-31", "--to", "2020-12-31"])
    #expect(
      result.output.split(separator: "\n").count == plain.split(separator: "\n").count)
  }

  @Test func showTakesThePresenceWindow() throws {
    let site = "site:acled:tell-amar@35.1012,39.1034"
    let narrow = try muster(["show", site, "--as-of", "2020-05-25", "--presence-days", "10"])
    #expect(narrow.contains("Seen here in the 10 days to 2020-05-25\n  Civilians (Syria)"))
    #expect(!narrow.contains("Islamic State (Syria)  3 events"))
    let wide = try muster(["show", site, "--as-of", "2020-05-25"])
    #expect(
      wide.contains("Seen here in the 90 days to 2020-05-25\n  Islamic State (Syria)  3 events"))
    let refused = try CommandRunner.muster(
      ["--db", database, "show", site, "--presence-days", "0"], home: folder.path)
    #expect(refused.status == 64)
  }

  @Test func anEventsDetailSaysWhetherItsPlaceIsPreciseEnoughToInferControl() throws {
    #expect(
      try muster(["show", "event:acled:WQ18"]).contains(
        "Territory: Non-state actor overtakes territory, placed too imprecisely to infer control"))
    #expect(
      try muster(["show", "event:acled:WQ10"]).contains(
        "Territory: Non-violent transfer of territory: positions are inferred from it"))
    #expect(!(try muster(["show", "event:acled:WQ5"]).contains("Territory:")))
  }

  @Test func theTimelineListsControlChangesAndListsMarkThemInferred() throws {
    let timeline = try muster(["timeline", "--as-of", "2020-06-30"])
    #expect(timeline.contains("~Military Forces of Syria (2000-2024) takes control of Kafr"))
    let sites = try muster(["list", "sites", "--as-of", "2020-07-02"])
    #expect(sites.contains("~Hayat Tahrir al-Sham (present, inferred) +1"))
    let deployments = try muster(["list", "deployments"])
    #expect(deployments.contains("handed over · inferred"))
    #expect(deployments.contains("present · inferred · contested"))
  }
}
