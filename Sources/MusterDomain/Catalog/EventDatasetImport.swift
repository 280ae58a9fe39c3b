/// The event datasets Muster imports, each a namespace for the records it creates.
public enum EventDataset: String, CaseIterable, Hashable, Sendable, Codable {
  case acled
  case ucdp

  /// The name people know it by.
  public var displayName: String {
    switch self {
    case .acled: "ACLED"
    case .ucdp: "UCDP GED"
    }
  }

  /// The 31 columns of the current ACLED codebook, in order: what an ACLED export holds,
  /// and what Muster writes one with.
  public static let acledColumns = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
  ]
}

extension EventDataset {
  /// ACLED's actor types by code, by their current names.
  public static let acledActorTypes = [
    1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
  ]

  /// The kind of actor an ACLED type makes: state and external forces are armed forces,
  /// rebels and militias militias, the rest organisations; a state's military or police
  /// forces (`Military Forces of Syria (2000-2024)`) are armed forces whatever the type.
  public static func acledActorKind(type: Int?, name: String) -> ActorKind {
    if name.hasPrefix("Military Forces of") || name.hasPrefix("Police Forces of") {
      return .armedForce
    }
    switch type {
    case 1, 8: return .armedForce
    case 2, 3, 4: return .militia
    default: return .organization
    }
  }
}

/// One event of a event dataset, naming its actors, place and sources by name.
///
/// The store turns names into records: actors are deduplicated by name, places by name and
/// coordinates, sources by name; each report becomes one document per source per event.
public struct ImportedEvent: Hashable, Sendable {
  /// Which dataset it comes from.
  public var dataset: EventDataset
  /// The dataset's id for it (ACLED `event_id_cnty`, UCDP `id`), the upsert key.
  public var externalID: String
  /// The dataset's last-modified stamp: a re-import updates only rows whose stamp changed.
  public var sourceTimestamp: Int?
  /// What sort of event it is, mapped from the dataset's classification.
  public var kind: EventKind
  /// When, with the dataset's precision.
  public var date: FuzzyDate
  /// The dataset's own classification, verbatim.
  public var classification: [String]
  /// The description (ACLED notes).
  public var summary: String
  /// Deaths reported.
  public var fatalities: Estimate?
  /// Tags, including the dataset's own (`crowd size=around 50`).
  public var tags: [String]
  /// Who took part, and how.
  public var participants: [ImportedParticipant]
  /// Where, if known.
  public var place: ImportedPlace?
  /// The sources that reported it.
  public var reports: [ImportedReport]
  /// The groupings the dataset reported as one side (UCDP's comma-joined sides), each
  /// recorded as a coalition whose members the participants name.
  public var coalitions: [ImportedCoalition] = []
  /// The folded text its full-text entry holds, when computed ahead (an import folds on
  /// another thread); `nil` means the store folds it.
  public var indexText: String?

  /// An event from its fields.
  public init(
    dataset: EventDataset, externalID: String, sourceTimestamp: Int? = nil, kind: EventKind,
    date: FuzzyDate, classification: [String] = [], summary: String, fatalities: Estimate? = nil,
    tags: [String] = [], participants: [ImportedParticipant] = [], place: ImportedPlace? = nil,
    reports: [ImportedReport] = []
  ) {
    self.dataset = dataset
    self.externalID = externalID
    self.sourceTimestamp = sourceTimestamp
    self.kind = kind
    self.date = date
    self.classification = classification
    self.summary = summary
    self.fatalities = fatalities
    self.tags = tags
    self.participants = participants
    self.place = place
    self.reports = reports
  }

  /// The folded text for the event's full-text entry (see `SearchKey.eventText`).
  public var foldedText: String {
    indexText
      ?? SearchKey.eventText(
        summary: summary, quote: nil, note: nil, kind: kind.rawValue, siteName: place?.name,
        tags: tags)
  }

  /// The event's id in Muster: `event:acled:SYR1234`.
  public var id: ID<Event> { ID("event:\(dataset.rawValue):\(externalID)") }
}

/// An actor of a imported event, named as the dataset names it.
public struct ImportedParticipant: Hashable, Sendable {
  /// The actor's name, the deduplication key.
  public var name: String
  /// How it took part.
  public var role: ParticipantRole
  /// What sort of actor, as far as the dataset says.
  public var kind: ActorKind
  /// ACLED's actor type (1–8), when known.
  public var acledType: Int?
  /// The country the dataset associates with the actor, if any.
  public var country: String?

