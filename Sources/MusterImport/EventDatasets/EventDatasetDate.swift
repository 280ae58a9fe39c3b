import MusterDomain

/// How a file writes day and month in dates like `05/09/2020`.
public enum DateOrder: String, CaseIterable, Sendable {
  /// Day, month, year: 5 September 2020.
  case dmy
  /// Month, day, year: May 9, 2020.
  case mdy
}

/// Dates as event datasets and the spreadsheets that re-save them write them.
///
/// `2020-05-09`, `2020-5-9`, `2020-05-09T00:00:00`, `2020/05/09`, `09-05-2020`, `31-12-19`,
/// `9 May 2020`, `9-May-20`, `09-May-20`, `9 May 20`, `May 9, 2020`, `9 September 2020`,
/// `05/09/2020`. Numbers joined by `-` or `.` are day first, as spreadsheets in day-first
/// locales write them; numbers joined by `/` are day first or month first as the file
/// writes them (`DateOrder`), which one row that settles it decides for the whole file. A
/// two-digit year is the `year` column's year, which it must match, or without one
/// 1989–2088.
enum EventDatasetDate {
  /// What reading a date gave.
  enum Reading: Equatable {
    /// The day.
    case day(Day)
    /// A slash date, read once the file's order is known (`settles` finds it).
    case ambiguous(first: Int, second: Int, year: Int)
    /// Not a date; the reason, for the problem.
    case invalid(String)
  }

  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  /// Reads `text`, with the file's slash order if known and the row's `year` if given.
  static func read(_ text: String, order: DateOrder?, year: Int?) -> Reading {
    if let day = Day(iso: text) { return .day(day) }
    var body = Substring(text)
    // An ISO date with a time after it: the date.
    if let time = body.firstIndex(where: { $0 == "T" || $0 == " " }),
      body[..<time].utf8.count == 10, body[body.index(after: time)...].contains(":")
    {
      body = body[..<time]
    }
    let isSlashed = body.contains("/")
    let parts = body.split(whereSeparator: {
      $0 == "-" || $0 == "/" || $0 == "." || $0 == " " || $0 == ","
    })
    guard parts.count == 3 else { return .invalid("expected a day, a month and a year") }
    if parts[0].utf8.count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    {
      return day(year: y, month: m, day: d)
    }
    if let month = monthNumber(parts[0]) {
      // May 9, 2020
      guard let d = Int(parts[1]) else { return .invalid("expected a day after the month") }
      return resolve(year: parts[2], given: year) { day(year: $0, month: month, day: d) }
    }
    if let month = monthNumber(parts[1]) {
      // 9 May 2020, 9-May-20
      guard let d = Int(parts[0]) else { return .invalid("expected a day before the month") }
      return resolve(year: parts[2], given: year) { day(year: $0, month: month, day: d) }
    }
    guard let a = Int(parts[0]), let b = Int(parts[1]) else {
      return .invalid("expected numbers or a month's name")
    }
    return resolve(year: parts[2], given: year) { fullYear in
      guard isSlashed else { return day(year: fullYear, month: b, day: a) }
      switch order {
      case .dmy: return day(year: fullYear, month: b, day: a)
      case .mdy: return day(year: fullYear, month: a, day: b)
      case nil:
        // Even 13/05/2020 waits for the file's order: a file that writes both orders
        // must be refused, not read half one way and half the other.
        if a == b { return day(year: fullYear, month: b, day: a) }
        return .ambiguous(first: a, second: b, year: fullYear)
      }
    }
  }

  /// The order a slash date settles, if it settles one: a field above 12 is the day; a
  /// reading after `latest` (the row's upload stamp) cannot be the date.
  static func settles(_ text: String, latest: Day?) -> DateOrder? {
    guard text.contains("/") else { return nil }
    let parts = text.split(whereSeparator: { $0 == "/" || $0 == " " })
    guard parts.count >= 3, parts[0].utf8.count <= 2, let a = Int(parts[0]),
      let b = Int(parts[1]), a != b
    else { return nil }
    if a > 12, b <= 12 { return .dmy }
    if b > 12, a <= 12 { return .mdy }
    guard let latest, case .ambiguous(_, _, let year) = read(text, order: nil, year: nil),
      let dmy = Day(year: year, month: b, day: a), let mdy = Day(year: year, month: a, day: b)
    else { return nil }
    if dmy > latest, mdy <= latest { return .mdy }
    if mdy > latest, dmy <= latest { return .dmy }
    return nil
  }

  /// The day of a date already known to read, such as UCDP's `2016-01-01 00:00:00.000`.
  static func parse(_ text: String) -> Day? {
    if case .day(let day) = read(text, order: .dmy, year: nil) { return day }
    return nil
  }

  private static func day(year: Int, month: Int, day: Int) -> Reading {
    guard (1...12).contains(month) else { return .invalid("\(month) is not a month") }
    guard let value = Day(year: year, month: month, day: day) else {
      return .invalid("\(year)-\(month) has no day \(day)")
    }
    return .day(value)
  }

  private static func monthNumber(_ text: Substring) -> Int? {
    guard text.utf8.count >= 3, text.first?.isLetter == true else { return nil }
    let name = text.lowercased()
    guard
      let index = months.firstIndex(where: { $0 == name || ($0.hasPrefix(name) && name.count == 3) }
      )
    else { return nil }
    return index + 1
  }

  /// A two- or four-digit year, settled by the row's `year` when it is given.
  private static func resolve(
    year text: Substring, given: Int?, _ make: (Int) -> Reading
  ) -> Reading {
    guard let number = Int(text) else { return .invalid("'\(text)' is not a year") }
    switch text.utf8.count {
    case 4:
      return make(number)
    case 2:
      if let given {
        guard given % 100 == number else {
          return .invalid("the year '\(text)' does not match the year column's \(given)")
        }
        return make(given)
      }
      return make(number >= 89 ? 1900 + number : 2000 + number)
    default:
      return .invalid("'\(text)' is not a year of two or four digits")
    }
  }
}
