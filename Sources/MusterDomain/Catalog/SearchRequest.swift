/// A search: words to find, and which kinds of record to look in.
public struct SearchRequest: Hashable, Sendable {
  /// What to look for: words, phrases and filters.
  public var query: SearchQuery
  /// Only these kinds, or every kind when empty.
  public var kinds: Set<RecordKind>
  /// How many hits `search` loads at most (`searchMatches` gives every match counted).
  public var limit: Int
  /// Counting stops past this many matches (the count then reads `10,000+`); `nil`
  /// counts them all.
  public var countLimit: Int?
  /// Only records whose names (or aliases) match, by any tier but the full text: what a
  /// form's pick list needs, as the user types, at a fraction of a text search's cost.
  public var namesOnly = false

  /// A request from its fields.
  public init(
    query: SearchQuery, kinds: Set<RecordKind> = [], limit: Int = 50, countLimit: Int? = nil
  ) {
    self.query = query
    self.kinds = kinds
    self.limit = limit
    self.countLimit = countLimit
  }

  /// A request for plain words (no operators are read from `text`).
  public init(text: String, kinds: Set<RecordKind> = [], limit: Int = 50) {
    self.init(query: SearchQuery(words: text), kinds: kinds, limit: limit)
  }

  /// What the user typed, as words: for snippets and highlights.
  public var text: String { query.text }
}

/// The groups search results are shown in: one per kind, with statements apart from other
/// events.
public enum SearchGroup: String, CaseIterable, Hashable, Comparable, Sendable, Codable,
  CodingKeyRepresentable
{
  case actors
  case sites
  case deployments
  case events
  case statements
  case relations
  case sources
  case documents
  case notes

  /// The group's place in `allCases`, for tallies kept in arrays.
  public var position: Int {
    switch self {
    case .actors: 0
    case .sites: 1
    case .deployments: 2
    case .events: 3
    case .statements: 4
    case .relations: 5
    case .sources: 6
    case .documents: 7
    case .notes: 8
    }
  }

  /// The group of a record of `kind` (statements are told apart by the caller).
  public init(_ kind: RecordKind, isStatement: Bool = false) {
    switch kind {
    case .actor: self = .actors
    case .site: self = .sites
    case .deployment: self = .deployments
    case .event: self = isStatement ? .statements : .events
    case .relation: self = .relations
    case .source: self = .sources
    case .document: self = .documents
    case .note: self = .notes
    }
  }

  /// The kind of record it lists.
  public var kind: RecordKind {
    switch self {
    case .actors: .actor
    case .sites: .site
    case .deployments: .deployment
    case .events, .statements: .event
    case .relations: .relation
    case .sources: .source
    case .documents: .document
    case .notes: .note
    }
  }

  /// Its heading: `Actors`.
  public var title: String {
    switch self {
    case .actors: "Actors"
    case .sites: "Sites"
    case .deployments: "Deployments"
    case .events: "Events"
    case .statements: "Statements"
    case .relations: "Relations"
    case .sources: "Sources"
    case .documents: "Documents"
    case .notes: "Notes"
    }
  }

  /// Orders groups as `allCases` lists them.
  public static func < (lhs: SearchGroup, rhs: SearchGroup) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }
}

/// One record a search matched, before its title and snippet are loaded.
public struct SearchMatch: Hashable, Sendable {
  /// The record's kind.
  public var kind: RecordKind
  /// The record's row in the store (meaningful to the store only).
  public var rowid: Int64
  /// How well it matched.
  public var tier: MatchTier
  /// The group it shows in.
  public var group: SearchGroup

  /// A match from its fields.
  public init(kind: RecordKind, rowid: Int64, tier: MatchTier, group: SearchGroup) {
    self.kind = kind
    self.rowid = rowid
    self.tier = tier
    self.group = group
  }
}

/// The records a search matched, in the order they show, and how many match in each group.
public struct SearchMatches: Hashable, Sendable {
  /// The matches: groups in order of their best match, each group best first.
  public var matches: [SearchMatch]
  /// How many records match in each group (at least, when `isCountCapped`).
  public var counts: [SearchGroup: Int]
  /// Whether counting stopped at the request's `countLimit`.
  public var isCountCapped: Bool

