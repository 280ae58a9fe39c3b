import Foundation
import MusterDomain
import MusterImport
import MusterTestSupport
import Testing

/// Collects what an import hands to the store, to test the readers on their own.
final class CollectingImporter: EventDatasetImporting, ImportedEventSink {
  var events: [ImportedEvent] = []

  func importEvents(
    expectedEvents: Int, _ produce: (any ImportedEventSink) throws -> Void
  ) throws -> EventDatasetImportSummary {
    try produce(self)
    var summary = EventDatasetImportSummary()
    summary.inserted = events.count
    return summary
  }

  /// Like the store, refuses a second event with an id already written in the import.
  func add(_ event: ImportedEvent) throws -> ImportedEventOutcome {
    if events.contains(where: { $0.id == event.id }) { return .duplicate }
    events.append(event)
    return .inserted
  }
}

@Suite struct EventDatasetImportTests {
  let folder: TemporaryFolder

  init() throws {
    folder = try TemporaryFolder("muster-field")
  }

  func run(
    _ text: String, strict: Bool = false, format: EventDatasetFormat? = nil,
    options: EventDatasetImport.Options? = nil, name: String = "export.csv"
  ) throws -> (
    events: [ImportedEvent], problems: [ImportProblem], outcome: EventDatasetImport.Outcome
  ) {
    let path = try folder.write(text, to: name)
    let importer = CollectingImporter()
    var problems: [ImportProblem] = []
    let outcome = try EventDatasetImport.run(
      path: path, options: options ?? EventDatasetImport.Options(format: format, strict: strict),
      writer: importer,
      report: { problems.append($0) })
    return (importer.events, problems, outcome)
  }

