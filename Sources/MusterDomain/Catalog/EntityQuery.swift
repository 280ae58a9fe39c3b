/// A request for one page of records of one kind.
public struct EntityQuery: Hashable, Sendable {
  /// Which kind of record.
  public var kind: RecordKind
  /// In which order.
  public var order: EntityOrder
  /// The day whose state the rows describe (a site's holder then).
  public var asOf: Day?
  /// How many rows to skip.
  public var offset: Int
  /// How many rows at most.
  public var limit: Int
  /// Only records passing this expression (words and filters), if given.
  public var filter: SearchQuery?
  /// When set, the records this analyst pinned, of any kind, newest pin first (`kind`,
  /// `order` and `filter` do not apply).
  public var pinnedBy: String?
  /// Whether events after `asOf` are left out, as the timeline leaves them: what had
  /// happened by that day (`muster list events --as-of`).
  public var endsAtAsOf = false

  /// A query from its fields.
  public init(
    kind: RecordKind, order: EntityOrder = .name, asOf: Day? = nil, offset: Int = 0,
    limit: Int = 100
  ) {
    self.kind = kind
    self.order = order
    self.asOf = asOf
    self.offset = offset
    self.limit = limit
  }
}

/// How a list of records is sorted.
public enum EntityOrder: String, CaseIterable, Hashable, Sendable, Codable {
  /// By name, folded for search (so `al-Heri` sorts under H); events by date.
  case name
  /// Most recent first: by the latest event an actor or site took part in, events by date.
  case recent
}

/// One page of records.
public struct EntityPage: Hashable, Sendable, Codable {
  /// The rows, in order.
  public var rows: [EntityRow]
  /// How many rows the whole list has.
  public var total: Int
  /// The position of the first row in the whole list.
  public var offset: Int

  /// A page from its fields.
  public init(rows: [EntityRow], total: Int, offset: Int) {
    self.rows = rows
    self.total = total
    self.offset = offset
  }
}

/// One row of a list: a record, its name and its most useful facts.
public struct EntityRow: Hashable, Sendable, Codable {
  /// The record.
  public var record: RecordReference
  /// Its name or summary.
  public var title: String
  /// Its sort of thing: `militia`, `base`, `statement`.
  public var category: String
  /// The most useful fact about it: a site's holder as of the day, a deployment's status.
  public var fact: String
  /// Its date, for dated records.
  public var date: FuzzyDate?
  /// Its grade, for claims.
  public var grade: Grade?

  /// A row from its fields.
  public init(
    record: RecordReference, title: String, category: String, fact: String = "",
    date: FuzzyDate? = nil, grade: Grade? = nil
  ) {
    self.record = record
    self.title = title
    self.category = category
    self.fact = fact
    self.date = date
    self.grade = grade
  }
}
