/// A reference to any record, when the kind is only known at run time.
///
/// Notes, pins, search results and links in the detail pane point at records of every
/// kind; they carry a `RecordReference`, which the typed `ID` converts to and from.
public struct RecordReference: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// What kind of record this is.
  public let kind: RecordKind
  /// The record's slug, such as `site:imam-ali-base`.
  public let rawValue: String

  /// A reference from a slug whose prefix names its kind, or `nil` for an unknown prefix.
  public init?(_ rawValue: String) {
    guard let kind = RecordKind(identifier: rawValue) else { return nil }
    self.kind = kind
    self.rawValue = rawValue
  }

  /// A reference with an explicit kind, for identifiers from outside Muster.
  public init(kind: RecordKind, rawValue: String) {
    self.kind = kind
    self.rawValue = rawValue
  }

  /// Decodes the value from its text form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let reference = RecordReference(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' does not start with a record kind")
    }
    self = reference
  }

  /// Encodes the value as its text form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// The value as text.
  public var description: String { rawValue }

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: RecordReference, rhs: RecordReference) -> Bool {
    (lhs.kind, lhs.rawValue) < (rhs.kind, rhs.rawValue)
  }
}

extension ID {
  /// This identifier as a reference of the given kind.
  public func reference(_ kind: RecordKind) -> RecordReference {
    RecordReference(kind: kind, rawValue: rawValue)
  }
}
