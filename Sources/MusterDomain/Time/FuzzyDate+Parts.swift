extension FuzzyDate {
  /// Reads the parts of a year or month analysts write: `early 2020`, `mid 2020`,
  /// `late 2020` (January to April, May to August, September to December) and
  /// `early 2020-12`, `mid 2020-12`, `late 2020-12` (days 1 to 10, 11 to 20, 21 to the
  /// end); anything else as `init(parsing:)` does.
  ///
  /// A part is stored as the span of days it may mean, so it sorts, filters and exports as
  /// any other span does.
  public init(parsingAnalystDate text: String) throws(DateSyntaxError) {
    let words = text.trimmingASCIIWhitespace().lowercased()
      .split(separator: " ", omittingEmptySubsequences: true)
    guard words.count == 2, let part = Part(rawValue: String(words[0])) else {
      try self.init(parsing: text)
      return
    }
    let whole: FuzzyDate
    do {
      whole = try FuzzyDate(parsing: String(words[1]))
    } catch {
      throw DateSyntaxError(
        text: text, problem: "'\(words[1])' after '\(words[0])' must be a year or a month")
    }
    let first = whole.first
    let last = whole.last
    switch whole.precision {
    case .year:
      let (year, _, _) = first.civil
      let bounds: (Int, Int) =
        switch part {
        case .early: (1, 4)
        case .mid: (5, 8)
        case .late: (9, 12)
        }
      guard let start = Day(year: year, month: bounds.0, day: 1),
        let end = Day(
          year: year, month: bounds.1, day: Day.daysIn(month: bounds.1, year: year))
      else { throw DateSyntaxError(text: text, problem: "year out of range") }
      self.init(range: DayRange(first: start, last: end), precision: .span)
    case .month:
      let range: DayRange =
        switch part {
        case .early: DayRange(first: first, last: first.advanced(by: 9))
        case .mid: DayRange(first: first.advanced(by: 10), last: first.advanced(by: 19))
        case .late: DayRange(first: first.advanced(by: 20), last: last)
        }
      self.init(range: range, precision: .span)
    case .day, .week, .span:
      throw DateSyntaxError(
        text: text, problem: "'\(words[0])' goes with a year or a month, such as late 2020")
    }
  }

  /// A third of a year or month.
  private enum Part: String {
    case early
    case mid
    case late
  }
}