  @Test func everyACLEDColumnLandsSomewhere() throws {
    let (events, problems, outcome) = try run(EventDatasetFixtures.acled)

    #expect(problems.isEmpty, "\(problems)")
    #expect(outcome.format == .acled)
    #expect(events.count == 3)
    let handover = try #require(events.first)
    #expect(handover.id.rawValue == "event:acled:SYR100")
    #expect(handover.kind == .handover)
    #expect(handover.date.description == "2020-12-17")
    #expect(handover.date.nativeCode == "acled:1")
    #expect(
      handover.classification == [
        "Strategic developments", "Strategic developments", "Non-violent transfer of territory",
      ])
    #expect(
      handover.summary
        == "On 17 December 2020, the 5th Corps received points from \"Nujaba\", KH and al-Abdal,\nnear the border."
    )
    #expect(
      handover.participants.map(\.name) == [
        "Military Forces of Syria (2000-2024) 5th Corps", "Russian Military Police",
        "Harakat al-Nujaba",
        "Kataib Hezbollah", "Harakat al-Abdal",
      ])
    #expect(
      handover.participants.map(\.role) == [
        .actor1, .associated, .actor2, .associated, .associated,
      ])
    // Associated actors carry no type: theirs is not the principal's.
    #expect(handover.participants.map(\.acledType) == [1, nil, 8, nil, nil])
    #expect(handover.place?.name == "البوكمال")
    #expect(handover.place?.areas == ["Deir ez Zor", "Abu Kamal", "Abu Kamal"])
    #expect(handover.place?.location?.precision == .exact)
    #expect(
      handover.reports.map(\.sourceName) == ["Syrian Observatory for Human Rights", "Nahar Media"])
    #expect(handover.reports.allSatisfy { $0.credibility == .probablyTrue })
    #expect(handover.tags.contains("crowd size=no report"))
    #expect(handover.tags.contains("local administrators"))
    #expect(handover.tags.contains("interaction=State forces-External/Other forces"))
    #expect(handover.tags.contains("source scale=National-Regional"))
    #expect(handover.sourceTimestamp == 1_609_372_800)
    #expect(handover.fatalities == Estimate(best: 0))

    let protest = events[1]
    // time_precision 2: the reported day, placed within about a week.
    #expect(protest.date.description == "2023-02-16")
    #expect(protest.date.precision == .week)
    #expect(protest.date.nativeCode == "acled:2")
    #expect(protest.place?.areas == ["Sanliurfa", "Yeniyurt", "Dağören"])
    #expect(protest.place?.location?.precision == .nearPlace)
    #expect(protest.tags.contains("civilian targeting"))
    #expect(protest.summary == "Şanlıurfa: people protested in Bulakyurt.")

    let strike = events[2]
    #expect(strike.kind == .strike)
    #expect(strike.date.description == "2023-02-16")
    #expect(strike.date.precision == .month)
    #expect(strike.place?.location?.precision == .admin1)
    // No source named: no citation, rather than one made up.
    #expect(strike.reports.isEmpty)
  }

  @Test func anOlderACLEDExportIsReadToo() throws {
    let (events, problems, _) = try run(EventDatasetFixtures.acledLegacy)

    #expect(problems.isEmpty, "\(problems)")
    let event = try #require(events.first)
    #expect(event.date.description == "2018-01-03")
    #expect(event.participants.map(\.acledType) == [1, 2])
    #expect(event.participants.map(\.kind) == [.armedForce, .militia])
    #expect(event.tags.contains("event_id_no_cnty=55"))
    #expect(event.tags.contains("data_id=7001"))
    #expect(event.kind == .clash)
  }

  @Test func aBOMAndCRLFLineEndingsAreAccepted() throws {
    let text = "\u{FEFF}" + EventDatasetFixtures.acled.replacingOccurrences(of: "\n", with: "\r\n")

    let (events, problems, _) = try run(text)

    #expect(problems.isEmpty, "\(problems)")
    #expect(events.count == 3)
    #expect(events[0].summary.contains("\r\nnear the border"))
    #expect(events[1].externalID == "TUR7")
  }

  @Test func everyUCDPColumnLandsSomewhere() throws {
    let (events, problems, outcome) = try run(EventDatasetFixtures.ucdp)

    #expect(problems.isEmpty, "\(problems)")
    #expect(outcome.format == .ucdp)
    let battle = try #require(events.first)
    #expect(battle.id.rawValue == "event:ucdp:244657")
    #expect(battle.date.description == "2017-11-01/2017-11-19")
    #expect(battle.date.precision == .week)
    #expect(battle.date.nativeCode == "ucdp:3")
    #expect(battle.participants.map(\.name) == ["Government of Syria", "IS"])
    #expect(battle.fatalities == Estimate(low: 30, best: 45, high: 60))
    #expect(battle.place?.name == "Abu Kamal town")
    #expect(battle.place?.areas == ["Dayr az Zawr governorate", "Abu Kamal district"])
    // AFP under its canonical name (SourceAliases.shipped).
    #expect(battle.reports.map(\.sourceName) == ["Agence France-Presse", "Reuters"])
    #expect(
      battle.reports.map(\.title) == ["Syrian army retakes Albu Kamal", "Army enters Abu Kamal"])
    #expect(battle.reports.first?.published?.description == "2017-11-09")
    #expect(battle.classification == ["state-based conflict", "Syria: Government"])
    #expect(events[1].kind == .other)
    #expect(events[1].date.precision == .day)
    #expect(events[1].place?.location?.precision == .nearPlace)
  }

  @Test func anEmptyFileAndAnUnknownHeaderAreClearErrors() throws {
    let empty = #expect(throws: ImportProblems.self) { try run("") }
    #expect(empty?.description.contains("the file is empty") == true)

    let unknown = #expect(throws: ImportProblems.self) { try run("name,date,place\nx,y,z\n") }
    #expect(unknown?.description.contains("unknown header") == true)

    let missing = #expect(throws: ImportProblems.self) {
      try run("event_id_cnty,event_date,actor1\nX1,2020-01-01,A\n")
    }
    #expect(
      missing?.description.contains(
        "the header lacks ACLED columns: event_type, country, location, latitude, longitude, notes, fatalities"
      ) == true)
  }

  @Test func aHeaderOnlyFileFails() throws {
    let error = #expect(throws: ImportProblems.self) {
      try run(EventDatasetFixtures.acledHeader + "\n")
    }

    #expect(error?.description.contains("the file has no rows after its header") == true)
  }

  @Test func badRowsAreReportedWithLineColumnAndValueAndSkipped() throws {
    let rows = [EventDatasetFixtures.acledHeader] + EventDatasetFixtures.acledRows
    let text = [
      rows[0],
      rows[2].replacingOccurrences(of: "16-02-2023", with: "31-02-2023"),
      rows[2].replacingOccurrences(of: ",41.1173,", with: ",141.1173,").replacingOccurrences(
        of: "TUR7", with: "TUR8"),
      rows[2].replacingOccurrences(of: ",2,Hurriyet", with: ",7,Hurriyet").replacingOccurrences(
        of: "TUR7", with: "TUR9"),
      "TUR10,2023-01-01,too,few",
      rows[2].replacingOccurrences(of: "TUR7", with: "TUR11"),
      rows[2].replacingOccurrences(of: "TUR7", with: "TUR11").replacingOccurrences(
        of: "people protested", with: "others protested"),
      "\"unbalanced,2023-01-01",
    ].joined(separator: "\n")

    let (events, problems, outcome) = try run(
      text, options: EventDatasetImport.Options(allowSkipped: true))

    #expect(events.map(\.externalID) == ["TUR11"])
    #expect(outcome.summary.skipped == 6)
    let lines = problems.map(\.description)
    #expect(
      lines.contains(
        "export.csv:2:2: event_date '31-02-2023' is not valid; expected a date such as 2023-02-16, 16 February 2023 or 16-Feb-23 (2023-2 has no day 31)"
          .replacingOccurrences(of: "export.csv", with: folder.file("export.csv"))))
    #expect(
      problems.contains {
        $0.line == 3 && $0.column == 23 && $0.message.contains("latitude '141.1173'")
      })
    #expect(
      problems.contains {
        $0.line == 4 && $0.column == 25 && $0.message.contains("geo_precision '7'")
      })
    #expect(
      problems.contains { $0.line == 5 && $0.message == "4 fields; expected 31 as in the header" })
    #expect(problems.contains { $0.line == 7 && $0.message.contains("duplicate id 'TUR11'") })
    // An open quote on the last line: the file ends inside the row.
    #expect(problems.contains { $0.line == 8 && $0.reason == "cut short" })
    #expect(
      outcome.skippedByReason.map { "\($0.count) \($0.reason)" } == [
        "1 cut short", "1 duplicate id", "1 invalid event_date", "1 invalid geo_precision",
        "1 invalid latitude", "1 wrong number of fields",
      ])
  }

  @Test func strictModeStopsAtTheFirstBadRow() throws {
    let rows = [EventDatasetFixtures.acledHeader] + EventDatasetFixtures.acledRows
    let text = [
      rows[0], rows[2].replacingOccurrences(of: "16-02-2023", with: "yesterday"), rows[2],
    ]
    .joined(separator: "\n")

    let error = #expect(throws: ImportProblems.self) { try run(text, strict: true) }

    #expect(error?.problems.first?.line == 2)
    #expect(error?.problems.first?.message.contains("event_date 'yesterday'") == true)
  }
}
