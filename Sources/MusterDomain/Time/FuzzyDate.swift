/// A date as a source gives it: the span of days it may mean, and how precise it is.
///
/// "December 2020" covers 2020-12-01…2020-12-31 with month precision; so that it is never
/// mistaken for a known day, the interface always shows the precision beside it.
public struct FuzzyDate: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Every day the date may mean.
  public let range: DayRange
  /// How precise the source was.
  public let precision: DatePrecision
  /// The precision code of the dataset it came from, such as `acled:2` or `ucdp:4`.
  public let nativeCode: String?

  /// A date covering `range` with the given precision.
  public init(range: DayRange, precision: DatePrecision, nativeCode: String? = nil) {
    self.range = range
    self.precision = precision
    self.nativeCode = nativeCode
  }

  /// A known day.
  public static func day(_ day: Day, nativeCode: String? = nil) -> FuzzyDate {
    FuzzyDate(range: DayRange(day: day), precision: .day, nativeCode: nativeCode)
  }

  /// The ISO week (Monday to Sunday) containing `day`.
  public static func week(containing day: Day, nativeCode: String? = nil) -> FuzzyDate {
    let monday = day.advanced(by: 1 - day.isoWeekday)
    return FuzzyDate(
      range: DayRange(first: monday, last: monday.advanced(by: 6)), precision: .week,
      nativeCode: nativeCode)
  }

  /// The calendar month containing `day`.
  public static func month(containing day: Day, nativeCode: String? = nil) -> FuzzyDate {
    let (year, month, _) = day.civil
    let first = day.startOfMonth
    let last = first.advanced(by: Day.daysIn(month: month, year: year) - 1)
    return FuzzyDate(
      range: DayRange(first: first, last: last), precision: .month, nativeCode: nativeCode)
  }

  /// The calendar year containing `day`.
  public static func year(containing day: Day, nativeCode: String? = nil) -> FuzzyDate {
    let year = day.civil.year
    let first = Day(year: year, month: 1, day: 1) ?? day
    let last = Day(year: year, month: 12, day: 31) ?? day
    return FuzzyDate(
      range: DayRange(first: first, last: last), precision: .year, nativeCode: nativeCode)
  }

  enum CodingKeys: String, CodingKey {
    case text, first, last, precision, code
  }

  /// Encodes the canonical text beside the span and precision, for JSON readers.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(description, forKey: .text)
    try container.encode(first, forKey: .first)
    try container.encode(last, forKey: .last)
    try container.encode(precision, forKey: .precision)
    try container.encodeIfPresent(nativeCode, forKey: .code)
  }

  /// Decodes what `encode(to:)` writes.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      range: DayRange(
        first: try container.decode(Day.self, forKey: .first),
        last: try container.decode(Day.self, forKey: .last)),
      precision: try container.decode(DatePrecision.self, forKey: .precision),
      nativeCode: try container.decodeIfPresent(String.self, forKey: .code))
  }

  /// The earliest day the date may mean; timelines sort by it.
  public var first: Day { range.first }

  /// The latest day the date may mean.
  public var last: Day { range.last }

  /// The canonical text: `2020-12-17`, `2020-W51`, `2020-12`, `2020`, or `first/last`.
  public var description: String {
    switch precision {
    case .day where range.count == 1:
      return range.first.description
    case .week where self.withoutCode == FuzzyDate.week(containing: range.first):
      let (isoYear, week) = FuzzyDate.isoWeek(of: range.first)
      return "\(Day.pad(isoYear, 4))-W\(Day.pad(week, 2))"
    case .month where self.withoutCode == FuzzyDate.month(containing: range.first):
      let (year, month, _) = range.first.civil
      return "\(Day.pad(year, 4))-\(Day.pad(month, 2))"
    case .year where self.withoutCode == FuzzyDate.year(containing: range.first):
      return Day.pad(range.first.civil.year, 4)
    case .day, .week, .month, .year, .span:
      return range.description
    }
  }

  /// Whether the canonical text alone gives back this date (no precision or code to add).
  public var isCanonical: Bool {
    nativeCode == nil && (try? FuzzyDate(parsing: description)) == self
  }

  private var withoutCode: FuzzyDate {
    FuzzyDate(range: range, precision: precision)
  }

  /// The ISO 8601 week-numbering year and week of a day.
  static func isoWeek(of day: Day) -> (year: Int, week: Int) {
    // The week belongs to the year of its Thursday.
    let thursday = day.advanced(by: 4 - day.isoWeekday)
    let year = thursday.civil.year
    let januaryFirst = Day(year: year, month: 1, day: 1) ?? thursday
    return (year, januaryFirst.distance(to: thursday) / 7 + 1)
  }
}

