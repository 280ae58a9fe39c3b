/// A stable record identifier that remembers which kind of record it names.
///
/// `ID<Site>` and `ID<ForceActor>` are different types, so passing a site where an actor is
/// expected does not compile. The raw value is the slug the store and the dataset files use,
/// such as `site:imam-ali-base`.
public struct ID<Record>: Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
  CustomStringConvertible, Codable
{
  /// The slug, such as `actor:fatemiyoun`.
  public let rawValue: String

  /// Wraps a slug.
  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  /// Wraps a slug written as a literal.
  public init(stringLiteral rawValue: String) {
    self.rawValue = rawValue
  }

  /// Decodes the slug from a single string.
  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the slug as a single string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The value as text.
  public var description: String { rawValue }

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: ID, rhs: ID) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
