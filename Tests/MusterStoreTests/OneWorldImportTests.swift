import Foundation
import GRDB
import MusterDomain
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

/// ACLED and UCDP exports imported beside the bundled dataset, as an analyst combining
/// sources would: what is certainly one actor or place becomes one record.
@Suite struct OneWorldImportTests {
  let folder: TemporaryFolder
  let writer: SQLiteCatalogWriter
  var catalog: SQLiteCatalog { writer.catalog }

  init() throws {
    folder = try TemporaryFolder("muster-one-world")
    writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    try writer.write(try SeededStore.bundledDataset())
  }

  /// An ACLED row: `actor1` against IS at a place.
  static func acled(
    _ id: String, actor: String, location: String, admin1: String, latitude: Double,
    longitude: Double, sources: String = "SOHR"
  ) -> String {
    "\(id),2021-03-01,2021,1,Political violence,Battles,Armed clash,\(actor),,State forces,"
      + "Islamic State (Syria),,Rebel group,,,760,Middle East,Syria,\(admin1),,,\(location),"
      + "\(latitude),\(longitude),1,\(sources),National,\"Clash.\",0,,1614556800"
  }

  static let ucdp = """
    id,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,source_article,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,country,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low
    930001,2018,2,Hezbollah - IS,Hezbollah - IS,Hezbollah,IS,"Test source",1,Albu Kamal town,Deir ez Zor governorate,Albu Kamal district,34.45,40.918611,Syria,1,2018-07-01,2018-07-01,0,1,0,0,1,1,1
    """

