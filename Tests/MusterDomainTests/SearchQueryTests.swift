import MusterDomain
import Testing

@Suite struct SearchQueryTests {
  @Test func wordsPhrasesAndFiltersAreReadApart() throws {
    let query = try SearchQuery.parse(
      #"abu kamal actor:russia site:"albu kamal" kind:statement kind:sites since:2020-12 "#
        + #"until:2021 grade:<=C3 "military police""#)
    #expect(query.words == ["abu", "kamal"])
    #expect(query.phrases == ["military police"])
    #expect(query.actors == ["russia"])
    #expect(query.sites == ["albu kamal"])
    #expect(query.eventKinds == [.statement])
    #expect(query.recordKinds == [.site])
    #expect(query.since?.first == Day(iso: "2020-12-01"))
    #expect(query.until?.last == Day(iso: "2021-12-31"))
    #expect(query.grade == GradeFilter(reliability: 1...3, credibility: 1...3))
    #expect(query.hasText && query.hasFilters)
  }

  @Test func aQueryPrintsAsItParses() throws {
    let text = #"kamal "border points" actor:russia site:"albu kamal" since:2020-12 grade:B2"#
    let query = try SearchQuery.parse(text)
    #expect(try SearchQuery.parse(query.description) == query)
  }

  @Test(arguments: [
    ("B2", 2...2, 2...2), ("<=C3", 1...3, 1...3), ("<C3", 1...2, 1...2), (">=E5", 5...6, 5...6),
    (">e5", 6...6, 6...6), ("A-C", 1...3, 1...6), ("1-3", 1...6, 1...3), ("a1-c3", 1...3, 1...3),
    ("B", 2...2, 1...6), ("4", 1...6, 4...4), ("<=C", 1...3, 1...6), ("=D4", 4...4, 4...4),
  ])
  func gradeExpressions(text: String, reliability: ClosedRange<Int>, credibility: ClosedRange<Int>)
    throws
  {
    let filter = try #require(GradeFilter(text))
    #expect(filter.reliability == reliability)
    #expect(filter.credibility == credibility)
    #expect(GradeFilter(filter.description) == filter)
  }

  @Test(arguments: ["", "G2", "B7", "C-A", "A-3", "<A", ">F6", "B22", "<=", "AB"])
  func badGrades(text: String) {
    #expect(GradeFilter(text) == nil)
  }

  @Test(arguments: [
    (#"abu "kamal"#, 5, "not closed"), ("colour:red", 1, "unknown field \"colour:\""),
    ("kamal since:2020-13", 13, "since: expected a date"), ("grade:X9", 7, "grade: expected"),
    ("kind:tanks", 6, "kind: expected one of"), ("actor:", 7, "actor: needs a value"),
    (#"site:"albu"#, 6, "not closed"),
  ])
  func badQueriesSayWhereAndWhat(text: String, column: Int, message: String) {
    #expect {
      _ = try SearchQuery.parse(text)
    } throws: { error in
      guard let error = error as? SearchQueryError else { return false }
      return error.column == column && error.message.contains(message)
    }
  }

  @Test func wordsWithColonsThatAreNotFieldsStayWords() throws {
    #expect(try SearchQuery.parse("10:30 strike").words == ["10:30", "strike"])
  }

  @Test func filtersLimitTheKindsThatCanMatch() throws {
    let query = try SearchQuery.parse("actor:russia since:2020")
    #expect(query.admits(.event) && query.admits(.deployment))
    #expect(!query.admits(.site) && !query.admits(.actor) && !query.admits(.source))
    #expect(try SearchQuery.parse("kind:statement").admits(.event))
    #expect(!(try SearchQuery.parse("kind:statement").admits(.actor)))
  }
}
