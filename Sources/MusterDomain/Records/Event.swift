/// Something that happened on a fuzzy date: an agreement, a strike, a handover, a statement.
///
/// A statement is an event of kind `statement` with a speaker, the venue document among its
/// citations, the quote and what it is about.
public struct Event: Hashable, Sendable, Codable {
  /// Its slug, such as `event:fifth-corps-receives-border-points`.
  public var id: ID<Event>
  /// What sort of event it is.
  public var kind: EventKind
  /// When it happened, as precisely as known.
  public var date: FuzzyDate
  /// Where it happened.
  public var site: ID<Site>?
  /// How precisely the event is placed at its site, when its dataset says so.
  ///
  /// The dataset says it for the event itself (ACLED `geo_precision`, UCDP `where_prec`):
  /// two events at one site can be placed differently. `nil` means as precisely as the
  /// site's own location.
  public var locationPrecision: LocationPrecision?
  /// The dataset's own code for that precision (`acled:2`, `ucdp:4`).
  public var locationCode: String?
  /// Who took part, and how.
  public var participants: [Participant]
  /// Deaths reported.
  public var fatalities: Estimate?
  /// What happened, in a sentence or two.
  public var summary: String
  /// The words said, for a statement.
  public var quote: String?
  /// What a statement is about.
  public var about: [RecordReference]
  /// The event's id in the dataset it came from (ACLED `event_id_cnty`, UCDP `id`).
  public var externalID: String?
  /// The dataset's own last-modified stamp, for re-imports (ACLED `timestamp`).
  public var sourceTimestamp: Int?
  /// The dataset's own classification, kept verbatim (ACLED disorder, event, sub-event type).
  public var classification: [String]
  /// Free-form tags.
  public var tags: [String]
  /// How it changed deployments.
  public var effects: [DeploymentEffect]
  /// How an analyst judges the claim.
  public var analystStatus: AnalystStatus
  /// Anything else an analyst should know.
  public var note: String?
  /// The documents that report it.
  public var citations: [Citation]

  /// An event from its fields.
  public init(
    id: ID<Event>, kind: EventKind, date: FuzzyDate, site: ID<Site>? = nil,
    participants: [Participant] = [], fatalities: Estimate? = nil, summary: String,
    quote: String? = nil, about: [RecordReference] = [], externalID: String? = nil,
    sourceTimestamp: Int? = nil, classification: [String] = [], tags: [String] = [],
    effects: [DeploymentEffect] = [], analystStatus: AnalystStatus = .unverified,
    note: String? = nil, citations: [Citation] = [], locationPrecision: LocationPrecision? = nil,
    locationCode: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.date = date
    self.site = site
    self.locationPrecision = locationPrecision
    self.locationCode = locationCode
    self.participants = participants
    self.fatalities = fatalities
    self.summary = summary
    self.quote = quote
    self.about = about
    self.externalID = externalID
    self.sourceTimestamp = sourceTimestamp
    self.classification = classification
    self.tags = tags
    self.effects = effects
    self.analystStatus = analystStatus
    self.note = note
    self.citations = citations
  }
}

/// What sort of event a record is.
public enum EventKind: String, CaseIterable, Hashable, Sendable, Codable {
  case agreement
  case handover
  case withdrawal
  case deployment
  case strike
  case clash
  case statement
  case other
}

/// One actor's part in an event.
public struct Participant: Hashable, Sendable, Codable {
  /// Who.
  public var actor: ID<ForceActor>
  /// How.
  public var role: ParticipantRole
  /// ACLED's actor type for this event (its `inter1` or `inter2` code, 1–8), when the
  /// actor is one of its principals: an actor's type can differ from event to event.
  public var acledType: Int?

  /// A participant from its fields.
  public init(_ actor: ID<ForceActor>, _ role: ParticipantRole, acledType: Int? = nil) {
    self.actor = actor
    self.role = role
    self.acledType = acledType
  }
}

/// How an actor took part in an event.
public enum ParticipantRole: String, CaseIterable, Hashable, Sendable, Codable {
  case actor1
  case actor2
  case associated
  case speaker
  case target
}

/// How an event changed one deployment.
public struct DeploymentEffect: Hashable, Sendable, Codable {
  /// The deployment changed.
  public var deployment: ID<Deployment>
  /// The change.
  public var change: Change

  /// An effect from its fields.
  public init(_ deployment: ID<Deployment>, _ change: Change) {
    self.deployment = deployment
    self.change = change
  }

  /// What an event did to a deployment.
  public enum Change: Hashable, Sendable, Codable {
    /// The deployment began with this event.
    case begins
    /// The deployment ended with this event.
    case ends
    /// The deployment's status changed.
    case status(DeploymentStatus)
    /// The deployment's strength changed.
    case strength(Strength)
  }
}
