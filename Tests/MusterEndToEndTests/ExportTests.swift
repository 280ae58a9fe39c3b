import Foundation
import MusterTestSupport
import Testing

/// `muster export` in every format, each checked by reading it back.
@Suite struct ExportTests {
  let folder: TemporaryFolder
  let seeded: String

  init() throws {
    folder = try TemporaryFolder("muster-export")
    seeded = folder.file("seeded.db")
    let created = try muster(["--db", seeded, "list", "sites"])
    try #require(created.status == 0, "\(created.errors)")
  }

  func muster(_ arguments: [String]) throws -> CommandResult {
    try CommandRunner.muster(arguments, home: folder.path)
  }

  /// The whole database in the native format, to compare two databases.
  func dataset(_ database: String) throws -> String {
    let result = try muster(["--db", database, "export", "--format", "dataset"])
    try #require(result.status == 0, "\(result.errors)")
    return result.output
  }

  @Test func jsonImportsIntoAFreshDatabaseAsTheSameRecords() throws {
    let json = folder.file("all.json")
    #expect(try muster(["--db", seeded, "export", "--format", "json", "-o", json]).status == 0)
    let parsed = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: json)))
    #expect((parsed as? [String: Any])?["actors"] != nil)
    let fresh = folder.file("fresh.db")
    let imported = try muster(["--db", fresh, "import", json])
    #expect(imported.status == 0, "\(imported.errors)")
    #expect(try dataset(fresh) == dataset(seeded))
  }

  @Test func aQueryExportsItsRecordsWithWhatTheyNeed() throws {
    let json = folder.file("imam.json")
    let exported = try muster([
      "--db", seeded, "export", "--format", "json", "--query", "imam ali", "-o", json,
    ])
    #expect(exported.status == 0, "\(exported.errors)")
    let fresh = folder.file("subset.db")
    let imported = try muster(["--db", fresh, "import", json])
    #expect(imported.status == 0, "\(imported.errors)")
    let shown = try muster(["--db", fresh, "show", "site:imam-ali-base", "--as-of", "2020-12-31"])
    #expect(shown.status == 0)
    #expect(shown.output.contains("Russia") && shown.output.contains("planned"))
    let sites = try muster(["--db", fresh, "list", "sites"]).output
    #expect(!sites.contains("al-Mayadin"), "records the query did not find stay out")
  }

  @Test func acledCSVImportsAsTheSameEvents() throws {
    let original = folder.file("original.db")
    let source = try folder.write(EventDatasetFixtures.acled, to: "acled.csv")
    #expect(try muster(["--db", original, "import", source]).status == 0)
    let csv = folder.file("events.csv")
    let exported = try muster(["--db", original, "export", "--format", "csv", "-o", csv])
    #expect(exported.status == 0, "\(exported.errors)")
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    #expect(text.hasPrefix(EventDatasetFixtures.acledHeader + "\r\n"))
    let again = folder.file("again.db")
    let imported = try muster(["--db", again, "import", csv])
    #expect(imported.status == 0, "\(imported.errors)")
    #expect(try dataset(again) == dataset(original))
  }

  @Test func geoJSONHasTheStructureAndTheHolderAsOfTheDate() throws {
    func features(asOf: String) throws -> [[String: Any]] {
      let result = try muster(["--db", seeded, "export", "--format", "geojson", "--as-of", asOf])
      try #require(result.status == 0, "\(result.errors)")
      let root = try #require(
        try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
      #expect(root["type"] as? String == "FeatureCollection")
      return try #require(root["features"] as? [[String: Any]])
    }
    let before = try features(asOf: "2020-11-30")
    #expect(!before.isEmpty)
    for feature in before {
      #expect(feature["type"] as? String == "Feature")
      let geometry = try #require(feature["geometry"] as? [String: Any])
      #expect(geometry["type"] as? String == "Point")
      let coordinates = try #require(geometry["coordinates"] as? [Double])
      #expect(coordinates.count == 2)
      #expect((-180...180).contains(coordinates[0]) && (-90...90).contains(coordinates[1]))
      let properties = try #require(feature["properties"] as? [String: Any])
      for key in ["id", "name", "kind", "holder", "status", "grade", "holders", "as_of"] {
        #expect(properties.keys.contains(key), "\(key)")
      }
    }
    func holder(_ features: [[String: Any]], _ id: String) -> String? {
      let feature = features.first { ($0["properties"] as? [String: Any])?["id"] as? String == id }
      return (feature?["properties"] as? [String: Any])?["holder"] as? String
    }
    let points = "site:albu-kamal-border-points"
    #expect(holder(before, points) == "Harakat al-Abdal")
    #expect(holder(try features(asOf: "2021-01-15"), points) == "Fifth Corps")
  }

  @Test func aMarkdownBriefListsStateClaimsInDateOrderAndRelations() throws {
    let site = try muster([
      "--db", seeded, "export", "--format", "markdown", "--query", "site:imam-ali-base",
      "--as-of", "2020-12-31",
    ])
    #expect(site.status == 0, "\(site.errors)")
    let lines = site.output.split(separator: "\n").map(String.init)
    #expect(lines.first == "# Imam Ali base (base)")
    #expect(lines.contains("## Held as of 2020-12-31"))
    #expect(
      lines.contains {
        $0.hasPrefix("- **Russia** at Imam Ali base: planned") && $0.hasSuffix("(C3)")
      })
    let dates = lines.filter { $0.hasPrefix("- **2") }.map { $0.dropFirst(4).prefix(10) }
    #expect(dates.count >= 4 && dates == dates.sorted(), "\(dates)")
    #expect(lines.contains { $0.hasPrefix("  - Fox News: ") }, "claims carry their sources")
    let actor = try muster([
      "--db", seeded, "export", "--format", "markdown", "--query", "fatemiyoun",
    ])
    #expect(actor.output.contains("## Relations"))
    #expect(actor.output.contains("IRGC"))
    let none = try muster(["--db", seeded, "export", "--format", "markdown"])
    #expect(none.status == 64)
  }

  @Test func anExistingFileIsNeverReplacedWithoutForce() throws {
    let path = try folder.write("keep me\n", to: "taken.json")
    let refused = try muster(["--db", seeded, "export", "--format", "json", "-o", path])
    #expect(refused.status == 74)
    #expect(refused.errors.contains("--force"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
    let forced = try muster(["--db", seeded, "export", "--format", "json", "-o", path, "--force"])
    #expect(forced.status == 0)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers.filter { $0.contains(".tmp-") }.isEmpty)
  }
}
