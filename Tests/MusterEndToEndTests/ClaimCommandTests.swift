import Foundation
import MusterTestSupport
import Testing

/// `muster claim` and `muster log` with the real binary, on the bundled dataset (the
/// default database, seeded on first use).
@Suite struct ClaimCommandTests {
  let home: TemporaryFolder

  init() throws {
    home = try TemporaryFolder("muster-claims")
  }

  func muster(_ arguments: String...) throws -> CommandResult {
    try CommandRunner.muster(arguments, home: home.path)
  }

  /// Runs `muster` and expects it to succeed.
  func ok(_ arguments: String...) throws -> String {
    let result = try CommandRunner.muster(arguments, home: home.path)
    #expect(result.status == 0, "\(arguments): \(result.errors)")
    return result.output
  }

  /// How many entries the history holds.
  func historyCount() throws -> Int {
    let data = Data(try ok("log", "--json", "--limit", "10000").utf8)
    return try #require(try JSONSerialization.jsonObject(with: data) as? [Any]).count
  }

  @Test func aClaimByAnyspellingWithANewSourceThenAHandoverShowsBeforeAndAfter() throws {
    // The actor by its Arabic alias, the site by an alias.
    let added = try ok(
      "claim", "add", "--actor", "حزب الله", "--site", "site:al-heri", "--role", "control",
      "--start", "early 2021-02", "--title", "Hezbollah raises its flag in al-Heri",
      "--new-source", "Deir Ezzor 24", "--reliability", "c", "--published", "2021-02-03",
      "--url", "https://example.org/de24/1", "--credibility", "2", "--author", "rana")
    let id = "deployment:hezbollah-al-heri-2021-02-01--2021-02-10"
    #expect(added.contains(id))
    #expect(added.contains("new claim: Hezbollah at al-Heri, control from 2021-02-01/2021-02-10"))

    let handover = try ok(
      "claim", "handover", id, "--to", "Russian Federation", "--on", "2021-03-15",
      "--document", "document:nahar-albu-kamal-agreement", "--credibility", "3", "--json")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(handover.utf8)) as? [[String: Any]])
    #expect(
      entries.map { $0["record"] as? String } == [id, "deployment:russia-al-heri-2021-03-15"])

    let before = try ok("show", "site:al-heri", "--as-of", "2021-03-14")
    let after = try ok("show", "site:al-heri", "--as-of", "2021-03-16")
    #expect(before.contains("Hezbollah  present  control C2"))
    #expect(!after.contains("Hezbollah  present"))
    #expect(after.contains("Russia  present  control D3"))
    #expect(
      after.contains(
        "Hezbollah  control, present  from 2021-02-01/2021-02-10 (span), until 2021-03-15"))
    #expect(after.contains("    successor: Russia at al-Heri"))

    let log = try ok("log")
    #expect(log.contains("rana  claim add  \(id)"))
    #expect(log.contains("claim handover  deployment:russia-al-heri-2021-03-15"))
    #expect(try ok("log", "--record", id).split(separator: "\n").count == 3)
  }

  @Test func badValuesNameTheFlagAndWriteNothing() throws {
    let before = try historyCount()
    let cases: [([String], Int32, String)] = [
      (
        [
          "claim", "add", "--actor", "actor:hezbollah", "--site", "site:al-heri", "--start",
          "soon", "--document", "document:nahar-albu-kamal-agreement", "--credibility", "3",
        ],
        64, "--start"
      ),
      (
        [
          "claim", "add", "--actor", "actor:hezbollah", "--site", "site:al-heri", "--start",
          "2021", "--document", "document:nahar-albu-kamal-agreement", "--credibility", "9",
        ],
        64, "--credibility"
      ),
      (
        [
          "claim", "add", "--actor", "actor:hezbollah", "--site", "site:al-heri", "--start",
          "2021", "--credibility", "3",
        ], 64, "--document or --title"
      ),
      (
        [
          "claim", "add", "--actor", "actor:hezbollah", "--site", "site:al-heri", "--start",
          "2021", "--title", "x", "--new-source", "Y", "--credibility", "3",
        ], 64, "--reliability"
      ),
      (
        [
          "claim", "add", "--actor", "Nobody At All", "--site", "site:al-heri", "--start", "2021",
          "--document", "document:nahar-albu-kamal-agreement", "--credibility", "3",
        ],
        66, "--actor: no actor is called"
      ),
      (
        [
          "claim", "add", "--actor", "actor:hezbollah", "--site", "site:al-heri", "--start",
          "2021", "--document", "document:missing", "--credibility", "3",
        ], 66, "no document"
      ),
      (["claim", "end", "deployment:russia-al-heri", "--on", "2019"], 65, "before the claim's"),
      (["claim", "end", "site:al-heri", "--on", "2021"], 64, "not a claim id"),
      (["claim", "end", "deployment:nothing", "--on", "2021"], 66, "no claim"),
      (["claim", "status", "deployment:russia-al-heri", "inferred"], 65, "can be accepted"),
      (["claim", "status", "deployment:russia-al-heri", "maybe"], 64, "status"),
    ]
    for (arguments, status, message) in cases {
      let result = try CommandRunner.muster(arguments, home: home.path)
      #expect(result.status == status, "\(arguments): \(result.errors)")
      #expect(result.errors.contains(message), "\(arguments): \(result.errors)")
    }
    #expect(try historyCount() == before)
  }

  @Test func aChangeBasedOnAnOldEntryIsRefusedWithWhoAndWhen() throws {
    _ = try ok("claim", "status", "deployment:russia-al-heri", "accepted", "--author", "omar")
    let entries = try #require(
      try JSONSerialization.jsonObject(
        with: Data(try ok("log", "--json", "--record", "deployment:russia-al-heri").utf8))
        as? [[String: Any]])
    let seen = try #require(entries.first?["sequence"] as? Int)
    _ = try ok("claim", "status", "deployment:russia-al-heri", "contested", "--author", "omar")

    let refused = try muster(
      "claim", "end", "deployment:russia-al-heri", "--on", "2021-06", "--based-on", "\(seen)")
    #expect(refused.status == 75)
    #expect(refused.errors.contains("was changed by omar at"))
    #expect(refused.errors.contains("reload it and try again"))
    #expect(try ok("show", "deployment:russia-al-heri").contains("contested"))
  }

  @Test func importsAreInTheHistory() throws {
    let file = try home.write(
      """
      muster: 1
      sites:
        - {id: site:t4, name: T4 airbase, kind: base, country: SY}
      """, to: "t4.yaml")
    _ = try ok("import", file)
    let log = try ok("log", "--record", URL(fileURLWithPath: file).standardizedFileURL.path)
    #expect(log.contains("  import  "))
    #expect(log.contains("imported 1 site into"))
  }

  @Test func actorsSitesAndAliasesAddedAreFoundByEverySpellingAndRecorded() throws {
    let actor = try ok(
      "actor", "add", "Quwat al-Ridha", "--kind", "militia", "--country", "sy", "--alias",
      "قوات الرضا", "--author", "rana")
    #expect(actor.contains("actor:quwat-al-ridha  new actor: Quwat al-Ridha (militia)"))
    #expect(try ok("search", "قوات الرضا").contains("Quwat al-Ridha"))

    let site = try ok(
      "site", "add", "T2 pumping station east", "--kind", "base", "--latitude", "34.5",
      "--longitude", "40.9", "--in", "Albu Kamal", "--id", "site:t2-east")
    #expect(site.contains("site:t2-east  new site: T2 pumping station east (base)"))
    #expect(try ok("show", "site:t2-east").contains("in Albu Kamal"))

    #expect(
      try ok("alias", "add", "site:al-heri", "Hiri village").contains("also called Hiri village"))
    #expect(try ok("search", "hiri village").contains("al-Heri"))

    let before = try historyCount()
    for (arguments, status, message) in [
      (["actor", "add", "Quwat al-Ridha", "--kind", "militia"], Int32(65), "already an actor"),
      (["actor", "add", "X", "--kind", "navy"], 64, "--kind"),
      (
        ["site", "add", "Y", "--kind", "base", "--latitude", "91", "--longitude", "1"], 64,
        "--latitude must be from -90 to 90"
      ),
      (["site", "add", "Y", "--kind", "base", "--latitude", "3"], 64, "go together"),
      (["site", "add", "Y", "--kind", "base", "--in", "Atlantis"], 66, "--in: no site"),
      (["alias", "add", "site:al-heri", "Hiri village"], 65, "already called"),
      (["alias", "add", "event:x", "Y"], 64, "not an actor or site id"),
      (["merge", "actor:hezbollah", "site:al-heri"], 64, "two different actors"),
      (["split", "actor:hezbollah"], 66, "was not merged"),
    ] {
      let result = try CommandRunner.muster(arguments, home: home.path)
      #expect(result.status == status, "\(arguments): \(result.errors)")
      #expect(result.errors.contains(message), "\(arguments): \(result.errors)")
    }
    #expect(try historyCount() == before)

    _ = try ok("merge", "actor:quwat-al-ridha", "actor:hezbollah", "--reason", "test")
    #expect(try ok("show", "actor:hezbollah").contains("Quwat al-Ridha"))
    _ = try ok("split", "actor:quwat-al-ridha")
    let log = try ok("log", "--record", "actor:quwat-al-ridha")
    #expect(log.contains("  split  actor:quwat-al-ridha  split from actor:hezbollah"))
    #expect(log.contains("  merge  actor:quwat-al-ridha  merged into actor:hezbollah: test"))
    #expect(log.contains("rana  actor add  actor:quwat-al-ridha"))
  }

  @Test func undoTakesBackYourOwnLastChangeOnly() throws {
    let nothing = try muster("undo", "--author", "rana")
    #expect(nothing.status == 66)
    #expect(nothing.errors.contains("rana has no change left to undo"))
    _ = try ok(
      "claim", "add", "--actor", "actor:hezbollah", "--site", "site:al-heri", "--start",
      "2021-02", "--document", "document:nahar-albu-kamal-agreement", "--credibility", "3",
      "--author", "rana")
    #expect(try ok("show", "site:al-heri", "--as-of", "2021-02-15").contains("Hezbollah"))
    let undone = try ok("undo", "--author", "rana")
    #expect(undone.contains("deployment:hezbollah-al-heri-2021-02  undoes new claim"))
    #expect(!(try ok("show", "site:al-heri", "--as-of", "2021-02-15").contains("Hezbollah")))
    #expect(try ok("log").contains("rana  undo  deployment:hezbollah-al-heri-2021-02"))
  }

  @Test func theAnalystsRecordsRoundTripThroughTheDatasetFormat() throws {
    _ = try ok(
      "claim", "add", "--actor", "actor:hezbollah", "--site", "site:al-heri", "--role",
      "control", "--start", "late 2021", "--strength", "200-300", "--title", "Flags over al-Heri",
      "--new-source", "Deir Ezzor 24", "--reliability", "C", "--url", "https://example.org/1",
      "--published", "2021-10-02", "--credibility", "2", "--quote", "raised its flag")
    _ = try ok(
      "claim", "handover", "deployment:russia-al-heri", "--to", "actor:fifth-corps", "--on",
      "2021-03", "--document", "document:nahar-albu-kamal-agreement", "--credibility", "4")
    _ = try ok("claim", "status", "deployment:irgc-imam-ali-base", "contested")
    _ = try ok("actor", "add", "Quwat al-Ridha", "--kind", "militia", "--alias", "قوات الرضا")
    _ = try ok(
      "site", "add", "T2 east", "--kind", "base", "--latitude", "34.5", "--longitude", "40.9",
      "--in", "site:albu-kamal")
    _ = try ok("alias", "add", "site:al-heri", "Hiri")
    _ = try ok("note", "site:al-heri", "Seen from the road, 2021-10")

    let exported = home.file("analyst.yaml")
    _ = try ok("export", "--format", "dataset", "-o", exported)
    let fresh = home.file("fresh.db")
    let imported = try CommandRunner.muster(["--db", fresh, "import", exported], home: home.path)
    #expect(imported.status == 0, "\(imported.errors)")
    // Exported again from the empty database it was imported into: the same file, every
    // record and field of it.
    let again = home.file("again.yaml")
    _ = try ok("--db", fresh, "export", "--format", "dataset", "-o", again)
    let first = try String(contentsOfFile: exported, encoding: .utf8)
    let second = try String(contentsOfFile: again, encoding: .utf8)
    #expect(first == second)
    for text in [
      "deployment:hezbollah-al-heri-2021-09-01--2021-12-31", "Deir Ezzor 24", "raised its flag",
      "deployment:fifth-corps-al-heri-2021-03", "Quwat al-Ridha", "قوات الرضا", "T2 east", "Hiri",
      "Seen from the road, 2021-10",
    ] {
      #expect(second.contains(text), "\(text)")
    }
    #expect(
      try ok("--db", fresh, "show", "deployment:irgc-imam-ali-base").contains("contested"))
  }
}
