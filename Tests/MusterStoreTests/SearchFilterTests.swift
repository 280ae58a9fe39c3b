import GRDB
import MusterDomain
import MusterTestSupport
import Testing

@testable import MusterStore

/// Filters, ranking and counts, on the bundled dataset, on crafted events, and against a
/// brute-force scan of 10,000 generated events.
@Suite struct SearchFilterTests {
  func ids(_ store: SeededStore, _ text: String, kinds: Set<RecordKind> = []) throws -> [String] {
    try store.catalog.search(
      SearchRequest(query: try SearchQuery.parse(text), kinds: kinds, limit: 1000)
    ).hits.map(\.record.rawValue)
  }

  @Test func filtersAloneListWhatPassesThem() throws {
    let store = try SeededStore()
    let statements = try ids(store, "kind:statement")
    #expect(
      Set(statements) == [
        "event:zarif-fatemiyoun-tolonews", "event:miqdad-rt", "event:shaaban-al-mayadin",
      ])
    let russia = try ids(store, "actor:russia", kinds: [.event])
    #expect(russia.contains("event:iran-russia-albu-kamal-agreement"))
    #expect(!russia.contains("event:zarif-fatemiyoun-tolonews"))
    // A site includes the sites inside it: the Imam Ali base's events are Albu Kamal's.
    let albuKamal = try ids(store, #"site:"albu kamal""#, kinds: [.event])
    #expect(albuKamal.contains("event:imam-ali-base-evacuation-2021-11"))
    #expect(!albuKamal.contains("event:zarif-fatemiyoun-tolonews"))
    let since2021 = try ids(store, "since:2021", kinds: [.event])
    #expect(since2021.count == 3 && since2021.allSatisfy { !$0.contains("2020") })
  }

  @Test func gradeFiltersKeepOnlyClaimsWithinTheBounds() throws {
    let store = try SeededStore()
    let results = try store.catalog.search(
      SearchRequest(query: try SearchQuery.parse("grade:<=B2"), limit: 1000))
    #expect(!results.hits.isEmpty)
    for hit in results.hits {
      let grade = try #require(hit.grade)
      #expect(grade.reliability <= .b && grade.credibility.rawValue <= 2, "\(hit.record)")
    }
    let all = try store.catalog.search(
      SearchRequest(query: try SearchQuery.parse("grade:A-F"), kinds: [.event], limit: 1000))
    let strict = try store.catalog.search(
      SearchRequest(query: try SearchQuery.parse("grade:<=B2"), kinds: [.event], limit: 1000))
    #expect(all.total > strict.total)
  }

  @Test func filtersCombineWithWordsAndWithEachOther() throws {
    let store = try SeededStore()
    let combined = try ids(store, "strike since:2021 grade:<=B2", kinds: [.event])
    #expect(combined == ["event:us-strike-border-control-point"])
    let words = try ids(store, "strike", kinds: [.event])
    #expect(words.count > combined.count)
    #expect(try ids(store, "strike actor:fatemiyoun", kinds: [.event]).isEmpty)
    // Name hits obey filters too: the site itself is not dated, so since: drops it.
    #expect(!(try ids(store, "albu kamal since:2020")).contains("site:albu-kamal"))
    #expect(try ids(store, "albu kamal kind:site").first == "site:albu-kamal")
  }

  @Test func phrasesMatchWordsNextToEachOther() throws {
    let store = try SeededStore()
    let phrase = try ids(store, #""military police""#)
    #expect(!phrase.isEmpty)
    #expect(try ids(store, #""police military""#).isEmpty)
  }

  @Test func statementsAreCountedApartFromOtherEvents() throws {
    let store = try SeededStore()
    let results = try store.catalog.search(
      SearchRequest(query: try SearchQuery.parse("iran"), limit: 1000))
    #expect((results.groupCounts[.statements] ?? 0) >= 2)
    #expect(
      results.counts[.event] == (results.groupCounts[.events] ?? 0)
        + (results.groupCounts[.statements] ?? 0))
  }

  @Test func everyIndexTermIsInTheTermTableAfterEachKindOfWrite() throws {
    let store = try SeededStore()
    #expect(try missingTerms(store.catalog).isEmpty, "after writing the bundled dataset")
    // A small event dataset import adds the terms of what it wrote, row by row.
    _ = try store.writer.importEvents(expectedEvents: 2) { sink in
      for (id, summary) in [
        ("T1", "Kata'ib al-Imam Ali shelled Tell Abyad; ‏قصف مدفعي‏ near Deir ez-Zor (Hasakah)."),
        ("T2", "Ayn al-Arab / Kobanê: Türkiye-backed SNA drone strike, 3×UAV, reportedly."),
      ] {
        _ = try sink.add(
          ImportedEvent(
            dataset: .acled, externalID: id, kind: .strike,
            date: try FuzzyDate(parsing: "2021-05-01"), summary: summary,
            participants: [
              ImportedParticipant(name: "Hêzên Sûriya", role: .actor1, kind: .militia)
            ],
            place: ImportedPlace(name: "Kobanî", country: "Syria", location: nil),
            reports: [ImportedReport(sourceName: "ANHA", credibility: .possiblyTrue)]))
      }
    }
    #expect(try missingTerms(store.catalog).isEmpty, "after a small event dataset import")
    let found = try store.catalog.search(
      SearchRequest(query: try SearchQuery.parse("kobane turk"), kinds: [.event]))
    #expect(found.hits.map(\.record.rawValue) == ["event:acled:T2"])
  }

