import Foundation
import GRDB
import MusterDomain
import MusterExport
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

/// The exports people actually have, each point of issue 17 a hand-written fixture in
/// `Tests/Fixtures/Exports`, imported into a real database and checked field by field.
@Suite struct RealExportTests {
  let folder: TemporaryFolder
  let writer: SQLiteCatalogWriter

  init() throws {
    folder = try TemporaryFolder("muster-real-exports")
    writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
  }

  static func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/Exports/\(name)").path
  }

  /// Imports a fixture; returns the outcome, every problem, and what the database holds.
  @discardableResult
  func load(
    _ name: String, _ options: EventDatasetImport.Options = EventDatasetImport.Options()
  ) throws -> (outcome: EventDatasetImport.Outcome, problems: [ImportProblem], dataset: Dataset) {
    var problems: [ImportProblem] = []
    let outcome = try EventDatasetImport.run(
      path: Self.fixture(name), options: options, writer: writer,
      report: { problems.append($0) })
    #expect(try writer.integrityCheck() == ["ok"])
    return (outcome, problems, try writer.catalog.exportDataset())
  }

  func event(_ id: String, in dataset: Dataset) throws -> Event {
    try #require(dataset.events.first { $0.externalID == id }, "no event \(id)")
  }

  func actor(_ name: String, in dataset: Dataset) throws -> ForceActor {
    try #require(dataset.actors.first { $0.name == name }, "no actor \(name)")
  }

  func names(_ event: Event, _ dataset: Dataset) -> [String] {
    event.participants.map { participant in
      dataset.actors.first { $0.id == participant.actor }?.name ?? "?"
    }
  }

  func sourceNames(_ event: Event, _ dataset: Dataset) -> [String] {
    event.citations.compactMap { citation in
      dataset.documents.first { $0.id == citation.document }.flatMap { document in
        dataset.sources.first { $0.id == document.source }?.name
      }
    }
  }

  // MARK: Reading

  @Test func datesAsSpreadsheetsWriteThemAreEachTheirDay() throws {
    let (outcome, problems, dataset) = try load("acled-spreadsheet-dates.csv")

    #expect(problems.isEmpty, "\(problems)")
    #expect(outcome.summary.inserted == 12)
    let days = Dictionary(
      uniqueKeysWithValues: dataset.events.map { ($0.externalID ?? "", $0.date.description) })
    for id in ["XLS1", "XLS2", "XLS5", "XLS6", "XLS7", "XLS8", "XLS9", "XLS12"] {
      #expect(days[id] == "2020-05-09", "\(id)")
    }
    #expect(days["XLS3"] == "2024-08-05")
    #expect(days["XLS4"] == "2019-12-31")
    #expect(days["XLS10"] == "2023-02-16")
    // The year column puts a two-digit year in its century.
    #expect(days["XLS11"] == "1999-01-01")
  }

  @Test func slashDatesFollowTheOrderARowSettles() throws {
    let (_, problems, dataset) = try load("acled-slash-dmy.csv")

    #expect(problems.isEmpty, "\(problems)")
    #expect(try event("SL1", in: dataset).date.description == "2020-09-05")
    #expect(try event("SL2", in: dataset).date.description == "2020-05-13")
    #expect(try event("SL3", in: dataset).date.description == "2020-02-01")
  }

  @Test func theUploadStampSettlesSlashDatesThatCannotBeLater() throws {
    let (_, problems, dataset) = try load("acled-slash-timestamp.csv")

    #expect(problems.isEmpty, "\(problems)")
    // Read day first, 05/09/2020 would be after the row was uploaded on 2020-05-12.
    #expect(try event("TS1", in: dataset).date.description == "2020-05-09")
    #expect(try event("TS2", in: dataset).date.description == "2020-04-03")
  }

  @Test func unsettledSlashDatesAreRefusedUntilTheOrderIsGiven() throws {
    let refused = #expect(throws: ImportProblems.self) {
      try load("acled-slash-ambiguous.csv")
    }
    #expect(refused?.problems.first?.line == 2)
    #expect(refused?.problems.first?.column == 2)
    #expect(refused?.description.contains("--date-order dmy or --date-order mdy") == true)
    #expect(try writer.catalog.exportDataset().events.isEmpty)

    let (_, problems, dataset) = try load(
      "acled-slash-ambiguous.csv", EventDatasetImport.Options(dateOrder: .mdy))

    #expect(problems.isEmpty)
    #expect(try event("AM1", in: dataset).date.description == "2020-05-09")
    #expect(try event("AM2", in: dataset).date.description == "2020-01-02")
  }

  @Test func aFileWritingBothOrdersIsRefused() throws {
    let refused = #expect(throws: ImportProblems.self) { try load("acled-slash-mixed.csv") }

    #expect(
      refused?.problems.first?.message
        == "event_date is written day first on line 2 (13/05/2020) and month first on line 3 "
        + "(05/14/2020); expected one order for the whole file")
    #expect(try writer.catalog.exportDataset().events.isEmpty)
  }

  @Test func aByteOrderMarkIsNotPartOfTheHeader() throws {
    let acled = try load("acled-bom-crlf.csv")
    #expect(acled.outcome.format == .acled)
    #expect(acled.problems.isEmpty, "\(acled.problems)")
    #expect(
      try event("BOM2", in: acled.dataset).summary == "Second row,\nwith a line break inside.")

    let ucdp = try load("ucdp-bom.csv")
    #expect(ucdp.outcome.format == .ucdp)
    #expect(ucdp.problems.isEmpty, "\(ucdp.problems)")
    #expect(try event("900002", in: ucdp.dataset).date.description == "2018-03-02")
  }

  @Test func theOldLayoutMapsAlliesAndCombinedTypes() throws {
    let (_, problems, dataset) = try load("acled-2016-layout.csv")

    #expect(problems.isEmpty, "\(problems)")
    let kinds = dataset.events.sorted { $0.date.first < $1.date.first }.map(\.kind)
    #expect(
      kinds == [
        .clash, .clash, .clash, .strike, .other, .other, .other, .handover, .deployment,
      ])
    let first = try event("SYR1", in: dataset)
    #expect(first.date.description == "2016-03-13")
    #expect(
      names(first, dataset) == [
        "Military Forces of Syria (2000-)", "Militia (Pro-Government)", "Jaish al Fatah",
        "Ahrar al Sham",
      ])
    #expect(first.participants.map(\.role) == [.actor1, .associated, .actor2, .associated])
    #expect(first.participants.map(\.acledType) == [1, nil, 2, nil])
    // The dataset's classification stays verbatim; only the kind is mapped.
    #expect(first.classification == ["Battle-No change of territory"])
    #expect(first.locationPrecision == .nearPlace)
    #expect(first.locationCode == "acled:2")
    #expect(first.tags.contains("event_id_no_cnty=1"))
    #expect(try actor("Jaish al Fatah", in: dataset).kind == .militia)
  }

  @Test func rowsOfOneIdAreOneEventWithAllTheirActors() throws {
    let (outcome, problems, dataset) = try load("acled-one-row-per-actor.csv")

    #expect(problems.isEmpty, "\(problems)")
    #expect(outcome.rowsRead == 6)
    #expect(outcome.summary.inserted == 3)
    #expect(outcome.summary.merged == 3)
    #expect(outcome.summary.skipped == 0)
    let first = try event("SYR201", in: dataset)
    #expect(
      names(first, dataset) == [
        "Military Forces of Turkey (2016-)", "Syrian National Army",
        "SDF: Syrian Democratic Forces",
      ])
    #expect(first.participants.map(\.acledType) == [8, 2, 2])
    #expect(sourceNames(first, dataset) == ["Syrian Observatory for Human Rights", "Kurdistan 24"])
    #expect(names(try event("SYR202", in: dataset), dataset).count == 2)
    #expect(names(try event("SYR203", in: dataset), dataset).count == 1)
  }

  @Test func aPandasIndexColumnIsIgnored() throws {
    let (_, problems, dataset) = try load("acled-pandas-index.csv")

    #expect(problems.isEmpty, "\(problems)")
    #expect(dataset.events.compactMap(\.externalID).sorted() == ["PD0", "PD1", "PD2"])
    #expect(try event("PD2", in: dataset).date.description == "2022-07-03")
  }

  @Test func ucdpAPIPagesAndBareArraysImportLikeTheCSV() throws {
    let page = try load("ucdp-api-page.json")
    #expect(page.outcome.format == .ucdp)
    #expect(page.problems.isEmpty, "\(page.problems)")
    let shelling = try event("940001", in: page.dataset)
    #expect(shelling.date.description == "2018-03-01")
    #expect(shelling.fatalities == Estimate(low: 3, best: 3, high: 4))
    #expect(shelling.summary == "Shelling on “Douma”\nsecond line")
    #expect(shelling.locationPrecision == .exact)
    let week = try event("940002", in: page.dataset)
    #expect(week.date.precision == .week)
    #expect(names(week, page.dataset) == ["Ahrar al-Sham", "HTS", "Ahrar al-Sham, HTS", "IS"])

    let array = try load("ucdp-bare-array.json")
    #expect(array.problems.isEmpty, "\(array.problems)")
    #expect(array.outcome.summary.inserted == 2)
    #expect(try event("950002", in: array.dataset).date.description == "2018-03-02")
  }

  @Test func ucdpExtractsWithoutIdsOrCoordinatesImportWithAWarning() throws {
    let relid = try load("ucdp-relid-no-coordinates.csv")
    #expect(relid.problems.isEmpty, "\(relid.problems)")
    #expect(relid.outcome.warnings.first == "no id column: each event's id is its relid")
    #expect(relid.outcome.warnings.count == 2)
    let event = try event("SYR-2018-1-299-7", in: relid.dataset)
    #expect(event.locationPrecision == nil)
    let site = try #require(relid.dataset.sites.first { $0.id == event.site })
    #expect(site.name == "Douma town")
    #expect(site.location == nil)

    let bare = try load("ucdp-no-id.csv")
    #expect(bare.problems.isEmpty, "\(bare.problems)")
    let ids = bare.dataset.events.filter { $0.externalID?.hasPrefix("row-") == true }
      .compactMap(\.externalID)
    #expect(ids.count == 2)
    #expect(Set(ids).count == 2)
    // The same file again: the same ids, nothing new.
    let again = try load("ucdp-no-id.csv")
    #expect(again.outcome.summary.unchanged == 2)
    #expect(again.outcome.summary.inserted == 0)
  }

  @Test func aRowCutShortIsReportedAndNotImported() throws {
    let refused = #expect(throws: EventDatasetImport.TooManySkipped.self) {
      try load("acled-truncated.csv")
    }
    #expect(refused?.outcome.skippedByReason.map(\.reason) == ["cut short"])
    #expect(try writer.catalog.exportDataset().events.isEmpty)

    let (outcome, problems, dataset) = try load(
      "acled-truncated.csv", EventDatasetImport.Options(allowSkipped: true))

    #expect(dataset.events.compactMap(\.externalID).sorted() == ["TR1", "TR2"])
    #expect(outcome.summary.skipped == 1)
    #expect(problems.map(\.line) == [4])
    #expect(problems.first?.column == 28)
    #expect(problems.first?.message.contains("cut short") == true)
  }

  @Test func anEmptyIdIsASkipAndAnEmptySourceNoCitation() throws {
    let (outcome, problems, dataset) = try load(
      "acled-empty-id-and-source.csv", EventDatasetImport.Options(allowSkipped: true))

    #expect(outcome.skippedByReason.map(\.reason) == ["empty event_id_cnty"])
    #expect(
      problems.map(\.description).first?.hasSuffix(":3:1: event_id_cnty is empty; expected a value")
        == true)
    let unsourced = try event("ES1", in: dataset)
    #expect(unsourced.citations.isEmpty)
    #expect(!dataset.sources.contains { $0.name == "ACLED" })
    #expect(sourceNames(try event("ES3", in: dataset), dataset) == ["Deir Ezzor 24"])
  }

  // MARK: Meaning

  @Test func ucdpDatePrecisionFollowsTheCodebook() throws {
    let (_, problems, dataset) = try load("ucdp-date-precision.csv")

    #expect(problems.isEmpty, "\(problems)")
    let precision = Dictionary(
      uniqueKeysWithValues: dataset.events.map { ($0.externalID ?? "", $0.date.precision) })
    #expect(precision["910001"] == .day)
    #expect(precision["910002"] == .span)
    #expect(precision["910003"] == .week)
    #expect(precision["910004"] == .month)
    #expect(precision["910005"] == .year)
    let month = try event("910004", in: dataset).date
    #expect(month.first.description == "2018-04-01")
    #expect(month.last.description == "2018-04-30")
    #expect(try event("910003", in: dataset).date.nativeCode == "ucdp:3")
    // The filters take each event's own span: April ends on the 30th, the year on 31 December.
    func matches(_ text: String) throws -> Int {
      try writer.catalog.searchMatches(
        SearchRequest(query: try SearchQuery.parse(text), kinds: [.event], limit: 10)
      ).total
    }
    #expect(try matches("since:2018-04-08") == 2)
    #expect(try matches("since:2018-05-01") == 1)
    #expect(try matches("until:2018-03-31") == 1)
    #expect(try matches("since:2018-04-05 until:2018-04-06") == 3)
  }

  @Test func acledTimePrecisionKeepsTheReportedDay() throws {
    let (_, problems, dataset) = try load("acled-time-precision.csv")

    #expect(problems.isEmpty, "\(problems)")
    for id in ["TP1", "TP2", "TP3"] {
      let event = try event(id, in: dataset)
      #expect(event.date.first.description == "2022-01-01", "\(id)")
      #expect(event.date.last.description == "2022-01-01", "\(id)")
    }
    #expect(try event("TP2", in: dataset).date.precision == .week)
    #expect(try event("TP3", in: dataset).date.precision == .month)
    let csv = ACLEDExport.csv(dataset.events, in: dataset)
    let rows = csv.split(separator: "\r\n").dropFirst()
    #expect(rows.count == 3)
    for (row, precision) in zip(rows, ["1", "2", "3"]) {
      #expect(row.contains(",2022-01-01,2022,\(precision),"), "\(row)")
    }
  }

  @Test func anActorsTypeIsItsMostFrequentAsAPrincipal() throws {
    let (_, problems, dataset) = try load("acled-actor-types.csv")

    #expect(problems.isEmpty, "\(problems)")
    let tribe = try actor("Shammar Tribal Militia (Iraq)", in: dataset)
    // Associated with state forces in AT1: that gives it no type.
    #expect(tribe.acledTypeCode == 4)
    #expect(tribe.acledTypes == [.init(type: 4, events: 2), .init(type: 3, events: 1)])
    #expect(tribe.kind == .militia)
    let iran = try actor("Military Forces of Iran (1989-)", in: dataset)
    #expect(iran.acledTypeCode == 8)
    #expect(iran.acledTypes == [.init(type: 8, events: 1)])
    #expect(iran.kind == .armedForce)
    let police = try actor("Police Forces of Iraq (2020-)", in: dataset)
    #expect(police.kind == .armedForce)
    #expect(police.acledTypeCode == 1)
    let first = try event("AT1", in: dataset)
    #expect(first.participants.map(\.acledType) == [1, nil, 2])
  }

  @Test func aReimportRecountsTypesOfChangedEvents() throws {
    try load("acled-actor-types.csv")
    let lines = try String(
      contentsOfFile: Self.fixture("acled-actor-types.csv"), encoding: .utf8
    ).split(separator: "\n").map { line in
      // AT4 again, newer: the tribe now coded as an identity militia there too.
      guard line.hasPrefix("AT4,") else { return String(line) }
      return line.replacingOccurrences(of: "Political militia", with: "Identity militia")
        .replacingOccurrences(of: ",1700000000", with: ",1700000001")
    }
    let path = try folder.write(lines.joined(separator: "\n") + "\n", to: "again.csv")

    let outcome = try EventDatasetImport.run(path: path, options: .init(), writer: writer)

    #expect(outcome.summary.updated == 1)
    #expect(outcome.summary.unchanged == 4)
    let tribe = try actor("Shammar Tribal Militia (Iraq)", in: try writer.catalog.exportDataset())
    #expect(tribe.acledTypes == [.init(type: 4, events: 3)])
    #expect(tribe.acledTypeCode == 4)
  }

  @Test func ucdpSidesAreCoalitionsOfTheirMembersAndKindsFollowTheCoding() throws {
    let (_, problems, dataset) = try load("ucdp-coalitions.csv")

    #expect(problems.isEmpty, "\(problems)")
    let clash = try event("920001", in: dataset)
    #expect(names(clash, dataset) == ["Ahrar al-Sham", "HTS", "Ahrar al-Sham, HTS", "IS"])
    #expect(clash.participants.map(\.role) == [.actor1, .actor1, .associated, .actor2])
    #expect(try actor("Ahrar al-Sham, HTS", in: dataset).kind == .coalition)
    #expect(try actor("Ahrar al-Sham", in: dataset).kind == .militia)
    #expect(try actor("IS", in: dataset).kind == .militia)
    #expect(try actor("Government of Syria", in: dataset).kind == .armedForce)
    #expect(try actor("Government of Russia (Soviet Union)", in: dataset).kind == .armedForce)
    #expect(try actor("Government of Israel", in: dataset).kind == .armedForce)
    #expect(try actor("Syrian insurgents", in: dataset).kind == .militia)
    #expect(try actor("Civilians", in: dataset).kind == .organization)
    let memberships = dataset.relations.filter { $0.kind == .memberOf }.map { relation in
      let subject = dataset.actors.first { $0.id == relation.subject }?.name ?? "?"
      let object = dataset.actors.first { $0.id == relation.object }?.name ?? "?"
      return "\(subject) in \(object)"
    }
    #expect(
      memberships.sorted() == [
        "Ahrar al-Sham in Ahrar al-Sham, HTS",
        "Government of Russia (Soviet Union) in Government of Syria, Government of Russia (Soviet Union)",
        "Government of Syria in Government of Syria, Government of Russia (Soviet Union)",
        "HTS in Ahrar al-Sham, HTS",
      ])
  }

  @Test func eachEventKeepsItsOwnPrecisionAtASharedPlace() throws {
    let (_, problems, dataset) = try load("acled-event-precision.csv")

    #expect(problems.isEmpty, "\(problems)")
    let exact = try event("EP1", in: dataset)
    let province = try event("EP2", in: dataset)
    #expect(exact.site == province.site)
    #expect(exact.locationPrecision == .exact)
    #expect(province.locationPrecision == .admin1)
    #expect(province.locationCode == "acled:3")
    let rows = ACLEDExport.csv(dataset.events, in: dataset).split(separator: "\r\n")
    #expect(rows[1].contains(",34.6955,40.831,1,"), "\(rows[1])")
    #expect(rows[2].contains(",34.6955,40.831,3,"), "\(rows[2])")

    let ucdp = try load("ucdp-event-precision.csv")
    #expect(try event("930001", in: ucdp.dataset).locationPrecision == .exact)
    #expect(try event("930002", in: ucdp.dataset).locationPrecision == .admin1)
    #expect(try event("930002", in: ucdp.dataset).locationCode == "ucdp:4")
  }

  @Test func namesAreNormalisedBeforeTheyAreMatched() throws {
    let (_, problems, dataset) = try load("acled-names.csv")

    #expect(problems.isEmpty, "\(problems)")
    #expect(
      dataset.actors.filter { $0.name.hasPrefix("Hay") }.map(\.name) == ["Hay'at Tahrir al-Sham"])
    #expect(dataset.sources.map(\.name) == ["Syrian Observatory for Human Rights"])
    for id in ["NM1", "NM2", "NM3"] {
      #expect(try event(id, in: dataset).citations.count == 1, "\(id)")
    }
    let towns = dataset.sites.filter { $0.kind == .town }
    #expect(towns.map(\.name) == ["Dağören"])
    #expect(Set(dataset.events.map(\.site)).count == 1)
  }

  // MARK: Reporting

  @Test func anImportThatImportsNothingFailsWithItsFirstErrors() throws {
    let path = try folder.write(
      try String(contentsOfFile: Self.fixture("acled-time-precision.csv"), encoding: .utf8)
        .replacingOccurrences(of: "2022-01-01", with: "someday"), to: "nothing.csv")

    let failure = #expect(throws: ImportProblems.self) {
      try EventDatasetImport.run(
        path: path, options: EventDatasetImport.Options(allowSkipped: true), writer: writer)
    }

    #expect(failure?.problems.count == 4)
    #expect(failure?.problems.first?.line == 2)
    #expect(
      failure?.problems.last?.message
        == "none of the 3 rows could be imported; nothing was imported (the first problems are above)"
    )
  }

  @Test func theSkipLimitCountsRowsOrAShare() throws {
    let path = Self.fixture("acled-empty-id-and-source.csv")
    #expect(throws: EventDatasetImport.TooManySkipped.self) {
      try EventDatasetImport.run(
        path: path, options: EventDatasetImport.Options(maxSkipped: .fraction(0.3)),
        writer: writer)
    }
    let share = try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(maxSkipped: .fraction(0.34)), writer: writer)
    #expect(share.summary.inserted == 2)
    let rows = try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(maxSkipped: .rows(1)), writer: writer)
    #expect(rows.summary.unchanged == 2)
    #expect(throws: EventDatasetImport.TooManySkipped.self) {
      try EventDatasetImport.run(
        path: path, options: EventDatasetImport.Options(maxSkipped: .rows(0)), writer: writer)
    }
  }
}

