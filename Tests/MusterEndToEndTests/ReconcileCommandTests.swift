import Foundation
import MusterTestSupport
import Testing

/// `muster reconcile` on the bundled dataset with a UCDP export beside it: the actors and
/// places both name, certain or proposed, with the evidence; never an unidentified group.
@Suite struct ReconcileCommandTests {
  let folder: TemporaryFolder
  let database: String

  static let export = """
    id,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,source_article,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,country,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low
    910001,2018,1,Syria: Government,Government of Syria - IS,Government of Syria,IS,"Test source",1,Albu Kamal town,Deir ez Zor governorate,Albu Kamal district,34.45,40.918611,Syria,1,2018-06-06,2018-06-06,1,1,0,0,2,2,2
    910002,2018,2,Hezbollah - IS,Hezbollah - IS,Hezbollah,IS,"Test source",1,Al Mayadin town,Deir ez Zor governorate,Al Mayadin district,35.02089,40.453455,Syria,1,2018-07-01,2018-07-01,0,1,0,0,1,1,1
    910003,2018,2,Unidentified Armed Group (Syria) - IS,Unidentified Armed Group (Syria) - IS,Unidentified Armed Group (Syria),IS,"Test source",1,Homs town,Homs governorate,Homs district,34.73,36.71,Syria,1,2018-07-02,2018-07-02,0,1,0,0,1,1,1
    """

  init() throws {
    folder = try TemporaryFolder("muster-reconcile")
    database = folder.file("muster.db")
    let created = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
    let file = folder.file("ucdp.csv")
    try Self.export.write(toFile: file, atomically: true, encoding: .utf8)
    let imported = try CommandRunner.muster(["--db", database, "import", file], home: folder.path)
    try #require(imported.status == 0, "\(imported.errors)")
    try #require(imported.output.contains("4 of them merged into the same actor or place"))
    // The import merged the certain pairs; the tests start from the records apart.
    let merges = try CommandRunner.muster(
      ["--db", database, "reconcile", "--merges"], home: folder.path)
    for line in merges.output.split(separator: "\n").dropLast() {
      let id = String(line.split(separator: " ")[0])
      let split = try CommandRunner.muster(
        ["--db", database, "reconcile", "--split", id], home: folder.path)
      try #require(split.status == 0, "\(split.errors)")
    }
  }

