import Foundation
import GRDB
import MusterDomain
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

/// Two vintages of one dataset that spell an administrative area two ways make one area.
@Suite struct AreaSpellingImportTests {
  let folder: TemporaryFolder
  let writer: SQLiteCatalogWriter

  init() throws {
    folder = try TemporaryFolder("muster-area-spelling")
    writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
  }

  static func row(_ id: String, admin1: String, location: String, latitude: String) -> String {
    "\(id),2020-12-17,2020,1,Strategic developments,Strategic developments,"
      + "Non-violent transfer of territory,Fifth Corps,,1,Harakat al-Nujaba,,3,,,760,Middle East,"
      + "Syria,\(admin1),Abu Kamal,,\(location),\(latitude),40.9367,1,SOHR,National,"
      + "\"Handover.\",0,,100"
  }

  func importRows(_ rows: [String], file: String) throws {
    let path = try folder.write(
      ([EventDatasetImportStoreTests.header] + rows).joined(separator: "\n") + "\n", to: file)
    _ = try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(), writer: writer)
  }

  func areas() throws -> [String] {
    try writer.catalog.database.read { db in
      try String.fetchAll(
        db, sql: "SELECT name FROM site WHERE kind = 'area' AND parent IS NOT NULL ORDER BY id")
    }
  }

  @Test func aSecondSpellingOfAnAreaJoinsTheFirstAsAnAlias() throws {
    try importRows(
      [Self.row("SYR1", admin1: "Deir-ez-Zor", location: "Hajin", latitude: "34.69")],
      file: "2019.csv")
    try importRows(
      [Self.row("SYR2", admin1: "Deir ez Zor", location: "Susah", latitude: "34.60")],
      file: "2023.csv")

    // One province and under it one district, not two trees.
    #expect(try areas().sorted() == ["Abu Kamal", "Deir-ez-Zor"])
    let provinces = try writer.catalog.database.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT name FROM site WHERE kind = 'area'
            AND parent = (SELECT rowid FROM site WHERE kind = 'country')
          """)
    }
    #expect(provinces == ["Deir-ez-Zor"])
    // Both towns lie in it; the second spelling is its alias and finds it.
    let found = try writer.catalog.search(
      SearchRequest(text: "Deir ez Zor", kinds: [.site], limit: 10))
    #expect(found.hits.first?.title == "Deir-ez-Zor")
    let towns = try writer.catalog.database.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT town.name FROM site AS town JOIN site AS district ON district.rowid = town.parent
          WHERE town.kind = 'town' AND district.parent IN (SELECT rowid FROM site
            WHERE name = 'Deir-ez-Zor') ORDER BY town.name
          """)
    }
    #expect(towns == ["Hajin", "Susah"])

    // A re-import of the second vintage adds nothing: no third area, no second alias.
    try importRows(
      [Self.row("SYR2", admin1: "Deir ez Zor", location: "Susah", latitude: "34.60")],
      file: "2023-again.csv")
    let aliases = try writer.catalog.database.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM alias WHERE owner_kind = 2")
    }
    #expect(aliases == ["Deir ez Zor"])
    let provincesAgain = try writer.catalog.database.read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM site WHERE kind = 'area' AND name LIKE 'Deir%'")
    }
    #expect(provincesAgain == 1)
  }
}
