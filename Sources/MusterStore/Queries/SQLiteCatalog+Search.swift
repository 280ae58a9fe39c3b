import GRDB
import MusterDomain

extension SQLiteCatalog {
  /// Records matching a query, best first, with the matched text.
  ///
  /// Ranks in tiers: a name or alias equal to the query (spelled any way), then one the
  /// query starts, then one a later word of which the query starts, then records whose text
  /// holds every query word (as a prefix). Ties go to the most recent record. Hits come
  /// grouped by kind, the group with the best hit first.
  public func search(_ request: SearchRequest) throws -> SearchResults {
    try read { db in
      let reader = try SearchReader(db: db, request: request)
      let found = try reader.matches()
      let hits = try found.matches.prefix(max(0, request.limit)).compactMap {
        try reader.hit($0)
      }
      var counts: [RecordKind: Int] = [:]
      for (group, count) in found.counts {
        counts[group.kind, default: 0] += count
      }
      return SearchResults(
        hits: hits, counts: counts, groupCounts: found.counts, isCountCapped: found.isCountCapped)
    }
  }

  /// The records a query matches, in display order, with counts; no titles or snippets.
  public func searchMatches(_ request: SearchRequest) throws -> SearchMatches {
    try read { db in try SearchReader(db: db, request: request).matches() }
  }

  /// Titles, facts and snippets for some matches of `query`.
  public func searchHits(_ matches: [SearchMatch], for query: SearchQuery) throws -> [SearchHit] {
    try read { db in
      let reader = SearchReader(db: db, query: query)
      return try matches.compactMap { try reader.hit($0) }
    }
  }

  /// Stops a read running on another thread; it fails with an interruption.
  public func interrupt() {
    database.interrupt()
  }
}

/// Runs one search against the name keys, the full-text index and the filters.
struct SearchReader {
  /// The most name-tier candidates one query considers.
  static let nameCandidateLimit = 500

  let db: Database
  let request: SearchRequest
  let filter: SearchFilterSQL

  init(db: Database, request: SearchRequest) throws {
    self.db = db
    self.request = request
    filter = try SearchFilterSQL(db: db, query: request.query)
  }

  /// A reader only for loading hits (no filters resolved).
  init(db: Database, query: SearchQuery) {
    self.db = db
    request = SearchRequest(query: query)
    filter = SearchFilterSQL(query: query)
  }

  /// Whether records of `kind` can match: asked for, and admitted by the filters.
  func kindAllowed(_ kind: RecordKind) -> Bool {
    (request.kinds.isEmpty || request.kinds.contains(kind)) && request.query.admits(kind)
  }

  /// The FTS5 expression: every word in any of its forms (and the other spellings of it
  /// that names use), each as a prefix from its third letter (shorter words match whole
  /// words: a one-letter prefix would merge the index entries of a large part of the
  /// vocabulary), and every phrase.
  ///
  /// A last word of one letter after other words is left out, and so is a one-letter form
  /// of a word with an article (`o` of `al-O`): they are words being typed, and as whole
  /// words (`a`, `o`) they only make the query slow and its count odd for a keystroke.
  ///
  /// A prefix is spelled out as the terms it starts (see `SearchTerms`), which FTS5 reads
  /// newest first without merging them all first; past `SearchTerms.expansionLimit` terms
  /// it stays a prefix query.
  static func matchExpression(_ query: SearchQuery, in db: Database) throws -> String? {
    func forms(_ form: String) throws -> [String] {
      guard form.count >= 3 else { return ["\"\(form)\""] }
      guard let terms = try SearchTerms.expand(form, db) else { return ["\"\(form)\"*"] }
      // No term starts with it: the prefix query finds nothing, at no cost.
      return terms.isEmpty ? ["\"\(form)\"*"] : terms.map { "\"\($0)\"" }
    }
    var parts: [String] = []
    var words = SearchKey.queryAlternatives(query.words.joined(separator: " "))
    if words.count > 1, let last = words.last, last.allSatisfy({ $0.unicodeScalars.count < 2 }) {
      words.removeLast()
    }
    for var alternatives in words {
      if alternatives.count > 1 {
        alternatives.removeAll { $0.unicodeScalars.count < 2 }
      }
      var spelled: [String] = []
      for form in alternatives { spelled += try forms(form) }
      // Other spellings of a name word, as whole words: `Zawr` finds text saying `Zor`. For
      // a word with an article, of the word without it.
      if let word = alternatives.last {
        spelled += try otherSpellings(of: word, in: db).map { "\"\($0)\"" }
      }
      parts.append("(" + Array(Set(spelled)).sorted().joined(separator: " OR ") + ")")
    }
    for phrase in query.phrases {
      let folded = SearchKey.fold(phrase)
      if !folded.isEmpty { parts.append("\"\(folded)\"") }
    }
    return parts.isEmpty ? nil : parts.joined(separator: " AND ")
  }

