/// A publisher or outlet that claims reach Muster through, such as SOHR or al-Mayadin.
public struct Source: Hashable, Sendable, Codable {
  /// Its slug, such as `source:nahar-media`.
  public var id: ID<Source>
  /// The name it publishes under.
  public var name: String
  /// What sort of outlet it is.
  public var kind: SourceKind
  /// Where it is based, as a country name or ISO code.
  public var country: String?
  /// How reliable it is judged to be (Admiralty A–F).
  public var reliability: Reliability
  /// Why it was graded so, or anything else an analyst should know.
  public var note: String?

  /// A source from its fields.
  public init(
    id: ID<Source>, name: String, kind: SourceKind, country: String? = nil,
    reliability: Reliability, note: String? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.country = country
    self.reliability = reliability
    self.note = note
  }
}

/// What sort of outlet a source is.
public enum SourceKind: String, CaseIterable, Hashable, Sendable, Codable {
  case news
  case thinkTank = "think_tank"
  case government
  case stateMedia = "state_media"
  case ngo
  case dataset
  case social
  case wire
}
