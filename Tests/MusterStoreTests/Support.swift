import MusterDomain
import MusterImport
import MusterResources
import MusterTestSupport
import Testing

@testable import MusterStore

/// A real database file in a temporary folder, holding the bundled dataset.
struct SeededStore {
  let folder: TemporaryFolder
  let writer: SQLiteCatalogWriter
  var catalog: SQLiteCatalog { writer.catalog }
  var path: String { catalog.path }

  init() throws {
    folder = try TemporaryFolder("muster-store")
    writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    try writer.write(try Self.bundledDataset())
  }

  static func bundledDataset() throws -> Dataset {
    let result = DatasetReader.read(BundledResources.dataset, file: "bundled")
    try #require(result.problems.isEmpty, "\(result.problems)")
    return result.dataset
  }
}

func day(_ text: String) throws -> Day {
  try #require(Day(iso: text))
}

/// Checks that the Sites list's "Held by" and the map's holder of every site (both read
/// from the catalog's in-memory positions) say what the site's detail says (read by query,
/// effects and all), on each of `days`.
func expectListsAndMapAgreeWithHolders(_ catalog: SQLiteCatalog, on days: [Day]) throws {
  let world = GeoBox(minLatitude: -90, maxLatitude: 90, minLongitude: -180, maxLongitude: 180)
  for day in days {
    let rows = try catalog.entities(EntityQuery(kind: .site, asOf: day, limit: 10_000)).rows
    let map = Dictionary(
      uniqueKeysWithValues: try catalog.mapSites(in: world, asOf: day, limit: 10_000).map {
        ($0.record, $0)
      })
    for row in rows {
      let holders = try catalog.holders(of: ID(row.record.rawValue), asOf: day)
      var expected = ""
      if let first = holders.first {
        let inferred = first.deployment.isInferred
        let state =
          first.deployment.analystStatus == .rejected
          ? "rejected" : first.status.rawValue.replacingOccurrences(of: "_", with: " ")
        expected =
          "\(inferred ? "~" : "")\(first.actorName) (\(state)"
          + "\(inferred ? ", inferred" : ""))\(holders.count > 1 ? " +\(holders.count - 1)" : "")"
      }
      #expect(row.fact == expected, "\(row.title) on \(day)")
      if let site = map[row.record] {
        let holding = holders.first.flatMap {
          $0.status.isHolding && $0.deployment.analystStatus != .rejected ? $0 : nil
        }
        #expect(site.holderName == holding?.actorName, "map: \(row.title) on \(day)")
        #expect(site.holder == holding?.deployment.actor.reference(.actor))
        #expect(site.isInferred == (holding?.deployment.isInferred ?? false))
      }
    }
  }
}
