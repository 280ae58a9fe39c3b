/// How precisely a source dates something: the span a reported date may mean.
public enum DatePrecision: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
  /// A known day.
  case day
  /// Some day of a known ISO week (Monday to Sunday).
  case week
  /// Some day of a known month.
  case month
  /// Some day of a known year.
  case year
  /// Some day of an explicit span, as UCDP gives with `date_start` and `date_end`.
  case span

  var order: Int {
    switch self {
    case .day: 0
    case .week: 1
    case .month: 2
    case .year: 3
    case .span: 4
    }
  }

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool {
    lhs.order < rhs.order
  }
}