  /// A participant from its fields.
  public init(
    name: String, role: ParticipantRole, kind: ActorKind, acledType: Int? = nil,
    country: String? = nil
  ) {
    self.name = name
    self.role = role
    self.kind = kind
    self.acledType = acledType
    self.country = country
  }
}

/// The place of a imported event and the administrative areas it lies in.
public struct ImportedPlace: Hashable, Sendable {
  /// The location's name, such as `Albu Kamal`.
  public var name: String
  /// The country.
  public var country: String
  /// First-, second- and third-level administrative areas, outermost first; empty ones left out.
  public var areas: [String]
  /// Where, and how precisely.
  public var location: Location?

  /// A place from its fields.
  public init(name: String, country: String, areas: [String] = [], location: Location?) {
    self.name = name
    self.country = country
    self.areas = areas
    self.location = location
  }
}

/// One source's report of a imported event: becomes one document citing it.
public struct ImportedReport: Hashable, Sendable {
  /// The source's name, the deduplication key.
  public var sourceName: String
  /// The document's title, or `nil` for a title made from the source and date.
  public var title: String?
  /// When it was published, if known (else the event's date).
  public var published: FuzzyDate?
  /// How credible the report is.
  public var credibility: Credibility

  /// A report from its fields.
  public init(
    sourceName: String, title: String? = nil, published: FuzzyDate? = nil,
    credibility: Credibility
  ) {
    self.sourceName = sourceName
    self.title = title
    self.published = published
    self.credibility = credibility
  }
}

/// Receives the events of one import, inside the store's transaction.
public protocol ImportedEventSink {
  /// Adds an event, or updates the one with the same id when its timestamp changed.
  func add(_ event: ImportedEvent) throws -> ImportedEventOutcome
}

/// What happened to one imported event.
public enum ImportedEventOutcome: Hashable, Sendable {
  /// It was new.
  case inserted
  /// It replaced an older version (its timestamp changed).
  case updated
  /// It was already there, unchanged.
  case unchanged
  /// An earlier row of the same import had its id and described the same event: its actors
  /// were added to that event (files with one row per actor).
  case merged
  /// An earlier row of the same import had its id with another date, place or text;
  /// nothing was written.
  case duplicate
  /// An earlier row of the same import gave the same event with the same actors and
  /// sources: a repeated row; nothing was written.
  case repeated
}

/// A side a dataset reports as several actors together (UCDP's `IS, Jaish al-Fatah`).
public struct ImportedCoalition: Hashable, Sendable {
  /// The grouping's name as the dataset wrote it.
  public var name: String
  /// Its members' names, each a participant of the event.
  public var members: [String]

  /// A coalition from its fields.
  public init(name: String, members: [String]) {
    self.name = name
    self.members = members
  }
}

/// What a event dataset import did.
public struct EventDatasetImportSummary: Hashable, Sendable, Codable {
  /// Events added.
  public var inserted = 0
  /// Events replaced by a newer version.
  public var updated = 0
  /// Events already present and unchanged.
  public var unchanged = 0
  /// Rows that could not be imported.
  public var skipped = 0
  /// Rows that added their actors to an event an earlier row of the file gave.
  public var merged = 0
  /// New actors, sites (places and areas) and sources.
  public var newActors = 0
  /// New sites: places and their administrative areas.
  public var newSites = 0
  /// New sources.
  public var newSources = 0
  /// New actors and places merged into the record of another dataset they certainly are
  /// (`muster reconcile --split` undoes each).
  public var joined = 0

  /// An empty summary.
  public init() {}

  /// Events imported: added, updated or unchanged.
  public var imported: Int { inserted + updated + unchanged }
}

/// The write side's bulk import, for event datasets too large for one `Dataset` value.
public protocol EventDatasetImporting {
  /// Runs `produce` inside one transaction; it hands events to the sink. If it throws, or
  /// the process dies, nothing of the import remains.
  ///
  /// `expectedEvents` (an estimate) lets the store choose between maintaining its indexes row
  /// by row and rebuilding them at the end.
  func importEvents(
    expectedEvents: Int, _ produce: (any ImportedEventSink) throws -> Void
  ) throws -> EventDatasetImportSummary
}
