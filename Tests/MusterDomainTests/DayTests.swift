import MusterDomain
import Testing

@Suite struct DayTests {
  @Test(arguments: [
    (1970, 1, 1, 0), (1970, 1, 2, 1), (1969, 12, 31, -1), (2000, 2, 29, 11_016),
    (2020, 12, 31, 18_627), (1600, 3, 1, -135_080),
  ])
  func calendarDatesMapToDaysSinceTheEpochAndBack(year: Int, month: Int, day: Int, days: Int) {
    let value = Day(year: year, month: month, day: day)

    #expect(value?.daysSinceEpoch == days)
    #expect(
      value.map { $0.civil.year == year && $0.civil.month == month && $0.civil.day == day } == true)
  }

  @Test func everyDayOfFourCenturiesRoundTrips() {
    var expected = Day(year: 1800, month: 1, day: 1)?.daysSinceEpoch ?? 0
    for year in 1800...2200 {
      for month in 1...12 {
        for day in 1...Day.daysIn(month: month, year: year) {
          #expect(Day(year: year, month: month, day: day)?.daysSinceEpoch == expected)
          expected += 1
        }
      }
    }
  }

  @Test(arguments: [
    "2021-02-29", "2020-13-01", "2020-00-10", "2020-1-01", "20-01-01", "abcd-01-01", "2020-01-1x",
    "2020-01-00",
  ])
  func impossibleOrMalformedDatesAreRejected(text: String) {
    #expect(Day(iso: text) == nil)
  }

  @Test func leapYearsFollowTheGregorianRules() {
    #expect(Day.isLeap(2000))
    #expect(Day.isLeap(2020))
    #expect(!Day.isLeap(1900))
    #expect(!Day.isLeap(2021))
  }

  @Test func weekdaysAreISONumbered() {
    #expect(Day(year: 2020, month: 12, day: 14)?.isoWeekday == 1)
    #expect(Day(year: 2020, month: 12, day: 20)?.isoWeekday == 7)
    #expect(Day(daysSinceEpoch: 0).isoWeekday == 4)
  }

  @Test func addingMonthsClampsToTheMonthsLength() {
    let january31 = Day(year: 2021, month: 1, day: 31)
    #expect(january31?.addingMonths(1).description == "2021-02-28")
    #expect(january31?.addingMonths(-2).description == "2020-11-30")
  }
}
