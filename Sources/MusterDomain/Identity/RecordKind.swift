/// The kinds of record Muster keeps, in the order lists and search results group them.
public enum RecordKind: String, CaseIterable, Hashable, Comparable, Sendable, Codable,
  CodingKeyRepresentable
{
  case actor
  case site
  case deployment
  case event
  case relation
  case source
  case document
  case note

  /// The word for one record of this kind, as the interface shows it.
  public var singular: String { rawValue }

  /// The word for several records of this kind.
  public var plural: String {
    switch self {
    case .actor: "actors"
    case .site: "sites"
    case .deployment: "deployments"
    case .event: "events"
    case .relation: "relations"
    case .source: "sources"
    case .document: "documents"
    case .note: "notes"
    }
  }

  /// The prefix its identifiers start with, such as `actor:`.
  public var idPrefix: String { rawValue + ":" }

  /// The kind an identifier names, read from its prefix (`site:albu-kamal` is a site).
  public init?(identifier: String) {
    guard let colon = identifier.firstIndex(of: ":") else { return nil }
    self.init(rawValue: String(identifier[..<colon]))
  }

  /// A small number that orders kinds as `allCases` lists them; also the store's kind code.
  public var code: Int {
    switch self {
    case .actor: 1
    case .site: 2
    case .deployment: 3
    case .event: 4
    case .relation: 5
    case .source: 6
    case .document: 7
    case .note: 8
    }
  }

  /// The kind with the given store code, or `nil`.
  public init?(code: Int) {
    guard let kind = Self.allCases.first(where: { $0.code == code }) else { return nil }
    self = kind
  }

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: RecordKind, rhs: RecordKind) -> Bool {
    lhs.code < rhs.code
  }
}
