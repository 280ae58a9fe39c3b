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