  /// The matches in display order, with counts per group.
  func matches() throws -> SearchMatches {
    let query = request.query
    guard query.hasText || query.hasFilters else {
      return SearchMatches(matches: [], counts: [:], isCountCapped: false)
    }
    let best = query.hasText ? try nameTier() : [:]
    let expression = request.namesOnly ? nil : try Self.matchExpression(query, in: db)
    // Matches beyond the name tiers, newest first, with each kind's count.
    var found: [(order: Int64, match: SearchMatch)] = []
    var capped = false
    if let expression {
      let keys: [Int64]
      (keys, capped) = try textKeys(expression)
      found = keys.compactMap { key in
        guard let kind = SearchDocument.kind(ofKey: key) else { return nil }
        let group = SearchGroup(kind, isStatement: SearchDocument.isStatement(key: key))
        return (
          key,
          SearchMatch(
            kind: kind, rowid: SearchDocument.rowid(ofKey: key), tier: .text, group: group)
        )
      }
    } else if !query.hasText, !request.namesOnly {
      // Filters alone: what passes them, newest first. (Words that fold to nothing, such
      // as punctuation, match nothing.)
      (found, capped) = try filteredRecords()
    }

    // Name hits first; a text match already among them is not listed (or counted) twice.
    // The name hits are few, the text matches up to the count limit: one pass over these.
    var ordered = try rankNameHits(best)
    ordered.reserveCapacity(ordered.count + found.count)
    for entry in found
    where best.isEmpty || best[IndexedRecord(entry.match.kind, entry.match.rowid)] == nil {
      ordered.append(entry.match)
    }
    // Up to ten thousand matches a keystroke: counted and grouped by the groups' positions,
    // not through dictionaries.
    var tally = [Int](repeating: 0, count: SearchGroup.allCases.count)
    for match in ordered { tally[match.group.position] += 1 }
    var counts: [SearchGroup: Int] = [:]
    for group in SearchGroup.allCases where tally[group.position] > 0 {
      counts[group] = tally[group.position]
    }
    return SearchMatches(
      matches: Self.grouped(ordered), counts: counts, isCountCapped: capped)
  }

  /// Matches grouped by kind: the group holding the best match first, each group in rank
  /// order.
  static func grouped(_ ranked: [SearchMatch]) -> [SearchMatch] {
    var order: [Int] = []
    var buckets = [[SearchMatch]](repeating: [], count: SearchGroup.allCases.count)
    for match in ranked {
      let position = match.group.position
      if buckets[position].isEmpty { order.append(position) }
      buckets[position].append(match)
    }
    return order.flatMap { buckets[$0] }
  }

