/// How credible one piece of information is, on the Admiralty scale: 1 confirmed … 6 cannot be judged.
public enum Credibility: Int, CaseIterable, Hashable, Comparable, Sendable, Codable {
  case confirmed = 1
  case probablyTrue = 2
  case possiblyTrue = 3
  case doubtful = 4
  case improbable = 5
  case cannotBeJudged = 6

  /// The Admiralty code's words for this grade.
  public var meaning: String {
    switch self {
    case .confirmed: "confirmed by other sources"
    case .probablyTrue: "probably true"
    case .possiblyTrue: "possibly true"
    case .doubtful: "doubtful"
    case .improbable: "improbable"
    case .cannotBeJudged: "truth cannot be judged"
    }
  }

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: Credibility, rhs: Credibility) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