/// The writer's compact bookkeeping: rowids as bits, type counts as an array, both with a
/// fallback for numbers far beyond a dense numbering.
@Suite struct ImportBookkeepingTests {
  @Test func aRowidSetHoldsDenseAndFarRowids() {
    var set = RowidSet()
    for rowid: Int64 in [0, 1, 63, 64, 1_000_000, RowidSet.denseLimit + 5] { set.insert(rowid) }

    for rowid: Int64 in [0, 1, 63, 64, 1_000_000, RowidSet.denseLimit + 5] {
      #expect(set.contains(rowid), "\(rowid)")
    }
    for rowid: Int64 in [2, 62, 65, 999_999, RowidSet.denseLimit + 4, -1] {
      #expect(!set.contains(rowid), "\(rowid)")
    }
  }

  @Test func theTallyWritesEachActorsMostFrequentTypeWhateverItsRowid() throws {
    let folder = try TemporaryFolder("muster-tally")
    let writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    let far: Int64 = 1 << 30
    try writer.catalog.database.write { db in
      for (rowid, name) in [(Int64(3), "Near militia"), (far, "Far militia")] {
        try db.execute(
          sql: """
            INSERT INTO actor(rowid, id, name, sort_key, kind) VALUES (?, ?, ?, ?, 'organization')
            """, arguments: [rowid, "actor:acled:\(rowid)", name, name.lowercased()])
      }
      var tally = ACLEDTypeTally()
      for actor in [Int64(3), far] {
        tally.count(actor: actor, type: 3, 1)
        tally.count(actor: actor, type: 4, 1)
        tally.count(actor: actor, type: 4, 1)
        tally.count(actor: actor, type: 2, 1)
        tally.count(actor: actor, type: 2, -1)
      }
      try tally.write(db)
    }

    let rows = try writer.catalog.database.read { db in
      try Row.fetchAll(
        db, sql: "SELECT actor, type, events FROM actor_acled_type ORDER BY actor, type"
      ).map { "\($0["actor"] as Int64) \($0["type"] as Int) \($0["events"] as Int)" }
    }
    #expect(rows == ["3 3 1", "3 4 2", "\(far) 3 1", "\(far) 4 2"])
    let actors = try writer.catalog.database.read { db in
      try Row.fetchAll(db, sql: "SELECT acled_type, kind FROM actor ORDER BY rowid")
        .map { "\($0["acled_type"] as Int) \($0["kind"] as String)" }
    }
    #expect(actors == ["4 militia", "4 militia"])
  }
}
