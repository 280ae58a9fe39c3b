/// The read side of the store; the browser and kiosk mode need nothing more.
public protocol CatalogReading: Sendable {
  /// How many records of each kind there are, and the span of days they cover.
  func summary() throws -> CatalogSummary

  /// One page of records of one kind, sorted as asked.
  func entities(_ query: EntityQuery) throws -> EntityPage

  /// Events and deployment starts and ends in date order, from a position on.
  func timeline(_ query: TimelineQuery) throws -> TimelinePage

  /// Everything known about one record, with its state as of `day` when given; actors and
  /// sites seen together in events count in the `presenceDays` up to that day.
  func detail(of record: RecordReference, asOf day: Day?, presenceDays: Int) throws
    -> RecordDetail?

  /// What moved after `query.from` up to `query.to`: positions begun and ended, actors
  /// appearing at places or going quiet there; by day.
  func changes(_ query: ChangesQuery) throws -> [PositionChange]

  /// The deployments at a site (or inside it) that count as of `day`, with their state then.
  func holders(of site: ID<Site>, asOf day: Day) throws -> [DeploymentState]

  /// The deployments of an actor that count as of `day`, with their state then.
  func positions(of actor: ID<ForceActor>, asOf day: Day) throws -> [DeploymentState]

  /// Records matching a query, best first, with the matched text.
  func search(_ request: SearchRequest) throws -> SearchResults

  /// The records a query matches, in display order, with counts; no titles or snippets.
  func searchMatches(_ request: SearchRequest) throws -> SearchMatches

  /// Titles, facts and snippets for some matches of `query`.
  func searchHits(_ matches: [SearchMatch], for query: SearchQuery) throws -> [SearchHit]

  /// Stops a read running on another thread; it throws `CatalogReadInterrupted`. Reads
  /// started later run as usual.
  func interrupt()

  /// How many events fall in each of `buckets` equal slices of `range`.
  func activity(in range: DayRange, buckets: Int) throws -> [Int]

  /// Every record, as a dataset that `CatalogWriting.write` would load back unchanged.
  func exportDataset() throws -> Dataset

  /// Every site, without reading the other records (a map export needs no events).
  func exportSites() throws -> [Site]

  /// Whether a record with this identifier exists.
  func contains(_ record: RecordReference) throws -> Bool

  /// A number that changes whenever any process commits to the store.
  func changeToken() throws -> Int

  /// Whether an analyst pinned a record.
  func isPinned(_ record: RecordReference, by author: String) throws -> Bool

  /// Located sites inside `box` (at most `limit`), each with its holder as of `day`.
  func mapSites(in box: GeoBox, asOf day: Day?, limit: Int) throws -> [MapSite]

  /// The box around every located site, or `nil` when none has a location.
  func siteBounds() throws -> GeoBox?
}

/// The write side of the store, used by import and notes and never handed to kiosk mode.
public protocol CatalogWriting: Sendable {
  /// Writes every record of `dataset` in one transaction, replacing records with the same
  /// identifier; all or nothing.
  @discardableResult
  func write(_ dataset: Dataset) throws -> WriteSummary

  /// Adds an analyst's note.
  func add(_ note: Note) throws

  /// Pins or unpins a record for an analyst.
  func setPinned(_ isPinned: Bool, _ pin: Pin) throws

  /// Applies an analyst's change to a claim in one transaction, recorded in the history;
  /// refused (`StaleChange`) when the claim changed after entry `basedOn`.
  @discardableResult
  func apply(_ edit: ClaimEdit, by author: String, at time: Int, basedOn: Int64?) throws
    -> [RecordChange]

  /// Undoes `author`'s own last change not undone yet, recorded in the history.
  @discardableResult
  func undoLast(by author: String, at time: Int) throws -> [RecordChange]
}

/// What one write added and replaced.
public struct WriteSummary: Hashable, Sendable, Codable {
  /// Records that were new, by kind.
  public var inserted: [RecordKind: Int]
  /// Records that replaced one with the same identifier, by kind.
  public var updated: [RecordKind: Int]

  /// A summary from its counts.
  public init(inserted: [RecordKind: Int] = [:], updated: [RecordKind: Int] = [:]) {
    self.inserted = inserted
    self.updated = updated
  }

  /// All records written.
  public var total: Int { inserted.values.reduce(0, +) + updated.values.reduce(0, +) }
}

/// The size and span of a catalog.
public struct CatalogSummary: Hashable, Sendable, Codable {
  /// How many records of each kind.
  public var counts: [RecordKind: Int]
  /// The days from the earliest to the latest dated record, if any.
  public var span: DayRange?
  /// The dataset's title, if the store knows it.
  public var title: String?

  /// A summary from its fields.
  public init(counts: [RecordKind: Int], span: DayRange?, title: String? = nil) {
    self.counts = counts
    self.span = span
    self.title = title
  }

  /// How many records of a kind.
  public func count(of kind: RecordKind) -> Int { counts[kind] ?? 0 }
}

/// Thrown by a read that `CatalogReading.interrupt()` stopped (a newer search replaced it).
public struct CatalogReadInterrupted: Error, Equatable, Sendable {
  /// The error.
  public init() {}
}

extension CatalogReading {
  /// Everything known about one record, with its state as of `day` when given.
  public func detail(of record: RecordReference, asOf day: Day?) throws -> RecordDetail? {
    try detail(of: record, asOf: day, presenceDays: Presence.defaultWindow)
  }
}
