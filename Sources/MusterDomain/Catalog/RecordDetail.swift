/// Everything known about one record, ready for the detail pane or `muster show`.
public enum RecordDetail: Hashable, Sendable, Codable {
  case actor(ActorDetail)
  case site(SiteDetail)
  case deployment(DeploymentDetail)
  case event(EventDetail)
  case relation(RelationDetail)
  case source(SourceDetail)
  case document(DocumentDetail)
  case note(NoteDetail)

  /// The record shown.
  public var record: RecordReference {
    switch self {
    case .actor(let detail): detail.actor.id.reference(.actor)
    case .site(let detail): detail.site.id.reference(.site)
    case .deployment(let detail): detail.state.deployment.id.reference(.deployment)
    case .event(let detail): detail.event.id.reference(.event)
    case .relation(let detail): detail.relation.id.reference(.relation)
    case .source(let detail): detail.source.id.reference(.source)
    case .document(let detail): detail.document.id.reference(.document)
    case .note(let detail): detail.note.id.reference(.note)
    }
  }

  /// The record's name or summary.
  public var title: String {
    switch self {
    case .actor(let detail): detail.actor.name
    case .site(let detail): detail.site.name
    case .deployment(let detail):
      "\(detail.state.actorName) at \(detail.state.siteName)"
    case .event(let detail): detail.event.summary
    case .relation(let detail):
      "\(detail.subject.title) \(detail.relation.kind.phrase) \(detail.object.title)"
    case .source(let detail): detail.source.name
    case .document(let detail): detail.document.title
    case .note(let detail): "Note by \(detail.note.author)"
    }
  }
}

/// An actor with its relations, positions, claims and notes.
public struct ActorDetail: Hashable, Sendable, Codable {
  /// The actor.
  public var actor: ForceActor
  /// Relations in which the actor is the subject or the object.
  public var relations: [RelationView]
  /// Deployments that count as of the day asked for, with their state then.
  public var positions: [DeploymentState]
  /// Every deployment claim about the actor.
  public var deployments: [DeploymentState]
  /// The most recent events it took part in.
  public var events: [Claim]
  /// How many events it took part in, in all.
  public var eventCount: Int
  /// Analysts' notes on it.
  public var notes: [Note]
  /// Records of other datasets that matching says are, or may be, the same actor.
  public var twins: [ReconcileProposal]
  /// Where it took part in events in the presence window before the day asked for.
  public var activity: [Presence]

  /// The history of the record's changes by analysts, newest first (the last ten).
  public var history: [RecordChange] = []

  /// A detail from its fields.
  public init(
    actor: ForceActor, relations: [RelationView], positions: [DeploymentState],
    deployments: [DeploymentState], events: [Claim], eventCount: Int, notes: [Note],
    twins: [ReconcileProposal] = [], activity: [Presence] = []
  ) {
    self.twins = twins
    self.activity = activity
    self.actor = actor
    self.relations = relations
    self.positions = positions
    self.deployments = deployments
    self.events = events
    self.eventCount = eventCount
    self.notes = notes
  }
}

/// A site with its surroundings, holders, claims and notes.
public struct SiteDetail: Hashable, Sendable, Codable {
  /// The site.
  public var site: Site
  /// The sites it lies in, nearest first.
  public var ancestors: [RecordLink]
  /// The sites that lie in it.
  public var children: [RecordLink]
  /// Deployments at it or inside it that count as of the day asked for.
  public var holders: [DeploymentState]
  /// Every deployment claim at it or inside it.
  public var deployments: [DeploymentState]
  /// The most recent events at it or inside it, as claims.
  public var events: [Claim]
  /// How many events happened at it or inside it, in all.
  public var eventCount: Int
  /// Analysts' notes on it.
  public var notes: [Note]
  /// Records of other datasets that matching says are, or may be, the same place.
  public var twins: [ReconcileProposal]
  /// The actors seen here (in events) in the presence window before the day asked for.
  public var seenHere: [Presence]

  /// The history of the record's changes by analysts, newest first (the last ten).
  public var history: [RecordChange] = []

