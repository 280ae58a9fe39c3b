/// The Admiralty grade of a claim: its source's reliability and the information's credibility.
///
/// Written like `C3`. A claim's display grade is that of its best citation.
public struct Grade: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// How reliable the source is.
  public let reliability: Reliability
  /// How credible the information is.
  public let credibility: Credibility

  /// A grade from its two parts.
  public init(_ reliability: Reliability, _ credibility: Credibility) {
    self.reliability = reliability
    self.credibility = credibility
  }

  /// Reads a grade such as `C3` (letter A–F, digit 1–6), or returns `nil`.
  public init?(_ text: some StringProtocol) {
    let characters = Array(text.uppercased())
    guard characters.count == 2,
      let reliability = Reliability(rawValue: String(characters[0])),
      let digit = characters[1].wholeNumberValue, characters[1].isASCIIDigit,
      let credibility = Credibility(rawValue: digit)
    else { return nil }
    self.init(reliability, credibility)
  }

  /// Both parts as good as or better than `other`'s (`B2` is at least `C3`; `A4` is not).
  public func isAtLeast(_ other: Grade) -> Bool {
    reliability <= other.reliability && credibility <= other.credibility
  }

  /// `C3`.
  public var description: String { "\(reliability.rawValue)\(credibility.rawValue)" }

  /// Better grades sort first: by reliability, then credibility.
  public static func < (lhs: Grade, rhs: Grade) -> Bool {
    (lhs.reliability.rank, lhs.credibility.rawValue)
      < (rhs.reliability.rank, rhs.credibility.rawValue)
  }

  /// Decodes the value from its text form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let grade = Grade(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a grade like C3")
    }
    self = grade
  }

  /// Encodes the value as its text form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
