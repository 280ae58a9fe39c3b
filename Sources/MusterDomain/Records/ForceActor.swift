/// A state, force, unit, militia, organisation or person that holds or contests positions.
///
/// Called `ForceActor` because a type named `Actor` would shadow Swift's `Actor` protocol;
/// the interface and the store still say "actor".
public struct ForceActor: Hashable, Sendable, Codable {
  /// Its slug, such as `actor:fatemiyoun`.
  public var id: ID<ForceActor>
  /// The name Muster shows.
  public var name: String
  /// What sort of actor it is.
  public var kind: ActorKind
  /// The country it belongs to, as a name or ISO code.
  public var country: String?
  /// Every other spelling, in any script.
  public var aliases: [Alias]
  /// What it is, in a sentence or two.
  public var description: String?
  /// ACLED's actor-type code (1–8), when imported from ACLED.
  public var acledTypeCode: Int?

  /// An actor from its fields.
  public init(
    id: ID<ForceActor>, name: String, kind: ActorKind, country: String? = nil,
    aliases: [Alias] = [], description: String? = nil, acledTypeCode: Int? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.country = country
    self.aliases = aliases
    self.description = description
    self.acledTypeCode = acledTypeCode
  }
}

/// What sort of actor a record is.
public enum ActorKind: String, CaseIterable, Hashable, Sendable, Codable {
  case state
  case armedForce = "armed_force"
  case branch
  case unit
  case militia
  case coalition
  case organization
  case person
}