  /// Matches from their fields.
  public init(matches: [SearchMatch], counts: [SearchGroup: Int], isCountCapped: Bool) {
    self.matches = matches
    self.counts = counts
    self.isCountCapped = isCountCapped
  }

  /// How many match in all (at least, when capped).
  public var total: Int { counts.values.reduce(0, +) }
}

/// How well a hit matched, best first.
public enum MatchTier: Int, Hashable, Comparable, Sendable, Codable, CaseIterable {
  /// The query is the record's name, spelled any way.
  case exactName = 0
  /// The query is one of the record's aliases, spelled any way.
  case alias = 1
  /// The query starts a name or alias.
  case namePrefix = 2
  /// The query starts a later word of a name or alias.
  case wordPrefix = 3
  /// The query is (or starts) a name or alias under the transliteration key: romanised
  /// another way, or in another script.
  case transliteration = 4
  /// A word of the query is a close misspelling of a word of a name or alias.
  case closeMatch = 5
  /// The query's words occur in the record's text.
  case text = 6

  /// Orders two values; see the type's documentation for the order.
  public static func < (lhs: MatchTier, rhs: MatchTier) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  /// The tier's name in JSON and `search --explain`.
  public var name: String {
    switch self {
    case .exactName: "name"
    case .alias: "alias"
    case .namePrefix: "name prefix"
    case .wordPrefix: "word prefix"
    case .transliteration: "transliteration"
    case .closeMatch: "close match"
    case .text: "text"
    }
  }

  /// Decodes a tier from its name.
  public init(from decoder: any Decoder) throws {
    let name = try decoder.singleValueContainer().decode(String.self)
    guard let tier = Self.allCases.first(where: { $0.name == name }) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "no match tier \(name)"))
    }
    self = tier
  }

  /// Encodes the tier as its name.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(name)
  }
}

/// Which spelling of a record a search hit matched, and how.
public struct MatchExplanation: Hashable, Sendable, Codable {
  /// The name or alias that matched, as the record spells it.
  public var name: String
  /// Whether `name` is an alias rather than the record's name.
  public var isAlias: Bool
  /// The transliteration key both spellings share, for a transliteration match.
  public var key: String?

  /// An explanation from its fields.
  public init(name: String, isAlias: Bool, key: String? = nil) {
    self.name = name
    self.isAlias = isAlias
    self.key = key
  }

  /// What a result's row says beside its title: `alias «…»`, `≈ «…»` (another
  /// romanisation or script), `close to «…»`; `nil` for the other tiers.
  public func label(for tier: MatchTier) -> String? {
    switch tier {
    case .alias: "alias «\(name)»"
    case .transliteration: "≈ «\(name)»"
    case .closeMatch: "close to «\(name)»"
    default: nil
    }
  }

  /// What the detail of a hit says: `matched as: alias «…»`, `close match to «…»`.
  public func phrase(for tier: MatchTier) -> String {
    let what = (isAlias ? "alias " : "") + "«\(name)»"
    switch tier {
    case .closeMatch: return "close match to " + what
    case .transliteration: return "matched as: " + what + (key.map { " (key \($0))" } ?? "")
    default: return "matched as: " + what
    }
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
  /// The group it shows in.
  public var group: SearchGroup
  /// Which name or alias matched, for the name, transliteration and close-match tiers.
  public var matched: MatchExplanation?

  /// A hit from its fields.
  public init(
    record: RecordReference, title: String, category: String, tier: MatchTier,
    date: FuzzyDate? = nil, grade: Grade? = nil, snippet: String = "",
    highlights: [Range<Int>] = [], group: SearchGroup? = nil, matched: MatchExplanation? = nil
  ) {
    self.matched = matched
    self.group = group ?? SearchGroup(record.kind)
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
  /// How many records match in each group (statements apart from other events).
  public var groupCounts: [SearchGroup: Int]
  /// Whether counting stopped at the request's `countLimit`.
  public var isCountCapped: Bool

  /// Results from their fields.
  public init(
    hits: [SearchHit], counts: [RecordKind: Int], groupCounts: [SearchGroup: Int] = [:],
    isCountCapped: Bool = false
  ) {
    self.hits = hits
    self.counts = counts
    self.groupCounts = groupCounts
    self.isCountCapped = isCountCapped
  }

  /// How many records match in all.
  public var total: Int { counts.values.reduce(0, +) }
}
