/// A request for timeline entries from a position on, forwards or backwards.
public struct TimelineQuery: Hashable, Sendable {
  /// Entries strictly after this position (forwards) or strictly before it (backwards);
  /// `nil` starts from the beginning (forwards) or the end (backwards).
  public var from: TimelinePosition?
  /// Which way to read.
  public var direction: TimelineDirection
  /// Only entries whose day falls in this window, if given.
  public var window: DayRange?
  /// How many entries at most.
  public var limit: Int
  /// Only entries whose record passes this expression (words and filters), if given.
  public var filter: SearchQuery?

  /// A query from its fields.
  public init(
    from: TimelinePosition? = nil, direction: TimelineDirection = .forward,
    window: DayRange? = nil, limit: Int = 100, filter: SearchQuery? = nil
  ) {
    self.filter = filter
    self.from = from
    self.direction = direction
    self.window = window
    self.limit = limit
  }
}

/// Which way a timeline query reads.
public enum TimelineDirection: String, Hashable, Sendable, Codable {
  case forward
  case backward
}

/// Where an entry stands in the timeline's total order: day, then kind, then record.
public struct TimelinePosition: Hashable, Comparable, Sendable, Codable {
  /// The entry's day.
  public var day: Day
  /// Orders entries of one day: deployment ends, events, then deployment starts.
  public var rank: Int
  /// The store's row number, the last tie-breaker.
  public var row: Int64

  /// A position from its fields.
  public init(day: Day, rank: Int, row: Int64) {
    self.day = day
    self.rank = rank
    self.row = row
  }

  /// The position before every entry of `day`.
  public static func before(_ day: Day) -> TimelinePosition {
    TimelinePosition(day: day, rank: Int.min, row: Int64.min)
  }

  /// The position after every entry of `day`.
  public static func after(_ day: Day) -> TimelinePosition {
    TimelinePosition(day: day, rank: Int.max, row: Int64.max)
  }

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: TimelinePosition, rhs: TimelinePosition) -> Bool {
    (lhs.day, lhs.rank, lhs.row) < (rhs.day, rhs.rank, rhs.row)
  }
}

/// One page of the timeline.
public struct TimelinePage: Hashable, Sendable, Codable {
  /// The entries, in date order (also for backward queries).
  public var entries: [TimelineEntry]
  /// Whether more entries lie beyond the page in the direction read.
  public var hasMore: Bool

  /// A page from its fields.
  public init(entries: [TimelineEntry], hasMore: Bool) {
    self.entries = entries
    self.hasMore = hasMore
  }
}

/// One line of the timeline: an event, or a deployment starting or ending.
public struct TimelineEntry: Hashable, Sendable, Codable {
  /// Its place in the order.
  public var position: TimelinePosition
  /// What sort of entry.
  public var kind: TimelineEntryKind
  /// The record it shows: the event or the deployment.
  public var record: RecordReference
  /// Its date as the source gives it.
  public var date: FuzzyDate
  /// What happened, in a line.
  public var title: String
  /// Where, if known.
  public var siteName: String?
  /// The grade of its best citation.
  public var grade: Grade?
  /// How an analyst judges it.
  public var analystStatus: AnalystStatus

  /// An entry from its fields.
  public init(
    position: TimelinePosition, kind: TimelineEntryKind, record: RecordReference,
    date: FuzzyDate, title: String, siteName: String? = nil, grade: Grade? = nil,
    analystStatus: AnalystStatus = .unverified
  ) {
    self.position = position
    self.kind = kind
    self.record = record
    self.date = date
    self.title = title
    self.siteName = siteName
    self.grade = grade
    self.analystStatus = analystStatus
  }
}

/// What a timeline entry shows.
public enum TimelineEntryKind: Hashable, Sendable, Codable {
  /// An event of the given kind.
  case event(EventKind)
  /// A deployment begins.
  case deploymentStart
  /// A deployment ends.
  case deploymentEnd

  /// Orders entries of one day: ends first, then events, then starts.
  public var rank: Int {
    switch self {
    case .deploymentEnd: 0
    case .event: 1
    case .deploymentStart: 2
    }
  }
}
