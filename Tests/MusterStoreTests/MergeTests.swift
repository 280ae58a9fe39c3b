import Foundation
import GRDB
import MusterDomain
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

/// Merging a dataset's actor or place into the analysts' record, re-importing after it, and
/// splitting it again, on a real database with the bundled dataset and a UCDP export.
@Suite struct MergeTests {
  static let export = """
    id,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,source_article,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,country,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low
    920001,2018,1,Syria: Government,Government of Syria - IS,Government of Syria,IS,"Test source",1,Albu Kamal town,Deir ez Zor governorate,Albu Kamal district,34.45,40.918611,Syria,1,2018-06-06,2018-06-06,1,1,0,0,2,2,2
    920002,2018,2,Hezbollah - IS,Hezbollah - IS,Hezbollah,IS,"Test source",1,Albu Kamal town,Deir ez Zor governorate,Albu Kamal district,34.45,40.918611,Syria,1,2018-07-01,2018-07-01,0,1,0,0,1,1,1
    """

  let folder: TemporaryFolder
  let writer: SQLiteCatalogWriter
  let path: String
  var catalog: SQLiteCatalog { writer.catalog }

  static let town = RecordReference(
    kind: .site, rawValue: "site:ucdp:albu-kamal-town@34.45,40.918611")
  static let city = RecordReference(kind: .site, rawValue: "site:albu-kamal")
  static let ucdpHezbollah = RecordReference(kind: .actor, rawValue: "actor:ucdp:hezbollah")
  static let hezbollah = RecordReference(kind: .actor, rawValue: "actor:hezbollah")

  init() throws {
    folder = try TemporaryFolder("muster-merge")
    writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    try writer.write(try SeededStore.bundledDataset())
    path = try folder.write(Self.export, to: "ucdp.csv")
    try importExport()
  }

  /// Undoes the merges the import made, so a test starts from the records apart.
  func splitImportMerges() throws {
    for id in try catalog.database.read({
      try String.fetchAll($0, sql: "SELECT merged_id FROM merge ORDER BY rowid DESC")
    }) {
      try writer.split(try #require(RecordReference(id)), by: "test", at: 2)
    }
  }

  @Test func theImportMergesCertainMatchesAndAReimportKeepsThemAndSplitsStay() throws {
    let merged = try catalog.database.read { db in
      try Row.fetchAll(db, sql: "SELECT merged_id, reason, author FROM merge ORDER BY merged_id")
        .map { "\($0["merged_id"] as String) \($0["reason"] as String) \($0["author"] as String)" }
    }
    #expect(
      merged == [
        "actor:ucdp:government-of-syria matched at import: the same name import",
        "actor:ucdp:hezbollah matched at import: the same name import",
        "site:ucdp:albu-kamal-town@34.45,40.918611 matched at import: the same name 1.7 km apart import",
      ])
    // IS, named by UCDP only, is a record of its own.
    #expect(try count("SELECT count(*) FROM actor WHERE id = 'actor:ucdp:is'") == 1)
    let sites = try count("SELECT count(*) FROM site")
    try importExport()
    #expect(try count("SELECT count(*) FROM site") == sites)
    #expect(try count("SELECT count(*) FROM merge") == 3)
    // An analyst's split is kept: a re-import finds the record restored, merges nothing.
    try writer.split(Self.town, by: "test", at: 2)
    try importExport()
    #expect(try count("SELECT count(*) FROM merge") == 2)
    #expect(try count("SELECT count(*) FROM site WHERE id = '\(Self.town.rawValue)'") == 1)
  }

