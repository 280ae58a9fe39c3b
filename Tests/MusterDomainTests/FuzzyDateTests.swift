import MusterDomain
import Testing

@Suite struct FuzzyDateTests {
  @Test(arguments: [
    ("2020-12-17", "2020-12-17", "2020-12-17", DatePrecision.day),
    ("2020-12", "2020-12-01", "2020-12-31", .month),
    ("2020-02", "2020-02-01", "2020-02-29", .month),
    ("2020", "2020-01-01", "2020-12-31", .year),
    ("2020-W50", "2020-12-07", "2020-12-13", .week),
    ("2020-W53", "2020-12-28", "2021-01-03", .week),
    ("2021-W01", "2021-01-04", "2021-01-10", .week),
    ("2020-03-11/2020-03-12", "2020-03-11", "2020-03-12", .span),
  ])
  func eachFormCoversTheDaysItMeans(
    text: String, first: String, last: String, precision: DatePrecision
  ) throws {
    let date = try FuzzyDate(parsing: text)

    #expect(date.first.description == first)
    #expect(date.last.description == last)
    #expect(date.precision == precision)
    #expect(date.description == text)
    #expect(date.isCanonical)
  }

  @Test(arguments: [
    "2021-W53", "2020-W00", "2020-13", "2020-12-32", "20201", "late December",
    "2020-03-12/2020-03-11", "", "2020-12-17/x",
  ])
  func malformedDatesSayWhatWasExpected(text: String) {
    let error = #expect(throws: DateSyntaxError.self) { try FuzzyDate(parsing: text) }

    #expect(error?.description.contains("expected YYYY-MM-DD") == true)
  }

  @Test func aWeekCoversMondayToSundayOfTheDaysWeek() {
    let thursday = Day(year: 2020, month: 12, day: 10)
    let week = thursday.map { FuzzyDate.week(containing: $0) }

    #expect(week?.description == "2020-W50")
    #expect(week?.range.count == 7)
  }

  @Test func aSpanThatIsNotACalendarUnitPrintsAsAnInterval() {
    let days = DayRange(
      first: Day(year: 2021, month: 1, day: 5) ?? Day(daysSinceEpoch: 0),
      last: Day(year: 2021, month: 2, day: 3) ?? Day(daysSinceEpoch: 0))
    let date = FuzzyDate(range: days, precision: .month, nativeCode: "ucdp:3")

    #expect(date.description == "2021-01-05/2021-02-03")
    #expect(!date.isCanonical)
  }

  @Test func aClaimHoldsFromTheEarliestDayOfItsStartToTheLatestDayOfItsEnd() throws {
    let period = ClaimPeriod(
      start: PeriodBound(try FuzzyDate(parsing: "2020-12")),
      end: PeriodBound(try FuzzyDate(parsing: "2021-02"), .lastSeen))

    #expect(period.holds(on: try #require(Day(iso: "2020-12-01"))))
    #expect(period.holds(on: try #require(Day(iso: "2021-02-28"))))
    #expect(!period.holds(on: try #require(Day(iso: "2020-11-30"))))
    #expect(!period.holds(on: try #require(Day(iso: "2021-03-01"))))
    #expect(ClaimPeriod().holds(on: Day(daysSinceEpoch: 0)))
  }
}
