/// How reliable a source is, on the Admiralty scale: A completely reliable … F cannot be judged.
public enum Reliability: String, CaseIterable, Hashable, Comparable, Sendable, Codable {
  case a = "A"
  case b = "B"
  case c = "C"
  case d = "D"
  case e = "E"
  case f = "F"

  /// 1 for A through 6 for F; lower is better.
  public var rank: Int {
    switch self {
    case .a: 1
    case .b: 2
    case .c: 3
    case .d: 4
    case .e: 5
    case .f: 6
    }
  }

  /// The grade with the given rank, or `nil` outside 1…6.
  public init?(rank: Int) {
    guard let value = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
    self = value
  }

  /// The Admiralty code's words for this grade.
  public var meaning: String {
    switch self {
    case .a: "completely reliable"
    case .b: "usually reliable"
    case .c: "fairly reliable"
    case .d: "not usually reliable"
    case .e: "unreliable"
    case .f: "reliability cannot be judged"
    }
  }

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: Reliability, rhs: Reliability) -> Bool {
    lhs.rank < rhs.rank
  }
}