  /// Records whose name or alias the query's words spell (folded, under the
  /// transliteration key, or closely misspelt), with their best tier and rank in it.
  func nameTier() throws -> [IndexedRecord: NameRank] {
    var best: [IndexedRecord: NameRank] = [:]
    func offer(_ record: IndexedRecord, _ rank: NameRank) {
      if best[record].map({ rank < $0 }) ?? true { best[record] = rank }
    }
    for key in SearchKey.compactAlternatives(request.query.text) {
      let rows = try db.rows(
        sql: """
          SELECT key, kind, record, word_offset FROM name_key
          WHERE key >= ? AND key < ? ORDER BY length(key), key LIMIT \(Self.nameCandidateLimit)
          """, arguments: [key, key + "\u{10FFFF}"])
      for row in rows {
        // Columns by position: key, kind, record, word_offset.
        guard let kind = RecordKind(code: try row.get(at: 1)), kindAllowed(kind) else { continue }
        let isExact = (try row.get(at: 0) as String) == key
        let isWhole = (try row.get(at: 3) as Int) == 0
        let tier: MatchTier = isWhole ? (isExact ? .exactName : .namePrefix) : .wordPrefix
        offer(IndexedRecord(kind, try row.get(at: 2)), NameRank(tier: tier))
      }
    }
    for (record, rank) in try transliterationTier() {
      offer(record, NameRank(tier: .transliteration, rank: rank))
    }
    for (record, distance) in try closeMatchTier(namesFound: !best.isEmpty) {
      offer(record, NameRank(tier: .closeMatch, rank: distance))
    }
    guard request.query.hasFilters || request.query.phrases.count > 0 else { return best }
    // Filters (and phrases) hold for name-tier hits too.
    var kept: [IndexedRecord: NameRank] = [:]
    var phrases = SearchQuery()
    phrases.phrases = request.query.phrases
    let expression = try Self.matchExpression(phrases, in: db)
    for (kind, records) in Dictionary(grouping: best.keys, by: \.kind) {
      guard let condition = filter.condition(for: kind, alias: "r") else { continue }
      let list = records.map { String($0.rowid) }.joined(separator: ",")
      var rowids = Set(
        try db.values(
          Int64.self,
          sql: "SELECT r.rowid FROM \(kind.rawValue) r WHERE r.rowid IN (\(list)) AND \(condition)")
      )
      if let expression {
        let keys = try db.values(
          Int64.self,
          sql: """
            SELECT rowid FROM search_index WHERE search_index MATCH ?
            AND rowid IN (SELECT rowid FROM search_text WHERE kind = \(kind.code)
              AND record IN (\(list)))
            """, arguments: [expression])
        rowids.formIntersection(keys.map(SearchDocument.rowid(ofKey:)))
      }
      for record in records where rowids.contains(record.rowid) { kept[record] = best[record] }
    }
    return kept
  }

  /// Full-text keys matching `expression` (and the filters), newest first; whether the
  /// count stopped at the request's limit.
  func textKeys(_ expression: String) throws -> (keys: [Int64], capped: Bool) {
    let cap = request.countLimit.map { max(1, $0) }
    let limit = cap.map { " LIMIT \($0 + 1)" } ?? ""
    let kinds = RecordKind.allCases.filter(kindAllowed)
    guard !kinds.isEmpty else { return ([], false) }
    func codes(_ kinds: [RecordKind]) -> String {
      kinds.flatMap(SearchDocument.codes(of:)).map(String.init).joined(separator: ",")
    }
    var keys: [Int64] = []
    var capped = false
    if !request.query.hasFilters {
      let kindFilter =
        kinds.count == RecordKind.allCases.count
        ? "" : " AND ((rowid >> 32) & 15) IN (\(codes(kinds)))"
      keys = try db.values(
        Int64.self,
        sql: """
          SELECT rowid FROM search_index WHERE search_index MATCH ?\(kindFilter)
          ORDER BY rowid DESC\(limit)
          """, arguments: [expression])
      if let cap, keys.count > cap {
        keys.removeLast(keys.count - cap)
        capped = true
      }
      return (keys, capped)
    }
    for kind in kinds {
      guard let condition = filter.condition(for: kind, alias: "r") else { continue }
      var found = try db.values(
        Int64.self,
        sql: """
          SELECT s.rowid FROM search_index s JOIN \(kind.rawValue) r
            ON r.rowid = (s.rowid & \(SearchDocument.maximumRowid - 1))
          WHERE search_index MATCH ? AND ((s.rowid >> 32) & 15) IN (\(codes([kind])))
            AND \(condition)
          ORDER BY s.rowid DESC\(limit)
          """, arguments: [expression])
      if let cap, found.count > cap {
        found.removeLast(found.count - cap)
        capped = true
      }
      keys += found
    }
    keys.sort(by: >)
    return (keys, capped)
  }

