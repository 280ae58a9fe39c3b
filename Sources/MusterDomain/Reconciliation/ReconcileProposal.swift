/// A record as `muster reconcile` shows it: its reference, name, the dataset that named it
/// and how many events it has.
public struct ReconcileRecord: Hashable, Sendable, Codable {
  /// The record.
  public var record: RecordReference
  /// Its name.
  public var name: String
  /// `acled`, `ucdp`, or `native` for a dataset written by analysts.
  public var dataset: String
  /// Its events (as a participant or as their place).
  public var events: Int

  /// A record from its fields.
  public init(record: RecordReference, name: String, dataset: String, events: Int) {
    self.record = record
    self.name = name
    self.dataset = dataset
    self.events = events
  }
}

/// Two records that matching says are, or may be, the same thing, with the evidence.
public struct ReconcileProposal: Hashable, Sendable, Codable {
  /// The record with the lower id.
  public var first: ReconcileRecord
  /// The other record.
  public var second: ReconcileRecord
  /// Whether the rules call it certain (it would merge without review).
  public var isCertain: Bool
  /// How sure, 0...1 (1 for certain).
  public var score: Double
  /// Why: the rule that matched (`the same name 1.7 km apart`).
  public var reason: String

  /// A proposal from its fields.
  public init(
    first: ReconcileRecord, second: ReconcileRecord, isCertain: Bool, score: Double,
    reason: String
  ) {
    self.first = first
    self.second = second
    self.isCertain = isCertain
    self.score = score
    self.reason = reason
  }

  /// `actor:hezbollah=actor:ucdp:hezbollah`: how `muster reconcile --accept` and
  /// `--reject` name the pair.
  public var pair: String { first.record.rawValue + "=" + second.record.rawValue }

  /// The record a merge keeps: an analysts' record over a dataset's, else the one with
  /// more events, else the first.
  public var keeper: ReconcileRecord {
    if (first.dataset == "native") != (second.dataset == "native") {
      return first.dataset == "native" ? first : second
    }
    return second.events > first.events ? second : first
  }

  /// A proposal from a decision, or `nil` when the decision is that they differ.
  public init?(_ first: ReconcileRecord, _ second: ReconcileRecord, _ decision: MatchDecision) {
    let (a, b) = first.record.rawValue < second.record.rawValue ? (first, second) : (second, first)
    switch decision {
    case .same(let reason):
      self.init(first: a, second: b, isCertain: true, score: 1, reason: reason)
    case .possible(let score, let reason):
      self.init(first: a, second: b, isCertain: false, score: score, reason: reason)
    case .different:
      return nil
    }
  }
}

/// A merge as `muster reconcile --merges` lists it.
public struct MergeRecord: Hashable, Sendable, Codable {
  /// The record merged away (its id still leads to `kept`).
  public var merged: String
  /// The record kept.
  public var kept: String
  /// Why: `accepted`, or the rule that matched at import.
  public var reason: String
  /// Who merged it (`import` for a merge an import made).
  public var author: String
  /// When, in seconds since 1970.
  public var createdAt: Int

  /// A merge from its fields.
  public init(merged: String, kept: String, reason: String, author: String, createdAt: Int) {
    self.merged = merged
    self.kept = kept
    self.reason = reason
    self.author = author
    self.createdAt = createdAt
  }
}
