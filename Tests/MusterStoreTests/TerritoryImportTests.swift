import Foundation
import GRDB
import MusterDomain
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

/// A hand-written ACLED file for a fictional district (Tests/Fixtures/Territory) imported,
/// and the positions its territory events imply, as of several days.
@Suite struct TerritoryImportTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/Territory")
  static let acled = fixtures.appendingPathComponent("wadi-qasr-acled.csv").path

  static let tellAmar = "site:acled:tell-amar@35.1012,39.1034"
  static let kafrSabi = "site:acled:kafr-sabi@35.2051,39.2207"
  static let ainDalfa = "site:acled:ain-dalfa@35.3113,39.3321"
  static let jisrHamra = "site:acled:jisr-hamra@35.4102,39.4419"
  static let syria = "Military Forces of Syria (2000-2024)"

  let folder: TemporaryFolder
  let writer: SQLiteCatalogWriter
  var catalog: SQLiteCatalog { writer.catalog }

  init() throws {
    folder = try TemporaryFolder("muster-territory")
    writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    _ = try importFile(Self.acled)
  }

  func importFile(_ path: String) throws -> EventDatasetImportSummary {
    try EventDatasetImport.run(path: path, options: EventDatasetImport.Options(), writer: writer)
      .summary
  }

  func reference(_ id: String) throws -> RecordReference {
    try #require(RecordReference(id))
  }

  func day(_ text: String) throws -> Day {
    try #require(Day(iso: text))
  }

  /// `actor role status` of each position at `site` that counts on `day`, leader first.
  func holders(_ site: String, _ day: String) throws -> [String] {
    try catalog.holders(of: ID(site), asOf: self.day(day)).map { state in
      "\(state.actorName) \(state.deployment.role.rawValue) \(state.status.rawValue)"
        + (state.deployment.analystStatus == .contested ? " contested" : "")
    }
  }

  /// Every inferred position, as `id start end successor status`, in id order.
  func positions() throws -> [String] {
    try catalog.database.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT d.id, d.start_first, d.end_first, s.id AS successor, d.analyst_status
          FROM deployment d LEFT JOIN deployment s ON s.rowid = d.successor ORDER BY d.id
          """
      ).map { row in
        [
          row["id"] as String, "\(row["start_first"] as Int)",
          "\((row["end_first"] as Int?) ?? -1)", (row["successor"] as String?) ?? "-",
          row["analyst_status"] as String,
        ].joined(separator: " ")
      }
    }
  }

  @Test func twoActorsAlternatingControlOfOneTown() throws {
    #expect(try holders(Self.tellAmar, "2020-01-04").isEmpty)
    #expect(try holders(Self.tellAmar, "2020-01-20") == ["Islamic State (Syria) control present"])
    // The regain ends IS's control that day (shown as withdrawn), with Fatemiyoun present
    // beside the government forces.
    #expect(
      try holders(Self.tellAmar, "2020-02-10") == [
        "\(Self.syria) control present", "Liwa Fatemiyoun presence present",
        "Islamic State (Syria) control withdrawn",
      ])
    #expect(
      try holders(Self.tellAmar, "2020-03-20") == ["Islamic State (Syria) control present"])
    #expect(try holders(Self.tellAmar, "2020-06-30") == ["\(Self.syria) control present"])
  }

  @Test func aTransferHandsOverAndABaseFollows() throws {
    #expect(
      try holders(Self.kafrSabi, "2020-05-31") == ["Syrian Democratic Forces control present"])
    #expect(
      try holders(Self.kafrSabi, "2020-06-01") == [
        "\(Self.syria) control present", "Syrian Democratic Forces control handed_over",
      ])
    #expect(
      try holders(Self.kafrSabi, "2020-07-01") == [
        "\(Self.syria) control present", "Military Forces of Russia (2000-) headquarters present",
      ])
    let handed = try #require(
      try catalog.holders(of: ID(Self.kafrSabi), asOf: day("2020-06-01")).last)
    #expect(handed.successor?.record.rawValue.hasPrefix("deployment:inferred:acled:WQ10/") == true)
  }

  @Test func twoTakeoversOnOneDayAreBothKeptAndContested() throws {
    #expect(
      try holders(Self.ainDalfa, "2020-07-02") == [
        "Hayat Tahrir al-Sham control present contested",
        "Islamic State (Syria) control present contested",
      ])
  }

  @Test func anImpreciseTakeoverClaimsNothingAndAlliesComeAndGo() throws {
    // WQ18 (precision 3) says nothing about Jisr Hamra.
    #expect(try holders(Self.jisrHamra, "2020-08-15").isEmpty)
    #expect(
      try holders(Self.jisrHamra, "2020-09-02") == [
        "Hayat Tahrir al-Sham control present",
        "Unidentified Armed Group (Syria) presence present",
      ])
    #expect(
      try holders(Self.jisrHamra, "2020-10-25") == [
        "\(Self.syria) control present", "Liwa Fatemiyoun headquarters present",
        "Liwa Fatemiyoun presence present", "Military Forces of Russia (2000-) presence present",
      ])
  }

  @Test func anInferredPositionCitesItsEventsDocumentsAndGrade() throws {
    let detail = try #require(
      try catalog.detail(
        of: reference(
          "deployment:inferred:acled:WQ2/control/acled:military-forces-of-syria-20002024"),
        asOf: day("2020-03-01")))
    guard case .deployment(let shown) = detail else {
      Issue.record("not a deployment")
      return
    }
    #expect(shown.state.deployment.analystStatus == .inferred)
    #expect(shown.state.deployment.citations.count == 2)  // SANA; Wadi Qasr Monitor
    #expect(
      shown.state.deployment.note?.contains("Government regains territory on 2020-02-10") == true)
    #expect(shown.effects.map(\.event.record.rawValue) == ["event:acled:WQ2", "event:acled:WQ3"])
  }

  @Test func importingTheSameFileAgainChangesNothing() throws {
    let before = try positions()
    let summary = try importFile(Self.acled)
    #expect(summary.unchanged == 30)
    #expect(try positions() == before)
    #expect(before.count == 16)
  }

  @Test func aNewerExportMovesControlAndOnlyItsSitesAreDerivedAgain() throws {
    let kafrSabiBefore = try catalog.database.read { db in
      try Int64.fetchAll(
        db, sql: "SELECT d.rowid FROM deployment d JOIN site s ON s.rowid = d.site WHERE s.id = ?",
        arguments: [Self.kafrSabi])
    }
    var lines = try String(contentsOfFile: Self.acled, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    // WQ4 revised (a newer timestamp): a clash, not a regain; and a later takeover by HTS.
    let index = try #require(lines.firstIndex { $0.hasPrefix("WQ4,") })
    lines[index] =
      lines[index].replacingOccurrences(of: "Government regains territory", with: "Armed clash")
      .replacingOccurrences(of: ",1700000000", with: ",1700100000")
    lines.append(
      lines[index].replacingOccurrences(of: "WQ4,2020-04-20,", with: "WQ31,2020-11-01,")
        .replacingOccurrences(of: "Armed clash", with: "Non-state actor overtakes territory")
        .replacingOccurrences(of: Self.syria, with: "Hayat Tahrir al-Sham"))
    let newer = try folder.write(lines.joined(separator: "\n") + "\n", to: "newer.csv")
    func heldBy(_ day: String) throws -> String? {
      try catalog.entities(EntityQuery(kind: .site, asOf: self.day(day), limit: 1_000)).rows
        .first { $0.record.rawValue == Self.tellAmar }?.fact
    }
    #expect(try heldBy("2020-11-01") == "~\(Self.syria) (present, inferred)")

    let summary = try importFile(newer)

    // The same connection wrote: the list's positions in memory were read again.
    #expect(try heldBy("2020-11-01") == "~Hayat Tahrir al-Sham (present, inferred) +1")
    #expect(summary.updated == 1)
    #expect(summary.inserted == 1)
    #expect(try holders(Self.tellAmar, "2020-06-30") == ["Islamic State (Syria) control present"])
    #expect(
      try holders(Self.tellAmar, "2020-11-01") == [
        "Hayat Tahrir al-Sham control present", "Islamic State (Syria) control withdrawn",
      ])
    // Kafr Sabi's positions were not touched: the same rows.
    let kafrSabiAfter = try catalog.database.read { db in
      try Int64.fetchAll(
        db, sql: "SELECT d.rowid FROM deployment d JOIN site s ON s.rowid = d.site WHERE s.id = ?",
        arguments: [Self.kafrSabi])
    }
    #expect(kafrSabiAfter == kafrSabiBefore)
    #expect(kafrSabiBefore.count == 3)
  }

  @Test func theSitesListAndTheMapSayWhatTheDetailSaysOnEveryTellingDay() throws {
    let bounds = try catalog.database.read { db in
      try Int?.fetchAll(
        db,
        sql: """
          SELECT start_first FROM deployment UNION SELECT end_first FROM deployment
          UNION SELECT end_last FROM deployment
          """
      ).compactMap { $0 }
    }
    #expect(bounds.count > 5)
    let days = Set(bounds.flatMap { [$0 - 1, $0, $0 + 1] }).sorted()
      .map { Day(daysSinceEpoch: $0) }
    try expectListsAndMapAgreeWithHolders(catalog, on: days)
  }

  @Test func anImportWritesTheSameSpellingsAsARebuildFromTheNamesStored() throws {
    // The import holds its spellings back and writes them sorted at the end; a rebuild
    // writes each record's at once. Both must leave the same rows.
    func tables() throws -> [String: [String]] {
      try catalog.database.read { db in
        var result: [String: [String]] = [:]
        for table in ["name_sound", "name_word", "name_gram", "word_sound"] {
          result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map {
            $0.description
          }.sorted()
        }
        return result
      }
    }
    let imported = try tables()
    try writer.catalog.writing { db in try NameSpellings.rebuild(db) }
    let rebuilt = try tables()
    #expect((imported["name_gram"]?.count ?? 0) > 200)
    for table in rebuilt.keys.sorted() {
      let missing = Set(rebuilt[table] ?? []).subtracting(imported[table] ?? [])
      #expect(missing.isEmpty, "\(table): \(missing.sorted().prefix(5))")
    }
    #expect(imported["name_sound"] == rebuilt["name_sound"])
    #expect(imported["name_word"] == rebuilt["name_word"])
  }

  @Test func anAnalystsJudgementOfAnInferredPositionOutlivesTheNextDerivation() throws {
    let ids = try catalog.database.read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT d.id FROM deployment d JOIN site s ON s.rowid = d.site
          WHERE s.id = ? AND d.role = 'control' ORDER BY d.start_first
          """, arguments: [Self.tellAmar])
    }
    let first = ID<Deployment>(try #require(ids.first))
    let second = ID<Deployment>(try #require(ids.dropFirst().first))
    try writer.apply(.setStatus(first, .rejected), by: "rana", at: 1)
    try writer.apply(.setStatus(second, .accepted), by: "rana", at: 2)
    // Ending, handing over, citing and contesting are the events' business.
    for edit: ClaimEdit in [
      .end(first, on: try FuzzyDate(parsing: "2020-03")), .setStatus(first, .contested),
      .cite(first, Citation(document: "document:x", credibility: .doubtful), evidence: .none),
    ] {
      #expect(throws: StoreError.self) { try writer.apply(edit, by: "rana", at: 3) }
    }
    #expect(try holders(Self.tellAmar, "2020-01-20") == ["Islamic State (Syria) control present"])
    #expect(
      try catalog.entities(EntityQuery(kind: .site, asOf: day("2020-01-20"), limit: 1_000)).rows
        .first { $0.record.rawValue == Self.tellAmar }?.fact
        == "~Islamic State (Syria) (rejected, inferred)")

    // The same file again, with one row of Tell Amar revised: its positions are derived
    // again, and keep the analyst's judgement.
    var lines = try String(contentsOfFile: Self.acled, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let index = try #require(lines.firstIndex { $0.hasPrefix("WQ6,") })
    lines[index] = lines[index].replacingOccurrences(of: ",1700000000", with: ",1700100000")
    _ = try importFile(try folder.write(lines.joined(separator: "\n") + "\n", to: "again.csv"))
    #expect(try catalog.claim(first)?.analystStatus == .rejected)
    #expect(try catalog.claim(second)?.analystStatus == .accepted)
  }

  @Test func actorsListWhereTheyHoldByInferenceMarked() throws {
    let page = try catalog.entities(EntityQuery(kind: .actor, asOf: day("2020-10-25"), limit: 50))
    let facts = Dictionary(uniqueKeysWithValues: page.rows.map { ($0.title, $0.fact) })
    // Syria holds Tell Amar, Kafr Sabi and Jisr Hamra; Russia its Kafr Sabi base and its
    // presence at Jisr Hamra; the SDF handed its town over.
    #expect(facts[Self.syria] == "3 positions")
    #expect(facts["Military Forces of Russia (2000-)"] == "2 positions")
    #expect(facts["Syrian Democratic Forces"] == "")
    let june = try catalog.entities(EntityQuery(kind: .actor, asOf: day("2020-06-20"), limit: 50))
    #expect(
      june.rows.first { $0.title == "Military Forces of Russia (2000-)" }?.fact == "~Kafr Sabi")
  }

  @Test func siteDetailShowsWhoWasSeenThereInTheWindow() throws {
    let detail = try #require(
      try catalog.detail(of: reference(Self.tellAmar), asOf: day("2020-05-25")))
    guard case .site(let site) = detail else {
      Issue.record("not a site")
      return
    }
    // 90 days to 2020-05-25: from 2020-02-26, WQ3, WQ4, WQ5 and WQ6.
    #expect(
      site.seenHere.map { "\($0.other.title) \($0.events) \($0.lastDay)" } == [
        "Islamic State (Syria) 3 2020-05-01", "\(Self.syria) 3 2020-05-01",
        "Civilians (Syria) 1 2020-05-20", "Unidentified Armed Group (Syria) 1 2020-05-20",
      ])
    let narrow = try #require(
      try catalog.detail(
        of: reference(Self.tellAmar), asOf: day("2020-05-25"), presenceDays: 10))
    guard case .site(let recent) = narrow else { return }
    #expect(
      recent.seenHere.map(\.other.title).sorted() == [
        "Civilians (Syria)", "Unidentified Armed Group (Syria)",
      ])
  }

  @Test func ucdpSidesArePresentWherePlacedPreciselyAndInferNothingElse() throws {
    let folder = try TemporaryFolder("muster-territory-ucdp")
    let writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    let path = Self.fixtures.appendingPathComponent("wadi-qasr-ucdp.csv").path
    _ = try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(), writer: writer)

    #expect(try writer.catalog.summary().count(of: .deployment) == 0)
    let tellAmar = try #require(
      try writer.catalog.database.read { db in
        try String.fetchOne(db, sql: "SELECT id FROM site WHERE name = 'Tell Amar village'")
      })
    let detail = try #require(
      try writer.catalog.detail(of: reference(tellAmar), asOf: day("2020-05-31")))
    guard case .site(let site) = detail else {
      Issue.record("not a site")
      return
    }
    // Both sides of the two precise events, most events then latest first; not Hezbollah,
    // whose event UCDP places only by its province (where_prec 4).
    #expect(
      site.seenHere.map { "\($0.other.title) \($0.events)" } == [
        "IS 2", "Syrian insurgents 1", "Government of Syria 1",
      ])
  }
}

