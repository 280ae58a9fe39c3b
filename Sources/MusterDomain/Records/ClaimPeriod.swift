/// When a claim held: a start and an end, each with what kind of bound it is.
///
/// A missing start means "since some unknown time"; a missing end means "still, as far as
/// anyone has said".
public struct ClaimPeriod: Hashable, Sendable, Codable {
  /// The earliest the claim is known to hold from.
  public var start: PeriodBound?
  /// The latest it is known to hold until.
  public var end: PeriodBound?

  /// A period from its bounds.
  public init(start: PeriodBound? = nil, end: PeriodBound? = nil) {
    self.start = start
    self.end = end
  }

  /// Whether the claim counts as of `day`.
  ///
  /// It counts when its start is on or before `day` (any day the start may mean) and its end
  /// is open or on or after `day`. Callers show the precision, so a start in "Dec 2020" is
  /// not read as a known day.
  public func holds(on day: Day) -> Bool {
    if let start, start.date.first > day { return false }
    if let end, end.date.last < day { return false }
    return true
  }
}

/// One end of a period: a date and whether it is a known bound or only what was observed.
public struct PeriodBound: Hashable, Sendable, Codable {
  /// The date of the bound.
  public var date: FuzzyDate
  /// What the date means.
  public var kind: BoundKind

  /// A bound from its fields.
  public init(_ date: FuzzyDate, _ kind: BoundKind = .known) {
    self.date = date
    self.kind = kind
  }
}

/// What a period's bound means.
public enum BoundKind: String, CaseIterable, Hashable, Sendable, Codable {
  /// The claim starts or ends then.
  case known
  /// A start: the claim holds at least since then, maybe earlier.
  case atLeastSince = "at_least_since"
  /// An end: the claim was last reported then, and may hold later.
  case lastSeen = "last_seen"
}
