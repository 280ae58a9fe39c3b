import MusterDomain

/// A header row mapped to column positions, and typed access to a record's fields with a
/// positioned problem for every value that does not parse.
struct EventDatasetColumns {
  let names: [String]
  let positions: [String: Int]
  let file: String

  init(header: [String], file: String) {
    let cleaned = header.map { $0.trimmingASCIIWhitespace().lowercased() }
    names = cleaned
    var positions: [String: Int] = [:]
    for (index, name) in cleaned.enumerated() where positions[name] == nil {
      positions[name] = index
    }
    self.positions = positions
    self.file = file
  }

  func has(_ name: String) -> Bool { positions[name] != nil }

  /// The required columns a header lacks.
  func missing(_ required: [String]) -> [String] {
    required.filter { positions[$0] == nil }
  }
}

/// One record being read: its fields by column name, collecting problems.
struct EventDatasetRow {
  let columns: EventDatasetColumns
  let fields: [String]
  let line: Int
  var problems: [ImportProblem] = []

  /// The trimmed text of a column; empty when the column is absent.
  func text(_ name: String) -> String {
    guard let index = columns.positions[name], index < fields.count else { return "" }
    return fields[index].trimmingASCIIWhitespace()
  }

  /// The text, or `nil` when empty or absent.
  func optional(_ name: String) -> String? {
    let value = text(name)
    return value.isEmpty ? nil : value
  }

  /// Records a problem with a column's value.
  mutating func problem(_ name: String, _ message: String) {
    let column = (columns.positions[name] ?? -1) + 1
    problems.append(
      ImportProblem(file: columns.file, line: line, column: column, message: message))
  }

  /// A problem quoting the value, cut to a readable length.
  mutating func bad(_ name: String, expected: String) {
    var value = text(name)
    if value.count > 60 { value = String(value.prefix(57)) + "..." }
    problem(name, "\(name) '\(value)' is not valid; expected \(expected)")
  }

  /// A required non-empty value.
  mutating func required(_ name: String) -> String? {
    guard let value = optional(name) else {
      problem(name, "\(name) is empty; expected a value")
      return nil
    }
    return value
  }

  /// An integer within `range`, `nil` when empty; a problem when malformed.
  mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
    guard let value = optional(name) else { return nil }
    guard let number = Int(value), range.contains(number) else {
      bad(name, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
      return nil
    }
    return number
  }

  /// A coordinate in `range`, `nil` when empty.
  mutating func coordinate(_ name: String, in range: ClosedRange<Double>) -> Double? {
    guard let value = optional(name) else { return nil }
    guard let number = Double(value), number.isFinite, range.contains(number) else {
      bad(name, expected: "a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))")
      return nil
    }
    return number
  }

  /// A `;`-separated list, trimmed, empty items dropped.
  func list(_ name: String) -> [String] {
    let value = text(name)
    if value.isEmpty { return [] }
    if !value.utf8.contains(UInt8(ascii: ";")) { return [value] }
    return value.split(separator: ";").map { $0.trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
  }
}

/// Dates as event datasets write them: `2023-02-16`, `16-02-2023`, `16/02/2023`,
/// `16 February 2023`, `16-February-2023`, `16 Feb 2023`.
enum EventDatasetDate {
  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  static func parse(_ text: String) -> Day? {
    if let day = Day(iso: text) { return day }
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " })
    guard parts.count == 3, let dayNumber = Int(parts[0]), let year = Int(parts[2]),
      parts[2].count == 4
    else { return nil }
    let month: Int
    if let number = Int(parts[1]) {
      month = number
    } else {
      let name = parts[1].lowercased()
      guard name.count >= 3,
        let index = months.firstIndex(where: { $0 == name || $0.hasPrefix(name) && name.count == 3 }
        )
      else { return nil }
      month = index + 1
    }
    return Day(year: year, month: month, day: dayNumber)
  }
}
