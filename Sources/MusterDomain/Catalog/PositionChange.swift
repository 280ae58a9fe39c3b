/// One thing that moved between two days: a position began or ended, or an actor appeared
/// at a place or went quiet there; with the evidence.
public struct PositionChange: Hashable, Sendable, Codable {
  /// What moved.
  public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
    case controlGained = "control gained"
    case controlLost = "control lost"
    case handedOver = "handed over"
    case baseEstablished = "base established"
    case baseEnded = "base ended"
    case presenceBegan = "present"
    case presenceEnded = "left"
    /// Events put the actor at the place, and none had in the presence window before.
    case appeared
    /// The actor's events at the place stopped for the whole presence window.
    case goneQuiet = "gone quiet"
  }

  /// The day it moved.
  public var day: Day
  /// What moved.
  public var kind: Kind
  /// Who.
  public var actor: RecordLink
  /// Where.
  public var site: RecordLink
  /// The position that began or ended, for a change of position.
  public var deployment: RecordLink?
  /// The events that say so.
  public var evidence: [RecordLink]
  /// Whether the position was inferred from field data rather than claimed.
  public var isInferred: Bool
  /// The position's grade.
  public var grade: Grade?
  /// More, in words: who took over, how many events, when last seen.
  public var detail: String?

  /// A change from its fields.
  public init(
    day: Day, kind: Kind, actor: RecordLink, site: RecordLink, deployment: RecordLink? = nil,
    evidence: [RecordLink] = [], isInferred: Bool = false, grade: Grade? = nil,
    detail: String? = nil
  ) {
    self.day = day
    self.kind = kind
    self.actor = actor
    self.site = site
    self.deployment = deployment
    self.evidence = evidence
    self.isInferred = isInferred
    self.grade = grade
    self.detail = detail
  }
}

/// Which changes to list: those after `from` up to and including `to`, optionally at one
/// site (or inside it) or of one actor.
public struct ChangesQuery: Hashable, Sendable {
  /// The day before the first day that counts.
  public var from: Day
  /// The last day that counts.
  public var to: Day
  /// Only at this site.
  public var site: ID<Site>?
  /// Only of this actor.
  public var actor: ID<ForceActor>?
  /// The presence window, in days, for appearing and going quiet.
  public var presenceDays: Int

  /// A query from its fields.
  public init(
    from: Day, to: Day, site: ID<Site>? = nil, actor: ID<ForceActor>? = nil,
    presenceDays: Int = Presence.defaultWindow
  ) {
    self.from = from
    self.to = to
    self.site = site
    self.actor = actor
    self.presenceDays = presenceDays
  }
}