/// Why a date could not be read, with what was expected instead.
public struct DateSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text that was given.
  public let text: String
  /// What is wrong with it.
  public let problem: String

  /// The value as text.
  public var description: String {
    "'\(text)' is not a date: \(problem); expected YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www "
      + "or FIRST/LAST"
  }
}

extension FuzzyDate {
  /// Reads `2020-12-17`, `2020-W51`, `2020-12`, `2020` or `2020-03-11/2020-03-12`.
  public init(parsing text: String) throws(DateSyntaxError) {
    let trimmed = text.trimmingASCIIWhitespace()
    if let slash = trimmed.firstIndex(of: "/") {
      let firstText = trimmed[..<slash]
      let lastText = trimmed[trimmed.index(after: slash)...]
      guard let first = Day(iso: firstText) else {
        throw DateSyntaxError(text: text, problem: "'\(firstText)' is not a day")
      }
      guard let last = Day(iso: lastText) else {
        throw DateSyntaxError(text: text, problem: "'\(lastText)' is not a day")
      }
      guard first <= last else {
        throw DateSyntaxError(text: text, problem: "the span ends before it starts")
      }
      self =
        first == last
        ? .day(first) : FuzzyDate(range: DayRange(first: first, last: last), precision: .span)
      return
    }
    let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    guard let yearText = parts.first, yearText.count == 4, yearText.allSatisfy(\.isASCIIDigit),
      let year = Int(yearText), year >= 1
    else {
      throw DateSyntaxError(text: text, problem: "it does not start with a four-digit year")
    }
    switch parts.count {
    case 1:
      guard let first = Day(year: year, month: 1, day: 1) else {
        throw DateSyntaxError(text: text, problem: "year out of range")
      }
      self = .year(containing: first)
    case 2 where parts[1].hasPrefix("W"):
      let weekText = parts[1].dropFirst()
      guard weekText.count == 2, weekText.allSatisfy(\.isASCIIDigit), let week = Int(weekText),
        (1...53).contains(week), let january4 = Day(year: year, month: 1, day: 4)
      else {
        throw DateSyntaxError(text: text, problem: "the week must be W01 to W53")
      }
      let monday = january4.advanced(by: 1 - january4.isoWeekday + (week - 1) * 7)
      guard FuzzyDate.isoWeek(of: monday).year == year else {
        throw DateSyntaxError(text: text, problem: "\(year) has no week \(week)")
      }
      self = .week(containing: monday)
    case 2:
      guard parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit), let month = Int(parts[1]),
        let first = Day(year: year, month: month, day: 1)
      else {
        throw DateSyntaxError(text: text, problem: "the month must be 01 to 12")
      }
      self = .month(containing: first)
    case 3:
      guard let day = Day(iso: trimmed) else {
        throw DateSyntaxError(text: text, problem: "no such day")
      }
      self = .day(day)
    default:
      throw DateSyntaxError(text: text, problem: "too many parts")
    }
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0 to 9.
  public var isASCIIDigit: Bool {
    guard let ascii = asciiValue else { return false }
    return ascii >= 48 && ascii <= 57
  }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
  /// The text without ASCII spaces, tabs and line breaks at either end.
  ///
  /// Inlinable so callers in other modules get a version specialised for their string type;
  /// import code calls it on every field of a million rows.
  @inlinable
  public func trimmingASCIIWhitespace() -> String {
    let bytes = utf8
    func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    guard let first = bytes.first, let last = bytes.last else { return "" }
    if !isSpace(first) && !isSpace(last) { return String(self) }
    guard let start = bytes.firstIndex(where: { !isSpace($0) }),
      let end = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: bytes[start...end], as: UTF8.self)
  }
}
