import MusterDomain
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

/// Search beyond folded spellings, on a real database: the transliteration tier, close
/// matches, Arabic script against Latin-only names, ranking and explanations.
@Suite struct SpellingSearchTests {
  static let dataset = """
    muster: 1
    title: Spellings
    sites:
      - {id: site:raqqa, name: Raqqa, kind: city, country: SY}
      - {id: site:rastan, name: Rastan, kind: town, country: SY}
      - {id: site:hamra, name: Hamra, kind: village, country: SY}
      - {id: site:hamra-camp, name: Hamra Camp, kind: base, country: SY}
      - {id: site:old-hamra, name: Old Hamra, kind: village, country: SY}
      - {id: site:hemra, name: Hemra, kind: village, country: SY}
      - id: site:red-hill
        name: Red Hill
        kind: point
        country: SY
        aliases: [Hamra]
      - id: site:well
        name: Well 4
        kind: point
        country: SY
        description: The well north of hamra, dug in 2019.
      - id: site:t2
        name: T2 pumping station
        kind: base
        country: SY
        aliases:
          - {name: السخنة, language: ar, script: Arab}
      - id: site:hamza
        name: Hamza
        kind: village
        country: SY
      - id: site:note-hamzq
        name: Well 9
        kind: point
        country: SY
        description: Marked hamzq on the old survey.
    actors:
      - {id: actor:zainabiyoun, name: Zainabiyoun Brigade, kind: militia, country: PK}
    """

  let folder: TemporaryFolder
  let writer: SQLiteCatalogWriter
  var catalog: SQLiteCatalog { writer.catalog }

  init() throws {
    folder = try TemporaryFolder("muster-spelling")
    writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    let read = DatasetReader.read(Self.dataset, file: "spellings.yaml")
    try #require(read.problems.isEmpty, "\(read.problems)")
    try writer.write(read.dataset)
  }

  func hits(_ text: String) throws -> [SearchHit] {
    try catalog.search(SearchRequest(text: text, limit: 50)).hits
  }

  func ids(_ text: String) throws -> [String] {
    try hits(text).map(\.record.rawValue)
  }

  @Test func tiersRankNameThenAliasThenPrefixesThenKeyThenText() throws {
    let found = try hits("Hamra")
    #expect(
      found.map { "\($0.tier.name) \($0.record.rawValue)" } == [
        "name site:hamra", "alias site:red-hill", "name prefix site:hamra-camp",
        "word prefix site:old-hamra", "transliteration site:hemra", "text site:well",
      ])
    #expect(found[1].matched == MatchExplanation(name: "Hamra", isAlias: true))
    #expect(found[4].matched == MatchExplanation(name: "Hemra", isAlias: false, key: "hamra"))
  }

  @Test func closeMatchesComeAfterNamesAndBeforeText() throws {
    // `hamzq` is one edit from `Hamza` and spelled as such in a description.
    let found = try hits("Hamzq")
    #expect(found.map(\.record.rawValue) == ["site:hamza", "site:note-hamzq"])
    #expect(found.map(\.tier) == [.closeMatch, .text])
    #expect(found[0].matched?.phrase(for: .closeMatch) == "close match to «Hamza»")
  }

  @Test(arguments: [
    ("Rastam", "site:rastan"),  // one edit, six letters
    ("Rsatan", "site:rastan"),  // two letters swapped
    ("Zaimabiyoun", "actor:zainabiyoun"),  // one edit, eleven letters
    ("Zaimabiyoum", "actor:zainabiyoun"),  // two edits, eleven letters
    ("Zaimabiyoum Brigade", "actor:zainabiyoun"),
    ("Zainabiyoun Brigafe", "actor:zainabiyoun"),
  ])
  func typosWithinTheAllowedEditsFindTheName(query: String, expected: String) throws {
    let found = try hits(query)
    #expect(found.first?.record.rawValue == expected, "\(query)")
    #expect(found.first?.tier == .closeMatch, "\(query)")
  }

  @Test(arguments: [
    "Rasbam",  // two edits, six letters: one allowed
    "Rsa",  // three letters: none allowed
    "Zaimabijoum",  // three edits
  ])
  func typosBeyondTheAllowedEditsFindNothing(query: String) throws {
    #expect(try hits(query).allSatisfy { $0.tier != .closeMatch }, "\(query)")
    #expect(try ids(query).isEmpty, "\(query)")
  }

  @Test func anArabicScriptQueryFindsALatinOnlyName() throws {
    let found = try hits("الرقة")
    #expect(found.first?.record.rawValue == "site:raqqa")
    #expect(found.first?.tier == .transliteration)
    #expect(found.first?.matched?.key == "consonants rk")
  }

  @Test func aLatinQueryFindsAnArabicScriptOnlyAlias() throws {
    let found = try hits("Sukhna")
    #expect(found.first?.record.rawValue == "site:t2")
    #expect(
      found.first?.matched
        == MatchExplanation(
          name: "السخنة", isAlias: true, key: "consonants shn"))
  }

  @Test func anotherRomanisationFindsTheNameAndTheTextThatSpellsItTheOtherWay() throws {
    // `Hemra` is typed; the site named so comes first, and the description that says
    // `hamra` is found as text through the name word of the same key.
    let found = try ids("Hemra")
    #expect(found.first == "site:hemra")
    #expect(found.contains("site:hamra"))
    #expect(found.contains("site:well"))
  }

  @Test func keysAreKeptWhenANameChanges() throws {
    let read = DatasetReader.read(
      Self.dataset.replacingOccurrences(of: "name: Rastan", with: "name: Talbiseh"),
      file: "spellings.yaml")
    try #require(read.problems.isEmpty)
    try writer.write(read.dataset)
    #expect(try ids("Rastin").isEmpty)
    #expect(try ids("Talbisa").first == "site:rastan")
  }

  @Test func filtersNameRecordsInAnotherRomanisation() throws {
    let found = try catalog.search(
      SearchRequest(query: try SearchQuery.parse("site:Rakka"), limit: 50)
    ).hits.map(\.record.rawValue)
    #expect(found == ["site:raqqa"])
  }

  @Test func aLastWordOfOneLetterIsLeftOutOfTheTextTierWhileItIsTyped() throws {
    // `Hamra a` on the way to `Hamra al-...`: the text that says `hamra` stays found.
    #expect(try ids("Hamra").contains("site:well"))
    #expect(try ids("Hamra a").contains("site:well"))
  }
}
