import Foundation
import MusterDomain
import MusterExport
import MusterImport
import MusterResources
import MusterStore
import MusterTestSupport
import Testing

/// Every export format of the bundled dataset, against reviewed files (`Golden/`), and the
/// rules each format must keep.
@Suite struct ExporterTests {
  let folder: TemporaryFolder
  let exporter: Exporter
  let catalog: SQLiteCatalog

  init() throws {
    folder = try TemporaryFolder("muster-export")
    let result = DatasetReader.read(BundledResources.dataset, file: "bundled")
    try #require(result.problems.isEmpty, "\(result.problems)")
    let writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    _ = try writer.write(result.dataset)
    catalog = writer.catalog
    exporter = Exporter(catalog: catalog)
  }

  static let endOf2020 = Day(iso: "2020-12-31")

  /// A record reference from its id, such as `site:al-heri`.
  func record(_ id: String) throws -> RecordReference {
    try #require(RecordReference(id))
  }

  @Test(arguments: [
    (ExportFormat.dataset, "bundled.yaml"), (.json, "bundled.json"), (.csv, "bundled-events.csv"),
    (.geojson, "sites-2020-12-31.geojson"),
  ])
  func everythingInEachFormatIsWhatWasReviewed(format: ExportFormat, golden: String) throws {
    let (text, left) = try exporter.text(format, .everything, asOf: Self.endOf2020)

    #expect(left == 0)
    try GoldenFile.check(text, named: golden, in: "Golden")
  }

  @Test func aBriefOfASiteIsWhatWasReviewed() throws {
    let (text, _) = try exporter.text(
      .markdown, .records([try record("site:imam-ali-base")]), asOf: Self.endOf2020)

    try GoldenFile.check(text, named: "brief-imam-ali-base-2020-12-31.md", in: "Golden")
    #expect(text.hasPrefix("# Imam Ali base"))
  }

  @Test(arguments: [nil, "2020-11-30", "2021-01-15"])
  func geoJSONKeepsTheRulesOfRFC7946(asOf: String?) throws {
    let (text, _) = try exporter.text(.geojson, .everything, asOf: asOf.flatMap(Day.init(iso:)))

    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(root["type"] as? String == "FeatureCollection")
    #expect(root["crs"] == nil, "RFC 7946 removed crs: coordinates are WGS 84")
    let features = try #require(root["features"] as? [[String: Any]])
    #expect(features.count == (try catalog.exportSites().filter { $0.location != nil }.count))
    for feature in features {
      #expect(feature["type"] as? String == "Feature")
      #expect(feature.keys.contains("properties"))
      #expect(feature["properties"] is [String: Any] || feature["properties"] is NSNull)
      if let id = feature["id"] { #expect(id is String || id is NSNumber) }
      let geometry = try #require(feature["geometry"] as? [String: Any])
      #expect(geometry["type"] as? String == "Point")
      let position = try #require(geometry["coordinates"] as? [Double])
      // Longitude first, then latitude, each in range.
      #expect(position.count == 2)
      #expect((-180...180).contains(position[0]) && (-90...90).contains(position[1]))
      #expect(position[0] > 38 && position[0] < 44 && position[1] > 32 && position[1] < 37)
    }
  }

  @Test func theHolderOfTheBorderPointsChangesAcrossTheHandover() throws {
    func holder(_ day: String) throws -> [String] {
      let (text, _) = try exporter.text(
        .geojson, .records([try record("site:albu-kamal-border-points")]), asOf: Day(iso: day))
      let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      let feature = (root?["features"] as? [[String: Any]])?.first
      let properties = feature?["properties"] as? [String: Any]
      return (properties?["holders"] as? [[String: Any]])?.compactMap { $0["actor"] as? String }
        ?? []
    }

    #expect(try holder("2020-11-30").contains("Harakat al-Abdal"))
    #expect(try holder("2021-01-15").contains("Fifth Corps"))
  }

  @Test func aCSVRowHasTheCodebooksColumnsAndRecordsThatAreNotEventsAreCounted() throws {
    let (text, left) = try exporter.text(
      .csv,
      .records([
        try record("event:fifth-corps-receives-border-points"), try record("site:al-heri"),
      ]), asOf: nil)

    let lines = text.split(separator: "\r\n")
    #expect(lines.first.map(String.init) == EventDataset.acledColumns.joined(separator: ","))
    #expect(lines.count == 2)
    #expect(left == 1)
  }

  @Test func errorsSayWhatWentWrongInWords() throws {
    let statement = try record("event:miqdad-rt")
    #expect(throws: ExportError.briefNeedsASiteOrActor) {
      try exporter.text(.markdown, .records([statement]), asOf: nil)
    }
    let atlantis = try record("site:atlantis")
    #expect(throws: ExportError.noSuchRecord(atlantis)) {
      try exporter.text(.markdown, .records([atlantis]), asOf: nil)
    }
    #expect(ExportError.briefNeedsASiteOrActor.description.hasPrefix("a brief is of one site"))

    let path = folder.file("out.md")
    try ExportFile.write("one", to: path, replacing: false)
    #expect(throws: ExportError.fileExists(path: path)) {
      try ExportFile.write("two", to: path, replacing: false)
    }
    try ExportFile.write("two", to: path, replacing: true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
    let missing = folder.file("absent/out.md")
    let error = #expect(throws: ExportError.self) {
      try ExportFile.write("x", to: missing, replacing: false)
    }
    #expect(error?.description == "cannot write \(missing): No such file or directory")
  }

  @Test func aNewExportNeverReplacesAnother() throws {
    let first = try ExportFile.writeNew(
      "a", stem: "muster-sites", fileExtension: "json", in: folder.path)
    let second = try ExportFile.writeNew(
      "b", stem: "muster-sites", fileExtension: "json", in: folder.path)

    #expect(first.hasSuffix("/muster-sites.json"))
    #expect(second.hasSuffix("/muster-sites-2.json"))
    #expect(try String(contentsOfFile: first, encoding: .utf8) == "a")
    // No temporary file is left behind.
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(!files.contains { $0.contains(".tmp-") })
  }
}
