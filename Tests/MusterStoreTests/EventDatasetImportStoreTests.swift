import Foundation
import GRDB
import MusterDomain
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

@Suite struct EventDatasetImportStoreTests {
  let folder: TemporaryFolder
  let writer: SQLiteCatalogWriter

  init() throws {
    folder = try TemporaryFolder("muster-field-store")
    writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
  }

  static let header =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    + "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    + "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    + "notes,fatalities,tags,timestamp"

  static func row(
    _ id: String, date: String = "2020-12-17", actor: String = "Fifth Corps",
    location: String = "Abu Kamal", latitude: String = "34.4536", notes: String = "Handover.",
    sources: String = "SOHR; Nahar Media", timestamp: String = "100"
  ) -> String {
    "\(id),\(date),2020,1,Strategic developments,Strategic developments,Non-violent transfer of territory,"
      + "\(actor),,1,Harakat al-Nujaba,,3,,,760,Middle East,Syria,Deir ez Zor,Abu Kamal,,\(location),"
      + "\(latitude),40.9367,1,\(sources),National,\"\(notes)\",0,,\(timestamp)"
  }

  func importRows(_ rows: [String]) throws -> EventDatasetImport.Outcome {
    let path = try folder.write(
      ([Self.header] + rows).joined(separator: "\n") + "\n", to: "acled.csv")
    return try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(), writer: writer)
  }

  @Test func actorsAreDeduplicatedByNameAndPlacesByNameAndCoordinates() throws {
    let outcome = try importRows([
      Self.row("SYR1"), Self.row("SYR2"), Self.row("SYR3", latitude: "34.5"),
      Self.row("SYR4", actor: "Russian forces"),
    ])

    #expect(outcome.summary.inserted == 4)
    #expect(outcome.summary.newActors == 3)
    #expect(outcome.summary.newSources == 2)
    let places = try writer.catalog.database.read { db in
      try String.fetchAll(db, sql: "SELECT id FROM site WHERE kind = 'town' ORDER BY id")
    }
    #expect(
      places == ["site:acled:abu-kamal@34.4536,40.9367", "site:acled:abu-kamal@34.5,40.9367"])
    #expect(try writer.integrityCheck() == ["ok"])
  }

  @Test func everyEventHasOneDocumentAndCitationPerSource() throws {
    _ = try importRows([Self.row("SYR1")])

    let detail = try #require(
      try writer.catalog.detail(of: .init(kind: .event, rawValue: "event:acled:SYR1"), asOf: nil))
    guard case .event(let event) = detail else {
      Issue.record("expected an event")
      return
    }
    // SOHR under its canonical name.
    #expect(
      event.citations.map(\.source.name) == ["Syrian Observatory for Human Rights", "Nahar Media"])
    #expect(
      event.citations.map(\.document.id.rawValue) == [
        "document:acled:SYR1:1", "document:acled:SYR1:2",
      ])
    #expect(event.grade?.description == "F2")
    #expect(event.participants.map(\.actor.title) == ["Fifth Corps", "Harakat al-Nujaba"])
    #expect(event.site?.title == "Abu Kamal")
  }

  @Test func placesLieInTheirAdministrativeAreasAndAreFoundThroughThem() throws {
    _ = try importRows([Self.row("SYR1")])

    let site = try #require(
      try writer.catalog.detail(
        of: .init(kind: .site, rawValue: "site:acled:abu-kamal@34.4536,40.9367"), asOf: nil))
    guard case .site(let detail) = site else {
      Issue.record("expected a site")
      return
    }
    #expect(detail.ancestors.map(\.title) == ["Abu Kamal", "Deir ez Zor", "Syria"])
    let found = try writer.catalog.search(
      SearchRequest(text: "deir ez zor", kinds: [.site], limit: 10))
    #expect(found.hits.first?.record.rawValue == "site:acled:area:syria/deir-ez-zor")
    let events = try writer.catalog.search(
      SearchRequest(text: "handover", kinds: [.event], limit: 10))
    #expect(events.hits.map(\.record.rawValue) == ["event:acled:SYR1"])
  }

  @Test func reimportingUpdatesChangedRowsAddsNewOnesAndNeverDuplicates() throws {
    _ = try importRows([Self.row("SYR1"), Self.row("SYR2"), Self.row("SYR3")])

    let second = try importRows([
      Self.row("SYR1"),
      Self.row("SYR2", notes: "Handover, corrected.", sources: "SOHR", timestamp: "200"),
      Self.row("SYR3"), Self.row("SYR4"),
    ])

    #expect(second.summary.unchanged == 2)
    #expect(second.summary.updated == 1)
    #expect(second.summary.inserted == 1)
    #expect(try writer.catalog.summary().count(of: .event) == 4)
    #expect(try writer.catalog.summary().count(of: .document) == 2 + 1 + 2 + 2)
    let corrected = try writer.catalog.search(SearchRequest(text: "corrected", limit: 10))
    #expect(corrected.hits.map(\.record.rawValue) == ["event:acled:SYR2"])
    #expect(try writer.integrityCheck() == ["ok"])
  }

  @Test func theActivityCountsFollowImportsThatMoveEventsBetweenDays() throws {
    _ = try importRows([
      Self.row("SYR1", date: "2020-12-01"), Self.row("SYR2", date: "2020-12-01"),
      Self.row("SYR3", date: "2020-12-31"),
    ])
    let december = DayRange(first: try day("2020-12-01"), last: try day("2020-12-31"))
    #expect(try writer.catalog.activity(in: december, buckets: 31).reduce(0, +) == 3)
    #expect(try writer.catalog.activity(in: december, buckets: 31)[0] == 2)
    // A corrected date moves an event from the first to the second of December.
    _ = try importRows([
      Self.row("SYR1", date: "2020-12-02", timestamp: "200"), Self.row("SYR2", date: "2020-12-01"),
      Self.row("SYR3", date: "2020-12-31"),
    ])
    let counts = try writer.catalog.activity(in: december, buckets: 31)
    #expect(counts[0] == 1 && counts[1] == 1 && counts[30] == 1)
    #expect(counts.reduce(0, +) == 3)
  }

  /// Notes long enough that 12,000 rows count as a large import (estimated from the size).
  static let longNotes = String(repeating: "Reinforcements arrived from the west. ", count: 8)

  @Test func aLargeImportRebuildsItsIndexesAndLeavesThemSound() throws {
    let rows = (1...12_000).map {
      Self.row(
        "SYR\($0)", date: "2020-\(($0 % 12) + 1 < 10 ? "0" : "")\(($0 % 12) + 1)-01",
        notes: Self.longNotes)
    }

    let outcome = try importRows(rows)

    #expect(outcome.summary.inserted == 12_000)
    #expect(try writer.integrityCheck() == ["ok"])
    let indexes = try writer.catalog.database.read { db in
      try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    let names = Schema.bulkIndexes.map(\.name)
    // Also those the import keeps up to date as it goes.
    for name in names + ["citation_by_document", "search_text_by_record"] {
      #expect(indexes.contains(name), "\(name) must exist after the import")
    }
    #expect(try writer.catalog.timeline(TimelineQuery(limit: 3)).entries.count == 3)
  }

  /// Imports `rows`; returns whether the full-text index was built apart, as seen from the
  /// builder's scratch file beside the database during the import.
  func importBuildsFullTextApart(_ rows: [String]) throws -> Bool {
    let path = try folder.write(
      ([Self.header] + rows).joined(separator: "\n") + "\n", to: "large.csv")
    var sawScratch = false
    _ = try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(), writer: writer,
      progress: { _ in
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        sawScratch = sawScratch || entries.contains { $0.contains(".fulltext-\(getpid())") }
      })
    return sawScratch
  }

  @Test func aLargeFirstImportBuildsTheSearchIndexApartWithTheSameResults() throws {
    // Native records first: their entries must survive the index being replaced.
    try writer.write(try SeededStore.bundledDataset())
    let abandoned = folder.file("muster.db.fulltext-999999")
    #expect(FileManager.default.createFile(atPath: abandoned, contents: Data("stale".utf8)))
    #expect(FileManager.default.createFile(atPath: abandoned + "-journal", contents: Data()))
    let rows = (1...12_000).map {
      Self.row(
        "SYR\($0)", date: "2020-0\($0 % 9 + 1)-1\($0 % 10)",
        notes: Self.longNotes
          + ($0 % 7 == 0 ? "A hydroelectric station was hit." : "Shelling near the river."))
    }

    #expect(try importBuildsFullTextApart(rows))

    #expect(try writer.catalog.summary().count(of: .event) == 12_000 + 14)
    #expect(try writer.integrityCheck() == ["ok"])
    func count(_ text: String) throws -> Int {
      try writer.catalog.searchMatches(SearchRequest(text: text, limit: 5)).total
    }
    let hits = (
      whole: try count("hydroelectric"), prefix: try count("hydro"), other: try count("shelling")
    )
    #expect(hits.whole == 12_000 / 7)
    #expect(hits.prefix == 12_000 / 7, "prefixes come from the copied term table")
    #expect(hits.other == 12_000 - 12_000 / 7)
    let seedMatches = try writer.catalog.searchMatches(SearchRequest(text: "abu kamal"))
    #expect(seedMatches.matches.first?.tier == .exactName, "the bundled records are still found")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers.filter { $0.contains(".fulltext-") }.isEmpty, "\(leftovers)")

    // Writes after the import keep the copied index in step (triggers restored).
    try writer.add(
      Note(
        id: "note:t1", target: .init(kind: .site, rawValue: "site:al-heri"), author: "t",
        createdAt: 1, text: "hydroelectric dam"))
    let afterNote = try count("hydroelectric")
    #expect(afterNote == 12_000 / 7 + 1)
    #expect(try writer.integrityCheck() == ["ok"])
  }

  @Test func aFullTextBuilderFailureReachesTheImportAndLeavesNoFile() throws {
    // A scratch file that cannot grow past a few pages fails as a full disk would.
    let builder = try FullTextBuilder(besides: folder.file("muster.db"), maxPageCount: 16)
    let words = (0..<20_000).map { "word\($0)" }.joined(separator: " ")
    // It still takes what is sent after it failed.
    for key in 1...30 {
      builder.add([FullTextBuilder.Entry(key: Int64(key), names: "a", body: words)])
    }
    builder.endInput()

    #expect(throws: DatabaseError.self) { try builder.wait() }

    builder.close()
    #expect(!FileManager.default.fileExists(atPath: builder.path))
  }

  @Test func aLargeReimportBuildsTheSearchIndexInPlace() throws {
    let rows = (1...12_000).map { Self.row("SYR\($0)", notes: Self.longNotes) }
    #expect(try importBuildsFullTextApart(rows))
    let changed = rows.enumerated().map { index, _ in
      Self.row("SYR\(index + 1)", notes: "Renewed shelling.", timestamp: "200")
    }

    #expect(try importBuildsFullTextApart(changed) == false)

    #expect(try writer.integrityCheck() == ["ok"])
    #expect(
      try writer.catalog.searchMatches(SearchRequest(text: "renewed", limit: 1)).total == 12_000)
    #expect(
      try writer.catalog.searchMatches(SearchRequest(text: "reinforcements", limit: 1)).total == 0)
  }

  @Test func aFailedLargeImportLeavesNeitherChangesNorScratchFiles() throws {
    try writer.write(try SeededStore.bundledDataset())
    let before = try writer.catalog.exportDataset()
    let rows = (1...12_000).map { Self.row("SYR\($0)", notes: Self.longNotes) }
    let path = try folder.write(
      ([Self.header] + rows + [Self.row("SYR0", date: "not a date")]).joined(separator: "\n"),
      to: "strict.csv")

    #expect(throws: ImportProblems.self) {
      try EventDatasetImport.run(
        path: path, options: EventDatasetImport.Options(strict: true), writer: writer)
    }

    #expect(try writer.catalog.exportDataset() == before)
    #expect(try writer.integrityCheck() == ["ok"])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers.filter { $0.contains(".fulltext-") }.isEmpty, "\(leftovers)")
  }

  @Test func aDuplicateIdInOneFileIsReportedAndSkippedInEitherMode() throws {
    var problems: [ImportProblem] = []
    let small = try folder.write(
      ([Self.header, Self.row("SYR1"), Self.row("SYR1", notes: "Again.")]).joined(separator: "\n"),
      to: "small.csv")
    let large = try folder.write(
      ([Self.header] + (1...12_000).map { Self.row("SYR\($0)") } + [
        Self.row("SYR7", notes: "Another event under a taken id.")
      ])
      .joined(separator: "\n"), to: "large.csv")

    let first = try EventDatasetImport.run(
      path: small, options: EventDatasetImport.Options(allowSkipped: true), writer: writer,
      report: { problems.append($0) })
    let second = try EventDatasetImport.run(
      path: large, options: EventDatasetImport.Options(), writer: writer,
      report: { problems.append($0) })

    #expect(first.summary.skipped == 1)
    #expect(second.summary.skipped == 1)
    #expect(problems.map(\.line) == [3, 12_002])
    #expect(problems.allSatisfy { $0.message.contains("duplicate id") && $0.column == 1 })
    #expect(try writer.catalog.summary().count(of: .event) == 12_000)
  }

  /// Imports through `writer` keying every event id by the same hash, and counts the ids
  /// hashed (only large imports, which drop the id index, hash them).
  final class CollidingImporter: EventDatasetImporting {
    let writer: SQLiteCatalogWriter
    var hashed = 0

    init(writer: SQLiteCatalogWriter) { self.writer = writer }

    func importEvents(
      expectedEvents: Int, _ produce: (any ImportedEventSink) throws -> Void
    ) throws -> EventDatasetImportSummary {
      try writer.importEvents(
        expectedEvents: expectedEvents,
        eventIDHash: { _ in
          self.hashed += 1
          return 42
        }, produce)
    }
  }

  @Test func eventsWhoseIdsHashAlikeAreStillToldApart() throws {
    // Large imports find events by a hash of their ids; here every id has the same hash, so
    // each lookup must check the id itself.
    let importer = CollidingImporter(writer: writer)
    let notes = String(repeating: Self.longNotes, count: 3)
    let rows = (1...12_000).map { Self.row("SYR\($0)", notes: notes) }
    let first = try folder.write(
      ([Self.header] + rows + [Self.row("SYR7", notes: "Again.")]).joined(separator: "\n"),
      to: "first.csv")
    var problems: [ImportProblem] = []

    let imported = try EventDatasetImport.run(
      path: first, options: EventDatasetImport.Options(), writer: importer,
      report: { problems.append($0) })

    #expect(importer.hashed > 12_000)
    #expect(imported.summary.inserted == 12_000)
    #expect(imported.summary.skipped == 1)
    #expect(problems.map(\.line) == [12_002])
    let changed = (1...12_000).map {
      $0 % 3 == 0
        ? Self.row("SYR\($0)", notes: "Renewed shelling. " + notes, timestamp: "200")
        : Self.row("SYR\($0)", notes: notes)
    }
    let second = try folder.write(
      ([Self.header] + changed + [Self.row("SYR12001"), Self.row("SYR3", timestamp: "300")])
        .joined(separator: "\n"), to: "second.csv")
    problems = []
    importer.hashed = 0

    let reimported = try EventDatasetImport.run(
      path: second, options: EventDatasetImport.Options(), writer: importer,
      report: { problems.append($0) })

    #expect(importer.hashed > 12_000, "the re-import must drop the id index too")
    #expect(reimported.summary.inserted == 1)
    #expect(reimported.summary.updated == 4_000)
    #expect(reimported.summary.unchanged == 8_000)
    #expect(reimported.summary.skipped == 1, "SYR3 twice in one file")
    #expect(problems.map(\.line) == [12_003])
    #expect(try writer.catalog.summary().count(of: .event) == 12_001)
    #expect(
      try writer.catalog.searchMatches(SearchRequest(text: "renewed", limit: 1)).total == 4_000)
    #expect(try writer.integrityCheck() == ["ok"])
  }

  @Test func aFailedImportLeavesTheDatabaseAsItWas() throws {
    _ = try importRows([Self.row("SYR1")])
    let before = try writer.catalog.exportDataset()
    let path = try folder.write(
      ([Self.header, Self.row("SYR2"), Self.row("SYR3", date: "not a date")]).joined(
        separator: "\n"),
      to: "strict.csv")

    #expect(throws: ImportProblems.self) {
      try EventDatasetImport.run(
        path: path, options: EventDatasetImport.Options(strict: true), writer: writer)
    }

    #expect(try writer.catalog.exportDataset() == before)
    #expect(try writer.integrityCheck() == ["ok"])
  }
}
