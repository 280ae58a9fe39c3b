import GRDB
import MusterDomain

/// A query's `field:` filters as SQL conditions on each kind's table.
///
/// Names in `actor:` and `site:` are resolved once, through the name keys (any spelling,
/// as a prefix of a name or of a later word of it; failing that, a whole name under the
/// transliteration key); a site includes the sites inside it.
/// Everything put into the SQL is a number or a fixed word, never the user's text.
struct SearchFilterSQL {
  let query: SearchQuery
  /// The actors each `actor:` value names.
  var actorSets: [[Int64]] = []
  /// The sites each `site:` value names, with the sites inside them.
  var siteSets: [[Int64]] = []

  /// The most records one name filter stands for.
  static let resolveLimit = 100_000

  /// Filters with no names resolved (for loading hits, which needs none).
  init(query: SearchQuery) {
    self.query = query
  }

  /// Filters with their names resolved against the database.
  init(db: Database, query: SearchQuery) throws {
    self.query = query
    for name in query.actors {
      actorSets.append(try Self.records(named: name, kind: .actor, db: db))
    }
    for name in query.sites {
      let named = try Self.records(named: name, kind: .site, db: db)
      guard !named.isEmpty else {
        siteSets.append([])
        continue
      }
      siteSets.append(
        try db.values(
          Int64.self,
          sql: """
            WITH RECURSIVE inside(rowid) AS (
              SELECT rowid FROM site WHERE rowid IN (\(Self.list(named)))
              UNION SELECT site.rowid FROM site JOIN inside ON site.parent = inside.rowid)
            SELECT rowid FROM inside LIMIT \(Self.resolveLimit)
            """))
    }
  }

  /// Records of `kind` with a name or alias that `name` spells or starts; when none does,
  /// the ones it spells under the transliteration key (another romanisation or script).
  static func records(named name: String, kind: RecordKind, db: Database) throws -> [Int64] {
    var found = Set<Int64>()
    for key in SearchKey.compactAlternatives(name) {
      found.formUnion(
        try db.values(
          Int64.self,
          sql: """
            SELECT DISTINCT record FROM name_key WHERE key >= ? AND key < ? AND kind = ?
            LIMIT \(resolveLimit)
            """, arguments: [key, key + "\u{10FFFF}", kind.code]))
    }
    guard found.isEmpty else { return found.sorted() }
    for key in TransliterationKey.queryKeys(name) {
      found.formUnion(
        try db.values(
          Int64.self,
          sql: """
            SELECT DISTINCT record FROM name_sound
            WHERE key = ? AND kind = ? AND word_offset = 0 LIMIT \(resolveLimit)
            """, arguments: [key, kind.code]))
    }
    return found.sorted()
  }

  static func list(_ rowids: [Int64]) -> String {
    rowids.isEmpty ? "NULL" : rowids.map(String.init).joined(separator: ",")
  }

  /// The column that orders records of `kind` newest first, if it has one.
  static func recencyColumn(_ kind: RecordKind) -> String? {
    switch kind {
    case .actor, .site: "last_day"
    case .event: "date_first"
    case .deployment, .relation: "start_first"
    case .document: "published_first"
    case .note: "created_at"
    case .source: nil
    }
  }

  /// The filters and the words as one condition on records of `kind` (named `alias`), with
  /// its argument (the full-text expression), or `nil` when no record of that kind passes.
  func fullCondition(
    for kind: RecordKind, alias r: String, in db: Database
  ) throws -> (sql: String, arguments: [String])? {
    guard let condition = condition(for: kind, alias: r) else { return nil }
    guard let expression = try SearchReader.matchExpression(query, in: db) else {
      return (condition, [])
    }
    let codes = SearchDocument.codes(of: kind).map(String.init).joined(separator: ",")
    return (
      condition + """
         AND \(r).rowid IN (SELECT rowid & \(SearchDocument.maximumRowid - 1) FROM search_index
          WHERE search_index MATCH ? AND ((rowid >> 32) & 15) IN (\(codes)))
        """, [expression]
    )
  }

  /// The condition records of `kind` (as `alias`) must meet, or `nil` when no record of
  /// that kind can match.
  func condition(for kind: RecordKind, alias r: String) -> String? {
    guard query.admits(kind) else { return nil }
    var terms: [String] = []
    for actors in actorSets {
      let list = Self.list(actors)
      switch kind {
      case .actor: terms.append("\(r).rowid IN (\(list))")
      case .event:
        terms.append(
          "EXISTS (SELECT 1 FROM event_actor WHERE event_actor.event = \(r).rowid "
            + "AND event_actor.actor IN (\(list)))")
      case .deployment: terms.append("\(r).actor IN (\(list))")
      case .relation: terms.append("(\(r).subject IN (\(list)) OR \(r).object IN (\(list)))")
      default: return nil
      }
    }
    for sites in siteSets {
      let list = Self.list(sites)
      switch kind {
      case .site: terms.append("\(r).rowid IN (\(list))")
      case .event, .deployment: terms.append("\(r).site IN (\(list))")
      default: return nil
      }
    }
    if kind == .event, !query.eventKinds.isEmpty {
      let kinds = query.eventKinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")
      terms.append("\(r).kind IN (\(kinds))")
    }
    let since = query.since?.first.daysSinceEpoch
    let until = query.until?.last.daysSinceEpoch
    if since != nil || until != nil {
      let (first, last): (String, String)
      switch kind {
      case .event: (first, last) = ("date_first", "date_last")
      case .deployment, .relation: (first, last) = ("start_first", "end_last")
      case .document: (first, last) = ("published_first", "published_last")
      default: return nil
      }
      // Open bounds (an ongoing deployment) reach to either end of time.
      if let since { terms.append("coalesce(\(r).\(last), \(Int32.max)) >= \(since)") }
      if let until { terms.append("coalesce(\(r).\(first), \(Int32.min)) <= \(until)") }
    }
    if let grade = query.grade {
      let reliability =
        "BETWEEN \(grade.reliability.lowerBound) AND \(grade.reliability.upperBound)"
      let credibility =
        "BETWEEN \(grade.credibility.lowerBound) AND \(grade.credibility.upperBound)"
      switch kind {
      case .event, .deployment, .relation:
        terms.append(
          "\(r).grade_reliability \(reliability) AND \(r).grade_credibility \(credibility)")
      case .source:
        // A source has a reliability only: a bound on credibility leaves sources out.
        guard grade.credibility == 1...6 else { return nil }
        terms.append("\(r).reliability \(reliability)")
      default: return nil
      }
    }
    return terms.isEmpty ? "1" : terms.joined(separator: " AND ")
  }
}