  @Test func theImportMergedTheCertainPairsAndMergesListsThem() throws {
    let folder = try TemporaryFolder("muster-reconcile-import")
    let database = folder.file("muster.db")
    _ = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    let file = folder.file("ucdp.csv")
    try Self.export.write(toFile: file, atomically: true, encoding: .utf8)
    _ = try CommandRunner.muster(["--db", database, "import", file], home: folder.path)

    let merges = try CommandRunner.muster(
      ["--db", database, "reconcile", "--merges"], home: folder.path
    ).output.split(separator: "\n").map(String.init)
    #expect(merges.last == "4 merges")
    #expect(
      merges.contains {
        $0.hasPrefix("actor:ucdp:hezbollah") && $0.contains("actor:hezbollah")
          && $0.contains("matched at import: the same name") && $0.contains("import")
      })
    #expect(merges.contains { $0.hasPrefix("site:ucdp:albu-kamal-town@34.45,40.918611") })
    #expect(!merges.contains { $0.contains("unidentified") })
    // One Albu Kamal, with the town's name and event.
    let site = try CommandRunner.muster(
      ["--db", database, "show", "site:albu-kamal"], home: folder.path
    ).output
    #expect(site.contains("Albu Kamal town"))
  }

  func muster(_ arguments: [String]) throws -> String {
    let result = try CommandRunner.muster(["--db", database] + arguments, home: folder.path)
    try #require(result.status == 0, "\(result.errors)")
    return result.output
  }

  @Test func certainPairsComeFirstWithTheirEvidence() throws {
    let lines = try muster(["reconcile"]).split(separator: "\n").map(String.init)
    let certain = lines.filter { $0.hasPrefix("certain") }

    #expect(
      certain.contains { $0.contains("actor:hezbollah ") && $0.contains("actor:ucdp:hezbollah") })
    #expect(certain.contains { $0.contains("actor:syria ") && $0.contains("Government of Syria") })
    #expect(
      certain.contains {
        $0.contains("site:albu-kamal ") && $0.contains("Albu Kamal town (ucdp, 1 event)")
          && $0.contains("the same name 1.7 km apart")
      })
    #expect(certain.contains { $0.contains("site:al-mayadin ") && $0.contains("0.5 km apart") })
    #expect(!lines.contains { $0.contains("Unidentified") })
    #expect(lines.last?.hasPrefix("\(lines.count - 1) pairs: \(certain.count) certain") == true)
  }

  @Test func jsonListsEachPairAndKindsFilter() throws {
    let data = Data(try muster(["reconcile", "--kind", "actors", "--json"]).utf8)
    let pairs = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])

    #expect(!pairs.isEmpty)
    for pair in pairs {
      let first = try #require(pair["first"] as? [String: Any])
      #expect((first["record"] as? String)?.hasPrefix("actor:") == true)
      #expect(pair["isCertain"] is Bool)
      #expect(pair["reason"] is String)
    }
  }

  @Test func itWritesNothing() throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: database))
    _ = try muster(["reconcile"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
  }

  @Test func aRecordsDetailListsItsTwinsInOtherDatasets() throws {
    let site = try muster(["show", "site:albu-kamal"])
    #expect(site.contains("Same in other datasets (1)"))
    #expect(site.contains("same Albu Kamal town (ucdp, 1 event) the same name 1.7 km apart"))
    let actor = try muster(["show", "actor:hezbollah"])
    #expect(actor.contains("same Hezbollah (ucdp, 1 event) the same name"))
    // The unidentified group has none, and nothing is listed for it anywhere.
    let data = Data(
      try muster(["show", "actor:ucdp:unidentified-armed-group-syria", "--json"]).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect((object["twins"] as? [Any])?.isEmpty == true)
  }

  @Test func acceptMergesRejectHidesSplitUndoes() throws {
    let pair = "site:albu-kamal=site:ucdp:albu-kamal-town@34.45,40.918611"
    #expect(try muster(["reconcile"]).contains("site:ucdp:albu-kamal-town"))

    let merged = try muster(["reconcile", "--accept", pair, "--author", "ana"])
    #expect(merged == "merged site:ucdp:albu-kamal-town@34.45,40.918611 into site:albu-kamal\n")
    #expect(!(try muster(["reconcile"]).contains("site:ucdp:albu-kamal-town")))
    // Its names by dataset: the bundled record's own, then UCDP's.
    let shown = try muster(["show", "site:albu-kamal"])
    #expect(shown.contains("Also: Abu Kamal · Al-Bukamal"))
    #expect(shown.contains("In UCDP GED: Albu Kamal town"))

    let split = try muster(["reconcile", "--split", "site:ucdp:albu-kamal-town@34.45,40.918611"])
    #expect(split == "split site:ucdp:albu-kamal-town@34.45,40.918611 from site:albu-kamal\n")
    #expect(try muster(["reconcile"]).contains("site:ucdp:albu-kamal-town"))
    #expect(!(try muster(["show", "site:albu-kamal"]).contains("In UCDP GED")))

    let rejected = try muster(["reconcile", "--reject", pair])
    #expect(rejected == "rejected \(pair)\n")
    #expect(!(try muster(["reconcile"]).contains("site:ucdp:albu-kamal-town")))
  }

  @Test func acceptAllAboveMergesEveryCertainPairAndBadValuesAreRefused() throws {
    let output = try muster(["reconcile", "--accept-all-above", "1"])
    #expect(output.contains("merged actor:ucdp:hezbollah into actor:hezbollah"))
    #expect(output.contains("merged actor:ucdp:government-of-syria into actor:syria"))
    #expect(try muster(["reconcile", "--certain"]).hasPrefix("0 pairs"))

    for arguments in [
      ["reconcile", "--accept", "actor:hezbollah"], ["reconcile", "--accept-all-above", "2"],
      ["reconcile", "--accept", "actor:hezbollah=site:albu-kamal"],
      ["reconcile", "--split", "nonsense"],
    ] {
      let result = try CommandRunner.muster(["--db", database] + arguments, home: folder.path)
      #expect(result.status == 64, "\(arguments): \(result.errors)")
    }
    let missing = try CommandRunner.muster(
      ["--db", database, "reconcile", "--split", "site:albu-kamal"], home: folder.path)
    #expect(missing.status != 0)
    #expect(missing.errors.contains("was not merged"))
  }

  @Test func sourceAliasesFromAFileNameOutletsAndAMissingFileIsRefused() throws {
    let folder = try TemporaryFolder("muster-source-aliases")
    let database = folder.file("muster.db")
    let file = folder.file("acled.csv")
    try EventDatasetFixtures.acled.write(toFile: file, atomically: true, encoding: .utf8)
    let aliases = folder.file("aliases.txt")
    try "# ours\nHürriyet | Hurriyet Daily News\n".write(
      toFile: aliases, atomically: true, encoding: .utf8)

    let missing = try CommandRunner.muster(
      ["--db", database, "import", file, "--source-aliases", folder.file("none.txt")],
      home: folder.path)
    #expect(missing.status == 66)
    #expect(missing.errors.contains("cannot read the source aliases"))

    let imported = try CommandRunner.muster(
      ["--db", database, "import", file, "--source-aliases", aliases], home: folder.path)
    #expect(imported.status == 0, "\(imported.errors)")
    let sources = try CommandRunner.muster(
      ["--db", database, "list", "sources"], home: folder.path
    ).output
    #expect(sources.contains("Hürriyet"))
    #expect(!sources.contains("Hurriyet Daily News"))
    #expect(sources.contains("Syrian Observatory for Human Rights"))
  }
}
