import GRDB
import MusterDomain

/// Reading domain values out of rows, with a clear error for values this Muster does not know.
extension Row {
  /// A column's value, or an error (never a trap) for NULL in a non-optional or a value of
  /// the wrong type, as a database written by another tool may hold.
  func get<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
    do {
      return try decode(Value.self, forColumn: column)
    } catch {
      throw StoreError(
        .incompatible, path: "", "the database holds a value Muster cannot read in \(column)")
    }
  }

  /// A column's value by position, for loops over many rows (a name is looked up, and
  /// lowercased, on every call).
  func get<Value: DatabaseValueConvertible>(at index: Int) throws -> Value {
    do {
      return try decode(Value.self, atIndex: index)
    } catch {
      throw StoreError(
        .incompatible, path: "", "the database holds a value Muster cannot read in column \(index)")
    }
  }

  /// A text column that may be NULL.
  func optionalText(_ column: String) throws -> String? {
    try get(column)
  }

  /// A text column decoded as one of the domain's string enums.
  func value<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws -> Value
  where Value.RawValue == String {
    let text: String = try get(column) ?? ""
    guard let value = Value(rawValue: text) else {
      throw StoreError(.incompatible, path: "", "unknown \(column) '\(text)' in the database")
    }
    return value
  }

  /// An optional text column decoded as one of the domain's string enums.
  func optionalValue<Value: RawRepresentable>(_ column: String, as type: Value.Type) throws
    -> Value?
  where Value.RawValue == String {
    guard let text: String = try get(column) else { return nil }
    guard let value = Value(rawValue: text) else {
      throw StoreError(.incompatible, path: "", "unknown \(column) '\(text)' in the database")
    }
    return value
  }

  /// The `FuzzyDate` stored in `<prefix>_first`, `_last`, `_precision` and `_code`.
  func fuzzyDate(_ prefix: String) throws -> FuzzyDate? {
    guard let first: Int = try get("\(prefix)_first"), let last: Int = try get("\(prefix)_last")
    else {
      return nil
    }
    let precision = try value("\(prefix)_precision", as: DatePrecision.self)
    return FuzzyDate(
      range: DayRange(first: Day(daysSinceEpoch: first), last: Day(daysSinceEpoch: last)),
      precision: precision, nativeCode: try get("\(prefix)_code"))
  }

  /// The `PeriodBound` stored in the date columns of `prefix` and `<prefix>_kind`.
  func bound(_ prefix: String) throws -> PeriodBound? {
    guard let date = try fuzzyDate(prefix) else { return nil }
    return PeriodBound(date, try optionalValue("\(prefix)_kind", as: BoundKind.self) ?? .known)
  }

  /// The `Estimate` in `<prefix>_low`, `_best` and `_high`, or `nil` when all are empty.
  func estimate(_ prefix: String) throws -> Estimate? {
    let estimate = Estimate(
      low: try get("\(prefix)_low"), best: try get("\(prefix)_best"),
      high: try get("\(prefix)_high"))
    return estimate.isEmpty ? nil : estimate
  }

  /// The `Strength` in the estimate columns of `prefix` and `<prefix>_unit`.
  func strength(_ prefix: String) throws -> Strength? {
    guard let estimate = try estimate(prefix) else { return nil }
    return Strength(
      estimate, unit: try optionalValue("\(prefix)_unit", as: StrengthUnit.self) ?? .personnel)
  }

  /// The cached grade in `grade_reliability` and `grade_credibility`.
  func grade() throws -> Grade? {
    guard let reliabilityRank: Int = try get("grade_reliability"),
      let reliability = Reliability(rank: reliabilityRank),
      let credibilityRank: Int = try get("grade_credibility"),
      let credibility = Credibility(rawValue: credibilityRank)
    else { return nil }
    return Grade(reliability, credibility)
  }
}

/// Arguments for the columns `Row.fuzzyDate` and `Row.bound` read.
enum ColumnValues {
  static func date(_ date: FuzzyDate?) -> [(any DatabaseValueConvertible)?] {
    guard let date else { return [nil, nil, nil, nil] }
    return [
      date.first.daysSinceEpoch, date.last.daysSinceEpoch, date.precision.rawValue,
      date.nativeCode,
    ]
  }

  static func bound(_ bound: PeriodBound?) -> [(any DatabaseValueConvertible)?] {
    date(bound?.date) + [bound?.kind.rawValue]
  }

  static func estimate(_ estimate: Estimate?) -> [(any DatabaseValueConvertible)?] {
    [estimate?.low, estimate?.best, estimate?.high]
  }

  static func strength(_ strength: Strength?) -> [(any DatabaseValueConvertible)?] {
    estimate(strength?.estimate) + [strength?.unit.rawValue]
  }

  static func grade(_ grade: Grade?) -> [(any DatabaseValueConvertible)?] {
    [grade?.reliability.rank, grade?.credibility.rawValue]
  }
}

/// Lists kept in one text column, separated by the ASCII unit separator.
enum PackedList {
  static let separator: Character = "\u{1F}"

  static func pack(_ items: [String]) -> String? {
    items.isEmpty ? nil : items.joined(separator: String(separator))
  }

  static func unpack(_ text: String?) -> [String] {
    guard let text, !text.isEmpty else { return [] }
    return text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
  }
}
