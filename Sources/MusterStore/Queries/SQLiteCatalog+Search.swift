import GRDB
import MusterDomain

extension SQLiteCatalog {
  /// Records matching a query, best first, with the matched text.
  ///
  /// Ranks in tiers: a name or alias equal to the query (spelled any way), then one the
  /// query starts, then one a later word of which the query starts, then records whose text
  /// holds every query word (as a prefix). Ties go to the most recent record.
  public func search(_ request: SearchRequest) throws -> SearchResults {
    try read { db in try SearchReader(db: db, request: request).results() }
  }
}

/// Runs one search against the name keys and the full-text index.
struct SearchReader {
  /// The most name-tier candidates one query considers.
  static let nameCandidateLimit = 500

  let db: Database
  let request: SearchRequest

  func kindAllowed(_ kind: RecordKind) -> Bool {
    request.kinds.isEmpty || request.kinds.contains(kind)
  }

  /// The FTS5 expression: every word as a prefix, each in any of its forms.
  static func matchExpression(_ text: String) -> String? {
    let groups = SearchKey.queryAlternatives(text)
    guard !groups.isEmpty else { return nil }
    return groups.map { alternatives in
      "(" + alternatives.map { "\"\($0)\"*" }.joined(separator: " OR ") + ")"
    }.joined(separator: " AND ")
  }

  func results() throws -> SearchResults {
    guard let expression = Self.matchExpression(request.text) else {
      return SearchResults(hits: [], counts: [:])
    }
    var best: [IndexedRecord: MatchTier] = [:]
    for key in SearchKey.compactAlternatives(request.text) {
      let rows = try db.rows(
        sql: """
          SELECT key, kind, record, word_offset FROM name_key
          WHERE key >= ? AND key < ? ORDER BY length(key), key LIMIT \(Self.nameCandidateLimit)
          """, arguments: [key, key + "\u{10FFFF}"])
      for row in rows {
        guard let kind = RecordKind(code: try row.get("kind")), kindAllowed(kind) else { continue }
        let isExact = (try row.get("key") as String) == key
        let isWhole = (try row.get("word_offset") as Int) == 0
        let tier: MatchTier = isWhole ? (isExact ? .exactName : .namePrefix) : .wordPrefix
        let record = IndexedRecord(kind, try row.get("record"))
        if best[record].map({ tier < $0 }) ?? true { best[record] = tier }
      }
    }

    let kindFilter =
      request.kinds.isEmpty
      ? ""
      : " AND ((rowid >> 32) & 15) IN (\(request.kinds.map { String($0.code) }.joined(separator: ",")))"
    var counts: [RecordKind: Int] = [:]
    for row in try db.rows(
      sql: """
        SELECT (rowid >> 32) & 15 AS kind, count(*) AS n FROM search_index
        WHERE search_index MATCH ?\(kindFilter) GROUP BY 1
        """, arguments: [expression])
    {
      if let kind = RecordKind(code: try row.get("kind")) { counts[kind] = try row.get("n") }
    }
    // Name-tier records the text tier missed still count.
    if !best.isEmpty {
      let keys = try documentKeys(of: Array(best.keys))
      let matched = Set(
        try db.values(
          Int64.self,
          sql: """
            SELECT rowid FROM search_index WHERE search_index MATCH ?
            AND rowid IN (\(keys.map(String.init).joined(separator: ",")))
            """, arguments: [expression]
        ).map {
          IndexedRecord(SearchDocument.kind(ofKey: $0) ?? .actor, SearchDocument.rowid(ofKey: $0))
        })
      for record in best.keys where !matched.contains(record) {
        counts[record.kind, default: 0] += 1
      }
    }

    let limit = max(0, request.limit)
    var ordered = try rankNameHits(best)
    if ordered.count < limit {
      let textKeys = try db.values(
        Int64.self,
        sql: """
          SELECT rowid FROM search_index WHERE search_index MATCH ?\(kindFilter)
          ORDER BY rowid DESC LIMIT ?
          """, arguments: [expression, limit + best.count])
      for key in textKeys {
        guard let kind = SearchDocument.kind(ofKey: key) else { continue }
        let record = IndexedRecord(kind, SearchDocument.rowid(ofKey: key))
        if best[record] == nil {
          best[record] = .text
          ordered.append((record, .text))
        }
      }
    }
    let hits = try ordered.prefix(limit).compactMap { try hit($0.record, tier: $0.tier) }
    return SearchResults(hits: hits, counts: counts)
  }

