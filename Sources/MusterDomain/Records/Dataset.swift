/// A set of records to load together, as one native dataset file holds them.
public struct Dataset: Hashable, Sendable, Codable {
  /// The version of the native dataset format (the `muster:` field) that Muster reads and
  /// writes.
  public static let formatVersion = 1

  /// What the dataset is, for people.
  public var title: String?
  /// Where it comes from and how it was made.
  public var description: String?
  /// Publishers and outlets.
  public var sources: [Source]
  /// Reports, articles and interviews.
  public var documents: [Document]
  /// Forces, groups and people.
  public var actors: [ForceActor]
  /// Claims that actors stand in relations.
  public var relations: [ActorRelation]
  /// Places.
  public var sites: [Site]
  /// Claims that actors are at sites.
  public var deployments: [Deployment]
  /// Things that happened, statements among them.
  public var events: [Event]
  /// Analysts' notes.
  public var notes: [Note]
  /// Analysts' bookmarks.
  public var pins: [Pin]

  /// A dataset from its records.
  public init(
    title: String? = nil, description: String? = nil, sources: [Source] = [],
    documents: [Document] = [], actors: [ForceActor] = [], relations: [ActorRelation] = [],
    sites: [Site] = [], deployments: [Deployment] = [], events: [Event] = [],
    notes: [Note] = [], pins: [Pin] = []
  ) {
    self.title = title
    self.description = description
    self.sources = sources
    self.documents = documents
    self.actors = actors
    self.relations = relations
    self.sites = sites
    self.deployments = deployments
    self.events = events
    self.notes = notes
    self.pins = pins
  }

  /// How many records of all kinds it holds.
  public var recordCount: Int {
    sources.count + documents.count + actors.count + relations.count + sites.count
      + deployments.count + events.count + notes.count + pins.count
  }
}
