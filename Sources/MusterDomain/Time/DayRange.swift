/// A closed span of days, such as the days a fuzzy date may mean.
public struct DayRange: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The first day of the span.
  public let first: Day
  /// The last day of the span, never before `first`.
  public let last: Day

  /// A span from `first` to `last`; the two are swapped if given in the wrong order.
  public init(first: Day, last: Day) {
    self.first = min(first, last)
    self.last = max(first, last)
  }

  /// The span of one day.
  public init(day: Day) {
    first = day
    last = day
  }

  /// Whether `day` falls within the span, ends included.
  public func contains(_ day: Day) -> Bool {
    first <= day && day <= last
  }

  /// How many days the span covers.
  public var count: Int { first.distance(to: last) + 1 }

  /// `first/last` in ISO 8601 interval form, or one date for a single day.
  public var description: String {
    first == last ? first.description : "\(first)/\(last)"
  }
}