  /// Terms the full-text index holds that `search_term` lacks (prefix search would miss them).
  func missingTerms(_ catalog: SQLiteCatalog) throws -> [String] {
    try catalog.database.writeWithoutTransaction { db in
      try db.execute(
        sql: "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, 'search_index', 'row')")
      defer { try? db.execute(sql: "DROP TABLE temp.vocabulary") }
      return try String.fetchAll(
        db,
        sql: "SELECT term FROM temp.vocabulary WHERE term NOT IN (SELECT term FROM search_term)")
    }
  }

  @Test func countsStopAtTheLimitAndSaySo() throws {
    let store = try SeededStore()
    let capped = try store.catalog.searchMatches(
      SearchRequest(query: try SearchQuery.parse("albu"), countLimit: 3))
    #expect(capped.isCountCapped)
    let exact = try store.catalog.searchMatches(
      SearchRequest(query: try SearchQuery.parse("albu")))
    #expect(!exact.isCountCapped && exact.total > capped.total)
  }
}

/// Events crafted so each ranking tier has a member, at known dates.
@Suite struct SearchRankingTests {
  @Test func exactNamesThenNamePrefixesThenWordPrefixesThenTextNewestFirst() throws {
    let folder = try TemporaryFolder("muster-ranking")
    let writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    func event(_ id: String, _ date: String, actor: String, place: String, summary: String)
      throws -> ImportedEvent
    {
      ImportedEvent(
        dataset: .acled, externalID: id, kind: .clash, date: try FuzzyDate(parsing: date),
        summary: summary,
        participants: [ImportedParticipant(name: actor, role: .actor1, kind: .militia)],
        place: ImportedPlace(name: place, country: "Syria", location: nil),
        reports: [ImportedReport(sourceName: "SOHR", credibility: .probablyTrue)])
    }
    _ = try writer.importEvents(expectedEvents: 6) { sink in
      for item in [
        try event("E1", "2020-01-01", actor: "Kamal", place: "Hama", summary: "Shelling."),
        try event("E2", "2020-06-01", actor: "Kamalist Front", place: "Homs", summary: "Clash."),
        try event("E3", "2020-03-01", actor: "Abu Kamal Force", place: "Idlib", summary: "Raid."),
        try event("E4", "2021-01-01", actor: "Other", place: "Kamaliya", summary: "Patrol."),
        try event("E5", "2019-01-01", actor: "Other", place: "Raqqa", summary: "Near kamal."),
        try event("E6", "2022-01-01", actor: "Other", place: "Raqqa", summary: "Kamal seen."),
      ] {
        _ = try sink.add(item)
      }
    }
    let results = try writer.catalog.search(SearchRequest(text: "kamal", limit: 100))
    let order = results.hits.map { "\($0.tier) \($0.title)" }
    #expect(
      order == [
        "exactName Kamal", "namePrefix Kamalist Front", "wordPrefix Abu Kamal Force",
        "namePrefix Kamaliya",
        // Text matches, newest first: E6 (2022), E4 (2021, at Kamaliya), E5 (2019).
        "text Kamal seen.", "text Patrol.", "text Near kamal.",
      ])
    #expect(results.hits.map(\.group) == [.actors, .actors, .actors, .sites] + [.events] * 3)
  }
}

extension Array {
  static func * (lhs: Array, rhs: Int) -> Array { (0..<rhs).flatMap { _ in lhs } }
}

/// 10,000 generated events; every count the engine gives equals a scan in Swift.
@Suite(.serialized) struct SearchBruteForceTests {
  static let actors = (0..<30).map { "Actor \(["Alpha", "Bravo", "Charlie"][$0 % 3]) \($0)" }
  static let places = (0..<40).map { "Town \($0)" }
  static let vocabulary =
    ("the of and a militia shelling clash killed wounded reported village road convoy "
    + "checkpoint drone strike artillery police forces army border crossing market "
    + "civilians attack near town district hydrofoil report reporter").split(separator: " ")
    .map(String.init)

  struct Generated {
    let event: ImportedEvent
    let actorIndexes: [Int]
    let placeIndex: Int
  }

