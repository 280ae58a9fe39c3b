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
  /// ACLED's actor-type code (1–8), when imported from ACLED: the type it has in most of
  /// the events where it is a principal (`actor1`, `actor2`).
  public var acledTypeCode: Int?
  /// Every ACLED type it has been a principal under, and in how many events, the most
  /// frequent first: the analyst sees a militia that ACLED also codes as rebels.
  public var acledTypes: [ACLEDTypeCount] = []

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

/// How many events gave an actor one ACLED type as a principal.
public struct ACLEDTypeCount: Hashable, Sendable, Codable {
  /// The ACLED actor type, 1–8.
  public var type: Int
  /// In how many events.
  public var events: Int

  /// A count from its fields.
  public init(type: Int, events: Int) {
    self.type = type
    self.events = events
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