  func importExport() throws {
    _ = try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(), writer: writer)
  }

  /// Everything a merge touches, as text: the records, their aliases, links, notes, pins.
  func state() throws -> [String] {
    try catalog.database.read { db in
      var lines: [String] = []
      for sql in [
        "SELECT * FROM site ORDER BY rowid", "SELECT * FROM actor ORDER BY rowid",
        "SELECT * FROM alias ORDER BY owner_kind, owner, position",
        "SELECT rowid, site FROM event ORDER BY rowid",
        "SELECT * FROM event_actor ORDER BY event, position",
        "SELECT rowid, actor, site FROM deployment ORDER BY rowid",
        "SELECT rowid, subject, object FROM relation ORDER BY rowid",
        "SELECT * FROM note ORDER BY rowid", "SELECT * FROM pin ORDER BY target, author",
        "SELECT * FROM actor_acled_type ORDER BY actor, type",
      ] {
        lines += try Row.fetchAll(db, sql: sql).map { "\(sql.prefix(24)) \($0)" }
      }
      return lines
    }
  }

  func count(_ sql: String) throws -> Int {
    try catalog.database.read { try Int.fetchOne($0, sql: sql) ?? -1 }
  }

  @Test func mergeMovesEverythingReimportFindsTheKeptRecordAndSplitRestoresAll() throws {
    try splitImportMerges()
    try writer.add(
      Note.fresh(on: Self.town, by: "ana", at: 1_700_000_000, text: "Town centre per UCDP."))
    try writer.setPinned(true, Pin(target: Self.town, author: "ana", createdAt: 1_700_000_000))
    let before = try state()

    try writer.merge(Self.town, into: Self.city, reason: "test", author: "ana", at: 1)
    try writer.merge(Self.ucdpHezbollah, into: Self.hezbollah, reason: "test", author: "ana", at: 1)
    #expect(before.count > 100)
    #expect(try state() != before)

    // One Albu Kamal with the town's events, note, pin and name; one Hezbollah.
    guard case .site(let detail)? = try catalog.detail(of: Self.city, asOf: nil) else {
      Issue.record("no site")
      return
    }
    #expect(detail.site.aliases.map(\.name).contains("Albu Kamal town"))
    #expect(detail.notes.map(\.text) == ["Town centre per UCDP."])
    #expect(try count("SELECT count(*) FROM site WHERE id = '\(Self.town.rawValue)'") == 0)
    #expect(
      try count(
        "SELECT count(*) FROM event WHERE site = (SELECT rowid FROM site WHERE id = 'site:albu-kamal')"
      ) >= 2)
    #expect(try count("SELECT count(*) FROM pin WHERE target = 'site:albu-kamal'") == 1)
    #expect(try count("SELECT count(*) FROM actor WHERE name = 'Hezbollah'") == 1)
    // The merged id still leads somewhere: to the record kept.
    guard case .site(let followed)? = try catalog.detail(of: Self.town, asOf: nil) else {
      Issue.record("the merged id leads nowhere")
      return
    }
    #expect(followed.site.id.rawValue == "site:albu-kamal")
    // Search finds the kept record by the merged record's name.
    let found = try catalog.search(SearchRequest(text: "Albu Kamal town", kinds: [.site], limit: 5))
    #expect(found.hits.first?.record == Self.city)
    // Nothing is proposed for the pair any more.
    #expect(
      try !catalog.reconcileProposals().contains {
        $0.first.record == Self.city || $0.second.record == Self.city
      })

    // Re-importing the export (changed rows and all) creates neither again.
    let sites = try count("SELECT count(*) FROM site")
    let actors = try count("SELECT count(*) FROM actor")
    let changed = Self.export.replacingOccurrences(of: "\"Test source\"", with: "\"Test source 2\"")
    _ = try folder.write(changed, to: "ucdp.csv")
    try importExport()
    #expect(try count("SELECT count(*) FROM site") == sites)
    #expect(try count("SELECT count(*) FROM actor") == actors)
    _ = try folder.write(Self.export, to: "ucdp.csv")
    try importExport()

    // Split both: everything as it was.
    #expect(try writer.split(Self.ucdpHezbollah, by: "test", at: 2) == Self.hezbollah)
    #expect(try writer.split(Self.town, by: "test", at: 2) == Self.city)
    #expect(try state() == before)
    #expect(try writer.integrityCheck() == ["ok"])
  }

  @Test func aRejectedPairIsNoLongerProposed() throws {
    try splitImportMerges()
    let pairs = try catalog.reconcileProposals(kinds: [.actor])
    let pair = try #require(
      pairs.first {
        $0.second.record == Self.ucdpHezbollah || $0.first.record == Self.ucdpHezbollah
      })
    try writer.review(
      pair.first.record, pair.second.record, decision: "rejected", author: "ana", at: 1)
    #expect(try !catalog.reconcileProposals(kinds: [.actor]).contains { $0.pair == pair.pair })
  }

  @Test func onlyTwoDifferentRecordsOfOneKindMerge() throws {
    try splitImportMerges()
    #expect(throws: StoreError.self) {
      try writer.merge(Self.town, into: Self.hezbollah, reason: "", author: "ana", at: 1)
    }
    #expect(throws: StoreError.self) {
      try writer.merge(Self.city, into: Self.city, reason: "", author: "ana", at: 1)
    }
    #expect(throws: StoreError.self) {
      try writer.split(Self.city, by: "test", at: 2)
    }
  }
}