  static func generate() throws -> [Generated] {
    var random = SplitMix(seed: 2026)
    var events: [Generated] = []
    for index in 0..<10_000 {
      var words = (0..<(5 + random.next(12))).map { _ in vocabulary[random.next(vocabulary.count)] }
      if random.next(4) == 0 { words.insert("reportedly", at: random.next(words.count)) }
      if random.next(500) == 0 { words.append("hydroelectric") }
      let actorIndexes = [random.next(actors.count), random.next(actors.count)]
      let placeIndex = random.next(places.count)
      let day = try #require(Day(iso: "2019-01-01")).advanced(by: random.next(1460))
      let kind: EventKind = [.clash, .strike, .statement, .other][random.next(4)]
      let event = ImportedEvent(
        dataset: .acled, externalID: "G\(index)", kind: kind,
        date: FuzzyDate(range: DayRange(day: day), precision: .day),
        summary: words.joined(separator: " ").capitalized + ".",
        participants: actorIndexes.enumerated().map { position, actor in
          ImportedParticipant(
            name: actors[actor], role: position == 0 ? .actor1 : .actor2, kind: .militia)
        },
        place: ImportedPlace(name: places[placeIndex], country: "Syria", location: nil),
        reports: [
          ImportedReport(
            sourceName: "Source \(random.next(5))",
            credibility: try #require(Credibility(rawValue: 1 + random.next(6))))
        ])
      events.append(Generated(event: event, actorIndexes: actorIndexes, placeIndex: placeIndex))
    }
    return events
  }

  /// Whether an event's text holds every word of `words` as the engine promises: a word of
  /// three letters or more as a prefix of a token, a shorter one as a whole token.
  static func textMatches(_ generated: Generated, words: String, phrase: String?) -> Bool {
    let tokens = SearchKey.indexText(
      SearchKey.eventText(
        summary: generated.event.summary, quote: nil, note: nil,
        kind: generated.event.kind.rawValue, siteName: generated.event.place?.name, tags: [])
    ).split(separator: " ").map(String.init)
    for alternatives in SearchKey.queryAlternatives(words) {
      let found = alternatives.contains { form in
        tokens.contains { form.count >= 3 ? $0.hasPrefix(form) : $0 == form }
      }
      if !found { return false }
    }
    if let phrase {
      let wanted = SearchKey.fold(phrase).split(separator: " ").map(String.init)
      var found = false
      for start in tokens.indices where start + wanted.count <= tokens.count {
        let window: [String] = Array(tokens[start..<(start + wanted.count)])
        if window == wanted { found = true }
      }
      if !found { return false }
    }
    return true
  }

  @Test func everyCountEqualsABruteForceScan() throws {
    let folder = try TemporaryFolder("muster-brute-force")
    let writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    let generated = try Self.generate()
    _ = try writer.importEvents(expectedEvents: generated.count) { sink in
      for item in generated { _ = try sink.add(item.event) }
    }
    #expect(try SearchFilterTests().missingTerms(writer.catalog).isEmpty)
    let day = { (text: String) in Day(iso: text)! }
    // (query, words, phrase, predicate on the generated event)
    let cases: [(String, String, String?, (Generated) -> Bool)] = [
      ("reportedly", "reportedly", nil, { _ in true }),
      ("hydroelectric", "hydroelectric", nil, { _ in true }),
      ("rep", "rep", nil, { _ in true }),
      ("hydro", "hydro", nil, { _ in true }),
      ("a", "a", nil, { _ in true }),
      ("clash militia", "clash militia", nil, { _ in true }),
      (#""militia shelling""#, "", "militia shelling", { _ in true }),
      ("reportedly actor:\"actor bravo 4\"", "reportedly", nil, { $0.actorIndexes.contains(4) }),
      (
        "since:2020-03 until:2020-06", "", nil,
        {
          (day("2020-03-01")...day("2020-06-30")).contains($0.event.date.first)
        }
      ),
      (
        "site:\"town 17\" kind:strike", "", nil,
        {
          $0.placeIndex == 17 && $0.event.kind == .strike
        }
      ),
      (
        "reportedly grade:1-2", "reportedly", nil,
        {
          $0.event.reports.contains { $0.credibility.rawValue <= 2 }
        }
      ),
      ("kind:statement near", "near", nil, { $0.event.kind == .statement }),
    ]
    for (text, words, phrase, predicate) in cases {
      let query = try SearchQuery.parse(text)
      let expected = generated.filter {
        predicate($0) && Self.textMatches($0, words: words, phrase: phrase)
      }
      let results = try writer.catalog.searchMatches(
        SearchRequest(query: query, kinds: [.event]))
      let statements = expected.filter { $0.event.kind == .statement }.count
      #expect(results.counts[.events] ?? 0 == expected.count - statements, "\(text)")
      #expect(results.counts[.statements] ?? 0 == statements, "\(text)")
      #expect(!results.isCountCapped)
      #expect(results.matches.count == expected.count, "\(text)")
    }
  }
}

/// A small deterministic random generator (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(bound))
  }
}