/// The map's sites as the time cursor steps and as another process writes.
@Suite struct MapSitesTests {
  @Test func holdersFollowTheDayAndSitesFollowAnotherProcessesWrites() throws {
    let folder = try TemporaryFolder("muster-map-sites")
    let path = folder.file("muster.db")
    let writer = try SQLiteCatalog.openWritable(at: path)
    _ = try EventDatasetImport.run(
      path: TerritoryImportTests.acled, options: EventDatasetImport.Options(), writer: writer)
    let reader = try SQLiteCatalog.openReadOnly(at: path)
    let box = GeoBox(minLatitude: 35, maxLatitude: 36, minLongitude: 39, maxLongitude: 40)
    func holder(_ day: String) throws -> String? {
      try reader.mapSites(in: box, asOf: Day(iso: day), limit: 100)
        .first { $0.name == "Tell Amar" }
        .map { "\($0.holderName ?? "-") \($0.isInferred)" }
    }
    #expect(try holder("2020-01-20") == "Islamic State (Syria) true")
    #expect(try holder("2020-02-20") == "Military Forces of Syria (2000-2024) true")
    #expect(try reader.mapSites(in: box, asOf: nil, limit: 100).count == 5)
    // Another connection writes a place in the box: the next read has it.
    let more = try folder.write(
      (try String(contentsOfFile: TerritoryImportTests.acled, encoding: .utf8)
        .split(separator: "\n").prefix(2).joined(separator: "\n") + "\n")
        .replacingOccurrences(of: "WQ1,", with: "WQ99,")
        .replacingOccurrences(of: "Tell Amar,35.1012,39.1034", with: "Tell Bisa,35.6,39.6"),
      to: "more.csv")
    _ = try EventDatasetImport.run(
      path: more, options: EventDatasetImport.Options(), writer: writer)
    #expect(try reader.mapSites(in: box, asOf: nil, limit: 100).count == 6)
  }
}