  /// A detail from its fields.
  public init(
    site: Site, ancestors: [RecordLink], children: [RecordLink], holders: [DeploymentState],
    deployments: [DeploymentState], events: [Claim], eventCount: Int, notes: [Note],
    twins: [ReconcileProposal] = [], seenHere: [Presence] = []
  ) {
    self.twins = twins
    self.seenHere = seenHere
    self.site = site
    self.ancestors = ancestors
    self.children = children
    self.holders = holders
    self.deployments = deployments
    self.events = events
    self.eventCount = eventCount
    self.notes = notes
  }
}

/// A deployment with its state, handover links, the events that changed it, and sources.
public struct DeploymentDetail: Hashable, Sendable, Codable {
  /// The deployment and its state as of the day asked for.
  public var state: DeploymentState
  /// The actor.
  public var actor: RecordLink
  /// The site.
  public var site: RecordLink
  /// Events that began, ended or changed it, oldest first.
  public var effects: [EffectView]
  /// The documents that make the claim.
  public var citations: [CitedSource]
  /// Analysts' notes on it.
  public var notes: [Note]

  /// The history of the record's changes by analysts, newest first (the last ten).
  public var history: [RecordChange] = []

  /// A detail from its fields.
  public init(
    state: DeploymentState, actor: RecordLink, site: RecordLink, effects: [EffectView],
    citations: [CitedSource], notes: [Note]
  ) {
    self.state = state
    self.actor = actor
    self.site = site
    self.effects = effects
    self.citations = citations
    self.notes = notes
  }
}

/// An event with its place, participants, effects and sources.
public struct EventDetail: Hashable, Sendable, Codable {
  /// The event.
  public var event: Event
  /// The site.
  public var site: RecordLink?
  /// Who took part, and how.
  public var participants: [ParticipantView]
  /// What a statement is about.
  public var about: [RecordLink]
  /// How it changed deployments.
  public var effects: [EffectView]
  /// The documents that report it.
  public var citations: [CitedSource]
  /// Analysts' notes on it.
  public var notes: [Note]

  /// A detail from its fields.
  public init(
    event: Event, site: RecordLink?, participants: [ParticipantView], about: [RecordLink],
    effects: [EffectView], citations: [CitedSource], notes: [Note]
  ) {
    self.event = event
    self.site = site
    self.participants = participants
    self.about = about
    self.effects = effects
    self.citations = citations
    self.notes = notes
  }

  /// The grade of the best citation.
  public var grade: Grade? { citations.bestGrade }
}

/// A relation between two actors, with its sources.
public struct RelationDetail: Hashable, Sendable, Codable {
  /// The relation.
  public var relation: ActorRelation
  /// The relation's subject.
  public var subject: RecordLink
  /// The relation's object.
  public var object: RecordLink
  /// The documents that make the claim.
  public var citations: [CitedSource]
  /// Analysts' notes on it.
  public var notes: [Note]

  /// A detail from its fields.
  public init(
    relation: ActorRelation, subject: RecordLink, object: RecordLink, citations: [CitedSource],
    notes: [Note]
  ) {
    self.relation = relation
    self.subject = subject
    self.object = object
    self.citations = citations
    self.notes = notes
  }
}

/// A source with the documents it published.
public struct SourceDetail: Hashable, Sendable, Codable {
  /// The source (publisher).
  public var source: Source
  /// Its documents, newest first (the first few hundred).
  public var documents: [RecordLink]
  /// How many documents it has, in all.
  public var documentCount: Int
  /// Analysts' notes on it.
  public var notes: [Note]

  /// A detail from its fields.
  public init(source: Source, documents: [RecordLink], documentCount: Int, notes: [Note]) {
    self.source = source
    self.documents = documents
    self.documentCount = documentCount
    self.notes = notes
  }
}

/// A document with its publisher, the chain it quotes, who quotes it, and its claims.
public struct DocumentDetail: Hashable, Sendable, Codable {
  /// The document.
  public var document: Document
  /// The source (publisher).
  public var source: Source
  /// The documents it quotes, transitively, nearest first.
  public var chain: [ChainLink]
  /// Documents that quote it.
  public var citedBy: [RecordLink]
  /// Claims that cite it.
  public var claims: [Claim]
  /// Analysts' notes on it.
  public var notes: [Note]