  func importText(_ text: String, file: String) throws -> EventDatasetImportSummary {
    let path = try folder.write(text, to: file)
    return try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(), writer: writer
    ).summary
  }

  func ids(_ sql: String) throws -> [String] {
    try catalog.database.read { try String.fetchAll($0, sql: sql) }
  }

  @Test func theSameActorFromThreeSourcesIsOneRecord() throws {
    let acled =
      [
        EventDatasetImportStoreTests.header,
        Self.acled(
          "SYR1", actor: "Hezbollah", location: "Al-Bukamal", admin1: "Deir ez Zor",
          latitude: 34.4529, longitude: 40.9366),
        Self.acled(
          "SYR2", actor: "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps",
          location: "Al-Bukamal", admin1: "Deir ez Zor", latitude: 34.4529, longitude: 40.9366),
        Self.acled(
          "SYR3", actor: "Unidentified Armed Group (Syria)", location: "Al-Bukamal",
          admin1: "Deir ez Zor", latitude: 34.4529, longitude: 40.9366),
      ].joined(separator: "\n") + "\n"
    let first = try importText(acled, file: "acled.csv")
    let second = try importText(Self.ucdp, file: "ucdp.csv")
    #expect(first.joined == 3)  // Hezbollah, the IRGC unit, Al-Bukamal
    #expect(second.joined == 2)  // Hezbollah, Albu Kamal town

    #expect(try ids("SELECT id FROM actor WHERE name = 'Hezbollah'") == ["actor:hezbollah"])
    #expect(try ids("SELECT id FROM actor WHERE id LIKE '%revolutionary-guard%'").isEmpty)
    #expect(
      try ids("SELECT id FROM actor WHERE name LIKE 'Unidentified%'")
        == ["actor:acled:unidentified-armed-group-syria"])
    // Every dataset's events at the one Albu Kamal, by every dataset's actors.
    let atAlbuKamal = try ids(
      """
      SELECT event.id FROM event JOIN site ON site.rowid = event.site
      WHERE site.id = 'site:albu-kamal' ORDER BY event.id
      """)
    #expect(
      atAlbuKamal.filter { $0.contains(":acled:") || $0.contains(":ucdp:") } == [
        "event:acled:SYR1", "event:acled:SYR2", "event:acled:SYR3", "event:ucdp:930001",
      ])
    let hezbollahEvents = try ids(
      """
      SELECT event.id FROM event_actor JOIN event ON event.rowid = event_actor.event
      JOIN actor ON actor.rowid = event_actor.actor WHERE actor.id = 'actor:hezbollah'
      ORDER BY event.id
      """)
    #expect(hezbollahEvents == ["event:acled:SYR1", "event:ucdp:930001"])
    let irgc = try ids(
      """
      SELECT event.id FROM event_actor JOIN event ON event.rowid = event_actor.event
      JOIN actor ON actor.rowid = event_actor.actor WHERE actor.id = 'actor:irgc'
      """)
    #expect(irgc.filter { $0.contains(":acled:") } == ["event:acled:SYR2"])
    // Search finds the one record by each dataset's spelling.
    for spelling in ["Al-Bukamal", "Albu Kamal town"] {
      let found = try catalog.search(SearchRequest(text: spelling, kinds: [.site], limit: 3))
      #expect(found.hits.first?.record.rawValue == "site:albu-kamal", "\(spelling)")
    }
  }

  @Test func townsWithOneNameInDifferentProvincesStayTwo() throws {
    let acled =
      [
        EventDatasetImportStoreTests.header,
        Self.acled(
          "SYR1", actor: "Hezbollah", location: "Al Taybah", admin1: "Daraa", latitude: 32.5635,
          longitude: 36.3503),
      ].joined(separator: "\n") + "\n"
    let ucdp = """
      id,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,source_article,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,country,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low
      930002,2018,2,Hezbollah - IS,Hezbollah - IS,Hezbollah,IS,"Test source",1,At Taybah town,Homs governorate,Tadmur district,34.7333,38.4333,Syria,1,2018-07-01,2018-07-01,0,1,0,0,1,1,1
      """
    _ = try importText(acled, file: "acled.csv")
    _ = try importText(ucdp, file: "ucdp.csv")
    #expect(try ids("SELECT id FROM site WHERE name LIKE '%Taybah%' ORDER BY id").count == 2)
  }

  @Test func oneOutletIsOneSourceUnderAnyOfItsNames() throws {
    let rows = [
      EventDatasetImportStoreTests.header,
      Self.acled(
        "SYR1", actor: "Hezbollah", location: "Hajin", admin1: "Deir ez Zor", latitude: 34.69,
        longitude: 40.83, sources: "SOHR"),
      Self.acled(
        "SYR2", actor: "Hezbollah", location: "Hajin", admin1: "Deir ez Zor", latitude: 34.69,
        longitude: 40.83, sources: "Syrian Observatory for Human Rights; Nahar"),
    ]
    _ = try importText(rows.joined(separator: "\n") + "\n", file: "acled.csv")

    // Both are the bundled SOHR; `Nahar` is the bundled Nahar Media, graded D by the
    // dataset's editors.
    #expect(
      try ids("SELECT id FROM source WHERE name LIKE 'Syrian Observatory%'") == ["source:sohr"])
    let cited = try ids(
      """
      SELECT DISTINCT source.id FROM citation JOIN document ON document.rowid = citation.document
      JOIN source ON source.rowid = document.source
      JOIN event ON event.rowid = citation.claim AND citation.claim_kind = 4
      WHERE event.id = 'event:acled:SYR2' ORDER BY source.id
      """)
    #expect(cited == ["source:nahar-media", "source:sohr"])
    #expect(try ids("SELECT id FROM source WHERE id LIKE '%nahar%'") == ["source:nahar-media"])
  }

  @Test func aListOfOneLineAddsOutletsAndCommentsAreIgnored() {
    var aliases = SourceAliases.shipped
    #expect(aliases.canonical("S.O.H.R.") == "Syrian Observatory for Human Rights")
    #expect(aliases.canonical("Unknown Outlet") == "Unknown Outlet")
    aliases.add("# mine\nHalab Today TV | Halab Today # the Aleppo channel\nlonely line\n")
    #expect(aliases.canonical("halab today") == "Halab Today TV")
    #expect(aliases.canonical("lonely line") == "lonely line")
  }
}
