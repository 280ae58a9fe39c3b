import ArgumentParser
import MusterDomain

/// A date on the command line: any `FuzzyDate` form; "as of" it means its last day.
struct DateArgument: ExpressibleByArgument {
  let date: FuzzyDate

  init?(argument: String) {
    guard let date = try? FuzzyDate(parsing: argument) else { return nil }
    self.date = date
  }

  static var defaultCompletionKind: CompletionKind { .default }

  /// The day "as of" this date means: its last day (as of 2020-12 is as of 2020-12-31).
  var asOf: Day { date.last }
}

/// Kinds of record as the command line names them, singular or plural.
struct KindArgument: ExpressibleByArgument {
  let kind: RecordKind

  init?(argument: String) {
    let word = argument.lowercased()
    guard
      let kind = RecordKind.allCases.first(where: { $0.rawValue == word || $0.plural == word })
        ?? (word == "statement" || word == "statements" ? .event : nil)
    else { return nil }
    self.kind = kind
  }

  static var allValueStrings: [String] { RecordKind.allCases.map(\.plural) }
}

/// The day commands show state as of when `--as-of` is not given: the end of the data.
func defaultAsOf(_ catalog: some CatalogReading, _ argument: DateArgument?) throws -> Day? {
  if let argument { return argument.asOf }
  return try catalog.summary().span?.last
}
