/// One change an analyst makes to the claims, from the browser or the command line.
///
/// Each is applied in one transaction and recorded in the history with the values before
/// and after (`RecordChange`).
public enum ClaimEdit: Hashable, Sendable {
  /// A new claim, with its evidence's source and document when they are new.
  case add(Deployment, evidence: NewEvidence)
  /// Ends a claim on a date.
  case end(ID<Deployment>, on: FuzzyDate)
  /// Ends a claim on the successor's start and starts the successor (another actor at the
  /// same site), linked as the Albu Kamal handover is.
  case handOver(ID<Deployment>, to: Deployment, evidence: NewEvidence)
  /// Adds a citation to a claim, with its source and document when they are new.
  case cite(ID<Deployment>, Citation, evidence: NewEvidence)
  /// Sets how the analysts judge a claim.
  case setStatus(ID<Deployment>, AnalystStatus)
  /// Changes how credible one of a claim's citations makes it (its grade follows).
  case regrade(ID<Deployment>, document: ID<Document>, Credibility)

  /// The claim it changes (for `add` and `handOver`, the one it starts is recorded too).
  public var claim: ID<Deployment> {
    switch self {
    case .add(let deployment, _): deployment.id
    case .end(let id, _), .handOver(let id, _, _), .cite(let id, _, _), .setStatus(let id, _),
      .regrade(let id, _, _):
      id
    }
  }

  /// Its name in the history: `claim add`, `claim end`, ...
  public var action: String {
    switch self {
    case .add: "claim add"
    case .end: "claim end"
    case .handOver: "claim handover"
    case .cite: "claim cite"
    case .setStatus: "claim status"
    case .regrade: "claim grade"
    }
  }
}

extension Deployment {
  /// The id a new claim gets from its actor, site and start:
  /// `deployment:hezbollah-al-heri-2021-02`.
  public static func madeID(actor: ID<ForceActor>, site: ID<Site>, start: FuzzyDate)
    -> ID<Deployment>
  {
    ID(
      "deployment:\(Slug.tail(actor.rawValue))-\(Slug.tail(site.rawValue))-"
        + start.description.split(separator: "/").joined(separator: "--"))
  }
}

/// The source and document a citation needs that are not in the database yet.
public struct NewEvidence: Hashable, Sendable {
  /// A new outlet, with its reliability.
  public var source: Source?
  /// A new report.
  public var document: Document?

  /// Evidence from its parts; none when everything cited exists.
  public init(source: Source? = nil, document: Document? = nil) {
    self.source = source
    self.document = document
  }

  /// Nothing new.
  public static let none = NewEvidence()
}

/// One entry of the history: who changed which record when, and its values before and
/// after (the record as JSON, `nil` where it did not exist).
public struct RecordChange: Hashable, Sendable, Codable {
  /// Its place in the history, rising.
  public var sequence: Int64
  /// The first entry of the change it belongs to (a handover changes two claims at once).
  public var group: Int64
  /// When, in seconds since 1970-01-01 UTC.
  public var time: Int
  /// Who: `$USER`, or the SSH user.
  public var author: String
  /// What: `claim add`, `claim end`, `import`, `undo`, ...
  public var action: String
  /// The record changed (an id), or for an import the file it read.
  public var record: String
  /// One line for people.
  public var summary: String
  /// The record before, as JSON; `nil` when the change made it.
  public var before: String?
  /// The record after, as JSON; `nil` when the change removed it.
  public var after: String?

  /// An entry from its fields.
  public init(
    sequence: Int64, group: Int64, time: Int, author: String, action: String, record: String,
    summary: String, before: String? = nil, after: String? = nil
  ) {
    self.sequence = sequence
    self.group = group
    self.time = time
    self.author = author
    self.action = action
    self.record = record
    self.summary = summary
    self.before = before
    self.after = after
  }
}

/// Which history entries to list.
public struct ChangeLogQuery: Hashable, Sendable {
  /// Only changes at or after this time (seconds since 1970).
  public var since: Int?
  /// Only changes of this record.
  public var record: String?
  /// At most this many, newest first.
  public var limit: Int

  /// A query from its fields.
  public init(since: Int? = nil, record: String? = nil, limit: Int = 200) {
    self.since = since
    self.record = record
    self.limit = limit
  }
}

/// A change refused because the record changed since the analyst last saw it.
public struct StaleChange: Error, Hashable, Sendable, CustomStringConvertible {
  /// The record.
  public let record: String
  /// Who changed it meanwhile.
  public let author: String
  /// When, in seconds since 1970.
  public let time: Int
  /// The entry that changed it.
  public let sequence: Int64

  /// An error from its fields.
  public init(record: String, author: String, time: Int, sequence: Int64) {
    self.record = record
    self.author = author
    self.time = time
    self.sequence = sequence
  }

  /// "changed by NAME at TIME; reload".
  public var description: String {
    "\(record) was changed by \(author) at \(Timestamp.format(time)) (change \(sequence)); "
      + "reload it and try again"
  }
}

/// One change an analyst makes to the actors and sites claims are about.
public enum RecordEdit: Hashable, Sendable {
  /// A new actor.
  case addActor(ForceActor)
  /// A new site, with its coordinates and the site it lies in when known.
  case addSite(Site)
  /// Another name for an actor or a site.
  case addAlias(RecordReference, Alias)

  /// The record it changes.
  public var record: RecordReference {
    switch self {
    case .addActor(let actor): actor.id.reference(.actor)
    case .addSite(let site): site.id.reference(.site)
    case .addAlias(let record, _): record
    }
  }

  /// Its name in the history.
  public var action: String {
    switch self {
    case .addActor: "actor add"
    case .addSite: "site add"
    case .addAlias: "alias add"
    }
  }
}
