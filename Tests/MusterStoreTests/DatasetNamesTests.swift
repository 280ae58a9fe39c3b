import Foundation
import GRDB
import MusterDomain
import MusterExport
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

/// Records merged across datasets keep each dataset's spelling, list them by dataset, and
/// an ACLED export writes ACLED's own names back.
@Suite struct DatasetNamesTests {
  let world: OneWorldImportTests

  init() throws {
    world = try OneWorldImportTests()
    let acled =
      [
        EventDatasetImportStoreTests.header,
        OneWorldImportTests.acled(
          "SYR1", actor: "Hezbollah", location: "Al-Bukamal", admin1: "Deir ez Zor",
          latitude: 34.4529, longitude: 40.9366),
        OneWorldImportTests.acled(
          "SYR2", actor: "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps",
          location: "Al-Bukamal", admin1: "Deir ez Zor", latitude: 34.4529, longitude: 40.9366),
      ].joined(separator: "\n") + "\n"
    _ = try world.importText(acled, file: "acled.csv")
    _ = try world.importText(OneWorldImportTests.ucdp, file: "ucdp.csv")
  }

  func aliases(of record: String) throws -> [Alias] {
    guard let reference = RecordReference(record),
      let detail = try world.catalog.detail(of: reference, asOf: nil)
    else {
      Issue.record("no \(record)")
      return []
    }
    switch detail {
    case .actor(let actor): return actor.actor.aliases
    case .site(let site): return site.site.aliases
    default:
      Issue.record("\(record) is not an actor or site")
      return []
    }
  }

  @Test func eachDatasetsSpellingIsKeptUnderItsDataset() throws {
    let site = try aliases(of: "site:albu-kamal")
    #expect(site.contains(Alias("Al-Bukamal", dataset: .acled)))
    #expect(site.contains(Alias("Albu Kamal town", dataset: .ucdp)))
    let groups = DatasetNames.of(id: "site:albu-kamal", name: "Albu Kamal", aliases: site)
    #expect(groups.map(\.dataset) == [nil, .acled, .ucdp])
    #expect(groups[0].names.first == "Albu Kamal")
    #expect(groups[1].names == ["Al-Bukamal"])
    #expect(groups[2].names == ["Albu Kamal town"])
    // The bundled dataset's own aliases stay its own.
    #expect(groups[0].names.contains("البوكمال"))

    let irgc = try aliases(of: "actor:irgc")
    #expect(
      irgc.first { $0.dataset == .acled }?.name
        == "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps")
  }

  @Test func anACLEDExportWritesACLEDsOwnNamesBack() throws {
    let dataset = try world.catalog.exportDataset()
    let events = dataset.events.filter { $0.id.rawValue.hasPrefix("event:acled:") }
    #expect(events.count == 2)
    let csv = ACLEDExport.csv(events, in: dataset)
    let rows = csv.split(separator: "\r\n").map(String.init)
    let syr2 = try #require(rows.first { $0.hasPrefix("SYR2,") })
    #expect(syr2.contains(",Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps,"))
    #expect(syr2.contains(",Al-Bukamal,"))
    #expect(!syr2.contains("Albu Kamal"))
    let syr1 = try #require(rows.first { $0.hasPrefix("SYR1,") })
    #expect(syr1.contains(",Hezbollah,"))
  }

  @Test func theDatasetFormatKeepsAnAliasesDataset() throws {
    let dataset = try world.catalog.exportDataset()
    let yaml = try DatasetEncoder.yaml(dataset)
    #expect(yaml.contains("dataset: acled"))
    let loaded = DatasetReader.read(yaml, file: "export.yaml")
    #expect(loaded.problems.isEmpty, "\(loaded.problems)")
    let site = try #require(loaded.dataset.sites.first { $0.id.rawValue == "site:albu-kamal" })
    #expect(site.aliases.contains(Alias("Al-Bukamal", dataset: .acled)))
  }

  @Test func anUnknownAliasDatasetIsAnErrorWithItsPlace() throws {
    let yaml = """
      muster: 1
      actors:
        - id: actor:x
          name: X
          kind: militia
          aliases: [{name: Ex, dataset: acledd}]
      """
    let problems = DatasetReader.read(yaml, file: "bad.yaml").problems
    let text = problems.map(String.init(describing:)).joined(separator: "\n")
    #expect(problems.count == 1)
    #expect(text.contains("bad.yaml:6:"))
    #expect(text.contains("unknown alias dataset 'acledd'; did you mean 'acled'?"))
  }

  @Test func splittingAMergeTakesItsSpellingsAwayAgain() throws {
    let merged = try #require(RecordReference("site:ucdp:albu-kamal-town@34.45,40.918611"))
    let kept = try world.writer.split(merged, by: "test", at: 2)
    #expect(kept?.rawValue == "site:albu-kamal")
    let site = try aliases(of: "site:albu-kamal")
    #expect(!site.contains { $0.dataset == .ucdp })
    #expect(site.contains(Alias("Al-Bukamal", dataset: .acled)))
  }
}