  /// Records passing the filters when the query has no words, newest first.
  func filteredRecords() throws -> (found: [(order: Int64, match: SearchMatch)], capped: Bool) {
    let cap = request.countLimit.map { max(1, $0) }
    let limit = cap.map { " LIMIT \($0 + 1)" } ?? ""
    var found: [(order: Int64, match: SearchMatch)] = []
    var capped = false
    for kind in RecordKind.allCases where kindAllowed(kind) {
      guard let condition = filter.condition(for: kind, alias: "r") else { continue }
      let day = SearchFilterSQL.recencyColumn(kind).map { "r.\($0)" } ?? "NULL"
      let statement = kind == .event ? "r.kind = 'statement'" : "0"
      var rows = try db.rows(
        sql: """
          SELECT r.rowid AS rowid, \(day) AS day, \(statement) AS statement
          FROM \(kind.rawValue) r WHERE \(condition)
          ORDER BY \(day) DESC, r.rowid DESC\(limit)
          """)
      if let cap, rows.count > cap {
        rows.removeLast(rows.count - cap)
        capped = true
      }
      for row in rows {
        let rowid: Int64 = try row.get("rowid")
        let isStatement: Bool = try row.get("statement")
        let day: Int? = try row.get("day")
        let key = SearchDocument(
          kind: kind, rowid: rowid, day: day.map(Day.init(daysSinceEpoch:)), names: "", body: "",
          isStatement: isStatement
        ).key
        found.append(
          (
            key,
            SearchMatch(
              kind: kind, rowid: rowid, tier: .text,
              group: SearchGroup(kind, isStatement: isStatement))
          ))
      }
    }
    found.sort { $0.order > $1.order }
    return (found, capped)
  }

  /// Name-tier hits by tier, then most recent activity, then name.
  func rankNameHits(_ best: [IndexedRecord: NameRank]) throws -> [SearchMatch] {
    var decorated:
      [(record: IndexedRecord, tier: NameRank, lastDay: Int, sortKey: String, statement: Bool)] =
        []
    let query = Set(SearchKey.compactAlternatives(request.query.text))
    for (record, found) in best {
      var tier = found
      let table = record.kind.rawValue
      let recency: String
      let sortKey: String
      switch record.kind {
      case .actor, .site: (recency, sortKey) = ("last_day", "sort_key")
      case .source: (recency, sortKey) = ("NULL", "sort_key")
      default:
        (recency, sortKey) = (SearchFilterSQL.recencyColumn(record.kind) ?? "NULL", "''")
      }
      let statement = record.kind == .event ? "kind = 'statement'" : "0"
      let named = [.actor, .site, .source].contains(record.kind) ? "name" : "NULL"
      let row = try db.row(
        sql: """
          SELECT \(recency) AS last_day, \(sortKey) AS sort_key, \(statement) AS statement,
            \(named) AS name
          FROM \(table) WHERE rowid = ?
          """,
        arguments: [record.rowid])
      // An exact match on a spelling that is not the record's own name is an alias's.
      if tier.tier == .exactName, let name: String = try row?.get("name"),
        !SearchKey.compactAlternatives(name).contains(where: query.contains)
      {
        tier = NameRank(tier: .alias)
      }
      decorated.append(
        (
          record, tier, try row?.get("last_day") ?? Int.min, try row?.get("sort_key") ?? "",
          try row?.get("statement") ?? false
        ))
    }
    decorated.sort { lhs, rhs in
      if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
      if lhs.lastDay != rhs.lastDay { return lhs.lastDay > rhs.lastDay }
      if lhs.sortKey != rhs.sortKey { return lhs.sortKey < rhs.sortKey }
      return lhs.record < rhs.record
    }
    return decorated.map {
      SearchMatch(
        kind: $0.record.kind, rowid: $0.record.rowid, tier: $0.tier.tier,
        group: SearchGroup($0.record.kind, isStatement: $0.statement))
    }
  }
}

/// A name-tier match's tier and its rank inside the tier, lower first.
struct NameRank: Comparable {
  var tier: MatchTier
  var rank = 0

  static func < (lhs: NameRank, rhs: NameRank) -> Bool {
    (lhs.tier, lhs.rank) < (rhs.tier, rhs.rank)
  }
}