  /// The full-text keys of records, to check them against the text tier.
  func documentKeys(of records: [IndexedRecord]) throws -> [Int64] {
    try records.compactMap { record in
      try db.value(
        Int64.self, sql: "SELECT rowid FROM search_text WHERE kind = ? AND record = ?",
        arguments: [record.kind.code, record.rowid])
    }
  }

  /// Name-tier hits by tier, then most recent activity, then name.
  func rankNameHits(_ best: [IndexedRecord: MatchTier]) throws -> [(
    record: IndexedRecord, tier: MatchTier
  )] {
    var decorated: [(record: IndexedRecord, tier: MatchTier, lastDay: Int, sortKey: String)] = []
    for (record, tier) in best {
      let table = record.kind.rawValue
      let recency = record.kind == .source ? "NULL" : "last_day"
      let row = try db.row(
        sql: "SELECT \(recency) AS last_day, sort_key FROM \(table) WHERE rowid = ?",
        arguments: [record.rowid])
      decorated.append(
        (record, tier, row?["last_day"] ?? Int.min, row?["sort_key"] ?? ""))
    }
    decorated.sort { lhs, rhs in
      if lhs.tier != rhs.tier { return lhs.tier < rhs.tier }
      if lhs.lastDay != rhs.lastDay { return lhs.lastDay > rhs.lastDay }
      if lhs.sortKey != rhs.sortKey { return lhs.sortKey < rhs.sortKey }
      return lhs.record < rhs.record
    }
    return decorated.map { ($0.record, $0.tier) }
  }

  /// A hit with its title, facts, and the best snippet of matched text.
  func hit(_ record: IndexedRecord, tier: MatchTier) throws -> SearchHit? {
    guard let row = try ListReader(db: db, asOf: nil).row(record.kind, record.rowid) else {
      return nil
    }
    let texts = try displayTexts(record)
    var snippet = Snippet(text: "", highlights: [])
    for text in texts {
      if let found = SearchKey.snippet(of: request.text, in: text) {
        snippet = found
        break
      }
    }
    if snippet.text.isEmpty, tier != .text {
      // A name-tier hit on the run-together name: show the name itself.
      snippet = Snippet(text: row.title, highlights: [])
    }
    return SearchHit(
      record: row.record, title: row.title, category: row.category, tier: tier, date: row.date,
      grade: row.grade, snippet: snippet.text, highlights: snippet.highlights)
  }

  /// The texts a hit's snippet may come from, most telling first.
  func displayTexts(_ record: IndexedRecord) throws -> [String] {
    let loader = RecordLoader(db: db)
    switch record.kind {
    case .actor:
      guard let actor = try loader.actor(record.rowid) else { return [] }
      return [actor.name] + actor.aliases.map(\.name) + [actor.description].compactMap { $0 }
    case .site:
      guard let site = try loader.site(record.rowid) else { return [] }
      let context = try SearchIndexer(db: db).ancestorNames(ofSite: record.rowid)
      return [site.name] + site.aliases.map(\.name) + [site.description].compactMap { $0 }
        + context.map { "in \($0)" }
    case .deployment:
      guard let deployment = try loader.deployment(record.rowid) else { return [] }
      let names = try loader.link(deployment.id.reference(.deployment))?.title
      return [names, deployment.note].compactMap { $0 }
        + deployment.citations.compactMap(\.quote)
    case .event:
      guard let event = try loader.event(record.rowid) else { return [] }
      let participants = try event.participants.compactMap {
        try loader.link($0.actor.reference(.actor))?.title
      }
      let site = try event.site.flatMap { try loader.link($0.reference(.site))?.title }
      return [event.summary, event.quote, event.note].compactMap { $0 }
        + event.citations.compactMap(\.quote) + participants + [site].compactMap { $0 }
        + event.tags + event.classification
    case .relation:
      guard let relation = try loader.relation(record.rowid),
        let title = try loader.link(relation.id.reference(.relation))?.title
      else { return [] }
      return [title, relation.role, relation.note].compactMap { $0 }
    case .source:
      guard let source = try loader.source(record.rowid) else { return [] }
      return [source.name, source.note].compactMap { $0 }
    case .document:
      guard let document = try loader.document(record.rowid) else { return [] }
      return [document.title, document.note].compactMap { $0 }
    case .note:
      guard let note = try loader.note(record.rowid) else { return [] }
      return [note.text, note.author]
    }
  }
}
