/// One whole day, counted from 1970-01-01; the domain's unit of time.
///
/// Sources rarely give hours, and whole days keep time zones out of the domain. Conversion
/// to and from the civil calendar uses integer arithmetic only (proleptic Gregorian).
public struct Day: Hashable, Comparable, Sendable, Strideable, CustomStringConvertible, Codable {
  /// Days since 1970-01-01; negative before it.
  public let daysSinceEpoch: Int

  /// The day a number of days after 1970-01-01.
  public init(daysSinceEpoch: Int) {
    self.daysSinceEpoch = daysSinceEpoch
  }

  /// The day with the given calendar date, or `nil` if there is no such date.
  @inlinable
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
  }

  /// The calendar date of this day.
  public var civil: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil_from_days.
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// Monday is 1, Sunday is 7 (ISO 8601).
  public var isoWeekday: Int {
    // 1970-01-01 was a Thursday (4).
    let remainder = (daysSinceEpoch + 3) % 7
    return (remainder < 0 ? remainder + 7 : remainder) + 1
  }

  /// The date as `YYYY-MM-DD`.
  public var description: String {
    let (year, month, day) = civil
    return "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))"
  }

  /// Parses `YYYY-MM-DD`, or returns `nil`.
  ///
  /// Reads the ten bytes at fixed positions: imports parse a date on each of a million rows.
  @inlinable
  public init?(iso text: some StringProtocol) {
    var year = 0
    var month = 0
    var day = 0
    var count = 0
    for byte in text.utf8 {
      switch count {
      case 4, 7:
        guard byte == UInt8(ascii: "-") else { return nil }
      case 0...9:
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        let digit = Int(byte - 0x30)
        if count < 4 {
          year = year * 10 + digit
        } else if count < 7 {
          month = month * 10 + digit
        } else {
          day = day * 10 + digit
        }
      default:
        return nil
      }
      count += 1
    }
    guard count == 10 else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The number of days in a month of a year.
  @inlinable
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Whether a year of the Gregorian calendar has 366 days.
  @inlinable
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let sign = value < 0 ? "-" : ""
    return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: Day, rhs: Day) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }

  /// The number of days from this day to another.
  public func distance(to other: Day) -> Int {
    other.daysSinceEpoch - daysSinceEpoch
  }

  /// The day a number of days later (or earlier, when negative).
  public func advanced(by count: Int) -> Day {
    Day(daysSinceEpoch: daysSinceEpoch + count)
  }

  /// Decodes the value from its text form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a date like 2020-12-31")
    }
    self = day
  }

  /// Encodes the value as its text form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension Day {
  /// The first day of the month this day falls in.
  public var startOfMonth: Day {
    let (year, month, _) = civil
    return Day(year: year, month: month, day: 1) ?? self
  }

  /// The same day of the month `count` months later (clamped to the month's length).
  public func addingMonths(_ count: Int) -> Day {
    let (year, month, day) = civil
    let total = year * 12 + (month - 1) + count
    let newYear = total / 12
    let newMonth = total % 12 + 1
    guard (1...9999).contains(newYear) else { return self }
    let newDay = min(day, Day.daysIn(month: newMonth, year: newYear))
    return Day(year: newYear, month: newMonth, day: newDay) ?? self
  }
}
