/// The claim that an actor is at a site in some role over a period.
///
/// Status changes over time come from events' effects; `status` is the state at the start
/// of the period. A handover links the old holder's deployment to the new one's through
/// `successor`.
public struct Deployment: Hashable, Sendable, Codable {
  /// Its slug, such as `deployment:russian-forces-albu-kamal-border`.
  public var id: ID<Deployment>
  /// Who is there.
  public var actor: ID<ForceActor>
  /// Where.
  public var site: ID<Site>
  /// In what capacity.
  public var role: DeploymentRole
  /// The state at the start of the period; events may change it later.
  public var status: DeploymentStatus
  /// How many, when known.
  public var strength: Strength?
  /// When.
  public var period: ClaimPeriod
  /// The deployment that took over from this one, in a handover.
  public var successor: ID<Deployment>?
  /// How an analyst judges the claim.
  public var analystStatus: AnalystStatus
  /// Anything else an analyst should know.
  public var note: String?
  /// The documents that make the claim.
  public var citations: [Citation]

  /// A deployment from its fields.
  public init(
    id: ID<Deployment>, actor: ID<ForceActor>, site: ID<Site>, role: DeploymentRole = .presence,
    status: DeploymentStatus = .present, strength: Strength? = nil,
    period: ClaimPeriod = ClaimPeriod(), successor: ID<Deployment>? = nil,
    analystStatus: AnalystStatus = .unverified, note: String? = nil, citations: [Citation] = []
  ) {
    self.id = id
    self.actor = actor
    self.site = site
    self.role = role
    self.status = status
    self.strength = strength
    self.period = period
    self.successor = successor
    self.analystStatus = analystStatus
    self.note = note
    self.citations = citations
  }
}

/// In what capacity an actor is at a site.
public enum DeploymentRole: String, CaseIterable, Hashable, Sendable, Codable {
  case presence
  case control
  case headquarters
  case checkpoint
}

extension Deployment {
  /// Whether Muster worked it out from field data (`TerritoryInference`) rather than
  /// someone claiming it; an analyst's claim outranks it.
  public var isInferred: Bool {
    analystStatus == .inferred || id.rawValue.hasPrefix(Self.inferredIDPrefix)
  }

  /// The start of every inferred position's id: `deployment:inferred:<event>/<role>/<actor>`.
  public static let inferredIDPrefix = "deployment:inferred:"
}

/// The state of a deployment.
public enum DeploymentStatus: String, CaseIterable, Hashable, Sendable, Codable {
  case planned
  case deploying
  case present
  case reduced
  case withdrawing
  case handedOver = "handed_over"
  case withdrawn

  /// Whether the actor still holds the site in this state (planned and withdrawn do not).
  public var isHolding: Bool {
    switch self {
    case .deploying, .present, .reduced, .withdrawing: true
    case .planned, .handedOver, .withdrawn: false
    }
  }
}
