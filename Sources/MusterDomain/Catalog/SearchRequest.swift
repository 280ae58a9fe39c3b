/// A search: words to find, and which kinds of record to look in.
public struct SearchRequest: Hashable, Sendable {
  /// What the user typed.
  public var text: String
  /// Only these kinds, or every kind when empty.
  public var kinds: Set<RecordKind>
  /// How many hits at most.
  public var limit: Int

  /// A request from its fields.
  public init(text: String, kinds: Set<RecordKind> = [], limit: Int = 50) {
    self.text = text
    self.kinds = kinds
    self.limit = limit
  }
}

/// How well a hit matched, best first.
public enum MatchTier: Int, Hashable, Comparable, Sendable, Codable {
  /// The query is a name or alias, spelled any way.
  case exactName = 0
  /// The query starts a name or alias.
  case namePrefix = 1
  /// The query starts a later word of a name or alias.
  case wordPrefix = 2
  /// The query's words occur in the record's text.
  case text = 3

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: MatchTier, rhs: MatchTier) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

/// One search result.
public struct SearchHit: Hashable, Sendable, Codable {
  /// The record found.
  public var record: RecordReference
  /// Its name or summary.
  public var title: String
  /// Its sort of thing: `militia`, `base`, `statement`.
  public var category: String
  /// How well it matched.
  public var tier: MatchTier
  /// Its date, for dated records.
  public var date: FuzzyDate?
  /// Its grade, for claims.
  public var grade: Grade?
  /// The text that matched, trimmed around the match.
  public var snippet: String
  /// The matched parts of `snippet`, as character offsets.
  public var highlights: [Range<Int>]

  /// A hit from its fields.
  public init(
    record: RecordReference, title: String, category: String, tier: MatchTier,
    date: FuzzyDate? = nil, grade: Grade? = nil, snippet: String = "",
    highlights: [Range<Int>] = []
  ) {
    self.record = record
    self.title = title
    self.category = category
    self.tier = tier
    self.date = date
    self.grade = grade
    self.snippet = snippet
    self.highlights = highlights
  }
}

/// The hits of a search, best first, and how many there are of each kind.
public struct SearchResults: Hashable, Sendable, Codable {
  /// The hits, best first.
  public var hits: [SearchHit]
  /// How many records of each kind match in all (may exceed the hits returned).
  public var counts: [RecordKind: Int]

  /// Results from their fields.
  public init(hits: [SearchHit], counts: [RecordKind: Int]) {
    self.hits = hits
    self.counts = counts
  }

  /// How many records match in all.
  public var total: Int { counts.values.reduce(0, +) }
}
