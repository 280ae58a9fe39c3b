/// A time-bounded claim that one actor stands in some relation to another.
///
/// "The Fatemiyoun operate under the guidance of the IRGC", with its sources.
public struct ActorRelation: Hashable, Sendable, Codable {
  /// Its slug, such as `relation:fatemiyoun-irgc`.
  public var id: ID<ActorRelation>
  /// The actor the relation is about.
  public var subject: ID<ForceActor>
  /// How the subject stands to the object.
  public var kind: RelationKind
  /// The other actor.
  public var object: ID<ForceActor>
  /// A role title, for `holdsPostIn` ("Minister of Foreign Affairs").
  public var role: String?
  /// When the relation held, as far as known.
  public var period: ClaimPeriod
  /// How an analyst judges the claim.
  public var analystStatus: AnalystStatus
  /// Anything else an analyst should know.
  public var note: String?
  /// The documents that make the claim.
  public var citations: [Citation]

  /// A relation from its fields.
  public init(
    id: ID<ActorRelation>, subject: ID<ForceActor>, kind: RelationKind, object: ID<ForceActor>,
    role: String? = nil, period: ClaimPeriod = ClaimPeriod(),
    analystStatus: AnalystStatus = .unverified, note: String? = nil, citations: [Citation] = []
  ) {
    self.id = id
    self.subject = subject
    self.kind = kind
    self.object = object
    self.role = role
    self.period = period
    self.analystStatus = analystStatus
    self.note = note
    self.citations = citations
  }
}

/// How one actor stands to another.
public enum RelationKind: String, CaseIterable, Hashable, Sendable, Codable {
  case partOf = "part_of"
  case memberOf = "member_of"
  case operatesUnderGuidanceOf = "operates_under_guidance_of"
  case supportedBy = "supported_by"
  case sponsoredBy = "sponsored_by"
  case alliedWith = "allied_with"
  case holdsPostIn = "holds_post_in"

  /// The phrase read from the subject's side: "part of".
  public var phrase: String {
    switch self {
    case .partOf: "part of"
    case .memberOf: "member of"
    case .operatesUnderGuidanceOf: "under the guidance of"
    case .supportedBy: "supported by"
    case .sponsoredBy: "sponsored by"
    case .alliedWith: "allied with"
    case .holdsPostIn: "holds a post in"
    }
  }

  /// The phrase read from the object's side: "has part".
  public var inversePhrase: String {
    switch self {
    case .partOf: "has part"
    case .memberOf: "has member"
    case .operatesUnderGuidanceOf: "guides"
    case .supportedBy: "supports"
    case .sponsoredBy: "sponsors"
    case .alliedWith: "allied with"
    case .holdsPostIn: "has in a post"
    }
  }
}