  /// A detail from its fields.
  public init(
    document: Document, source: Source, chain: [ChainLink], citedBy: [RecordLink],
    claims: [Claim], notes: [Note]
  ) {
    self.document = document
    self.source = source
    self.chain = chain
    self.citedBy = citedBy
    self.claims = claims
    self.notes = notes
  }
}

/// An analyst's note and the record it is on.
public struct NoteDetail: Hashable, Sendable, Codable {
  /// The note.
  public var note: Note
  /// The record the note is on.
  public var target: RecordLink

  /// A detail from its fields.
  public init(note: Note, target: RecordLink) {
    self.note = note
    self.target = target
  }
}

/// A relation seen from one of its actors.
public struct RelationView: Hashable, Sendable, Codable {
  /// The relation.
  public var relation: ActorRelation
  /// The actor at the other end.
  public var other: RecordLink
  /// Whether the actor being shown is the relation's subject.
  public var isSubject: Bool
  /// The grade of its best citation.
  public var grade: Grade?

  /// A view from its fields.
  public init(relation: ActorRelation, other: RecordLink, isSubject: Bool, grade: Grade?) {
    self.relation = relation
    self.other = other
    self.isSubject = isSubject
    self.grade = grade
  }

  /// "part of IRGC" or "has part Quds Force".
  public var phrase: String {
    let verb = isSubject ? relation.kind.phrase : relation.kind.inversePhrase
    let role = relation.role.map { " (\($0))" } ?? ""
    return "\(verb) \(other.title)\(role)"
  }
}

/// An event's effect on a deployment, with both named.
public struct EffectView: Hashable, Sendable, Codable {
  /// The event.
  public var event: RecordLink
  /// When the event happened.
  public var eventDate: FuzzyDate
  /// The deployment changed.
  public var deployment: RecordLink
  /// What changed.
  public var change: DeploymentEffect.Change

  /// A view from its fields.
  public init(
    event: RecordLink, eventDate: FuzzyDate, deployment: RecordLink,
    change: DeploymentEffect.Change
  ) {
    self.event = event
    self.eventDate = eventDate
    self.deployment = deployment
    self.change = change
  }
}

/// A participant with the actor named.
public struct ParticipantView: Hashable, Sendable, Codable {
  /// The actor.
  public var actor: RecordLink
  /// How the actor took part.
  public var role: ParticipantRole

  /// A view from its fields.
  public init(actor: RecordLink, role: ParticipantRole) {
    self.actor = actor
    self.role = role
  }
}

extension DeploymentEffect.Change {
  /// "begins", "ends", "status → withdrawing", "strength → ≤2,000 personnel".
  public var phrase: String {
    switch self {
    case .begins: "begins"
    case .ends: "ends"
    case .status(let status): "status → \(status.rawValue)"
    case .strength(let strength): "strength → \(strength)"
    }
  }
}

/// How far the detail counts a record's events: beyond it, "10,000+" (an exact count of a
/// million-event actor costs a scan for a number nobody reads to the last digit).
public enum RecordDetailCount {
  /// The largest count given exactly.
  public static let limit = 10_000

  /// A count as the detail shows it: exact up to the limit, then "10,000+".
  public static func text(_ count: Int) -> String {
    count > limit ? "\(Estimate.grouped(limit))+" : "\(count)"
  }
}

/// An actor seen at a site through events in a window of days: with whom or where, how
/// many events, and the last one's day.
public struct Presence: Hashable, Sendable, Codable {
  /// The site (in an actor's detail) or the actor (in a site's).
  public var other: RecordLink
  /// How many events in the window.
  public var events: Int
  /// The first day of those events.
  public var firstDay: Day
  /// The last day of those events.
  public var lastDay: Day

  /// A presence from its fields.
  public init(other: RecordLink, events: Int, firstDay: Day, lastDay: Day) {
    self.other = other
    self.events = events
    self.firstDay = firstDay
    self.lastDay = lastDay
  }

  /// How many days before the day asked for count as "seen here", unless set otherwise.
  public static let defaultWindow = 90
}
