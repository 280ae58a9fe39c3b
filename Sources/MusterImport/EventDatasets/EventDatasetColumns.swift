import MusterDomain

/// A header row mapped to column positions, and typed access to a record's fields with a
/// positioned problem for every value that does not parse.
struct EventDatasetColumns {
  let names: [String]
  let positions: [String: Int]
  let file: String
  /// The import's normalised names (see `NameText.Cache`).
  let nameCache = NameText.Cache()

  /// Columns from a header row; `aliases` maps older names to the current ones
  /// (`ally_actor_1` to `assoc_actor_1`), used when the current one is absent.
  init(header: [String], file: String, aliases: [String: String] = [:]) {
    var cleaned = header.map { $0.trimmingASCIIWhitespace().lowercased() }
    // A byte-order mark before the header, as spreadsheets write one.
    if let first = cleaned.first, first.hasPrefix("\u{FEFF}") {
      cleaned[0] = String(first.dropFirst()).trimmingASCIIWhitespace()
    }
    names = cleaned
    var positions: [String: Int] = [:]
    for (index, name) in cleaned.enumerated() where positions[name] == nil {
      positions[name] = index
    }
    for (old, current) in aliases where positions[current] == nil {
      if let index = positions[old] { positions[current] = index }
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

  /// A name in a column, with its spaces made plain and single and its characters composed
  /// (NFC), so one name written two ways is one record; `nil` when empty.
  func name(_ column: String) -> String? {
    let value = columns.nameCache.normalized(text(column))
    return value.isEmpty ? nil : value
  }

  /// The text, or `nil` when empty or absent.
  func optional(_ name: String) -> String? {
    let value = text(name)
    return value.isEmpty ? nil : value
  }

  /// Records a problem with a column's value; `reason` groups it in the summary (by
  /// default `invalid COLUMN`).
  mutating func problem(_ name: String, _ message: String, reason: String? = nil) {
    let column = (columns.positions[name] ?? -1) + 1
    problems.append(
      ImportProblem(
        file: columns.file, line: line, column: column, message: message,
        reason: reason ?? "invalid \(name)"))
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
      problem(name, "\(name) is empty; expected a value", reason: "empty \(name)")
      return nil
    }
    return value
  }

  /// A required name, normalised (see `name(_:)`).
  mutating func requiredName(_ column: String) -> String? {
    guard let value = name(column) else {
      problem(column, "\(column) is empty; expected a value", reason: "empty \(column)")
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

  /// A `;`-separated list of names, normalised, each once (`SOHR;SOHR` is one source).
  func names(_ column: String, separator: Character = ";") -> [String] {
    let value = text(column)
    if value.isEmpty { return [] }
    var seen: Set<String> = []
    return value.split(separator: separator).compactMap { part in
      let name = columns.nameCache.normalized(String(part))
      guard !name.isEmpty, seen.insert(name).inserted else { return nil }
      return name
    }
  }
}
