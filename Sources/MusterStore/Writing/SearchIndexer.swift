import GRDB
import MusterDomain

/// One entry of the full-text index: folded names and body text, keyed by date.
///
/// The key orders the index by date, so the newest matches of any query come first for
/// free (`ORDER BY rowid DESC` needs no sort, see performance.md): bits 36 and up hold the
/// day (offset so it is never negative), bits 32–35 the record kind, the low 32 bits the
/// record's rowid.
struct SearchDocument {
  static let dayOffset = 1 << 20
  static let maximumRowid: Int64 = 1 << 32

  let kind: RecordKind
  let rowid: Int64
  let day: Day?
  let names: String
  let body: String
  /// Whether `body` is folded already (index text), rather than raw text to fold.
  var isFolded = false
  /// Whether the record is a statement (an event of kind `statement`), which has a kind
  /// code of its own in the key so searches count statements apart from other events.
  var isStatement = false

  /// The key's kind bits for statements.
  static let statementCode: Int64 = 9

  var key: Int64 {
    let dayPart = day.map { min(max($0.daysSinceEpoch + Self.dayOffset, 1), 2 * Self.dayOffset) }
    let code = isStatement ? Self.statementCode : Int64(kind.code)
    return (Int64(dayPart ?? 0) << 36) | (code << 32) | rowid
  }

  static func kind(ofKey key: Int64) -> RecordKind? {
    let code = (key >> 32) & 0xF
    return code == statementCode ? .event : RecordKind(code: Int(code))
  }

  /// The keys' kind codes for records of `kind`.
  static func codes(of kind: RecordKind) -> [Int64] {
    kind == .event ? [Int64(kind.code), statementCode] : [Int64(kind.code)]
  }

  /// Whether a key is a statement's.
  static func isStatement(key: Int64) -> Bool {
    (key >> 32) & 0xF == statementCode
  }

  static func rowid(ofKey key: Int64) -> Int64 {
    key & 0xFFFF_FFFF
  }

  /// An event's index text from its stored columns (`tags` packed).
  static func eventText(
    summary: String, quote: String?, note: String?, kind: String, siteName: String?,
    tags: String?
  ) -> String {
    SearchKey.eventText(
      summary: summary, quote: quote, note: note, kind: kind, siteName: siteName,
      tags: PackedList.unpack(tags))
  }
}

/// Rebuilds the full-text entry and the name keys of one record from what the database holds.
struct SearchIndexer {
  let db: Database

  /// Rebuilds the entries of many records: every old entry is removed first, then the new
  /// ones go in ascending key order, because FTS5 flushes its pending buffer whenever a rowid
  /// arrives lower than the one before (in creation order this flushed on nearly every row).
  mutating func reindex(_ records: some Collection<IndexedRecord>) throws {
    var entries: [(key: Int64, record: IndexedRecord, names: String, body: String)] = []
    entries.reserveCapacity(records.count)
    var nameKeys: [(IndexedRecord, [NameKey])] = []
    var spellings = try NameSpellings(db)
    for record in records {
      try db.run(
        sql: "DELETE FROM search_text WHERE kind = ? AND record = ?",
        arguments: [record.kind.code, record.rowid])
      try db.run(
        sql: "DELETE FROM name_key WHERE kind = ? AND record = ?",
        arguments: [record.kind.code, record.rowid])
      try NameSpellings.remove(record.kind, record.rowid, db)
      guard let document = try document(for: record) else { continue }
      let spelled = try nameKeySources(for: record)
      try spellings.add(record.kind, record.rowid, names: spelled)
      let keys = spelled.flatMap(SearchKey.nameKeys)
      // The names column also carries each name run together, so the text tier finds
      // `albukamal` in `Albu Kamal` as the name tiers do.
      let compactNames = keys.filter { $0.wordOffset == 0 }.map(\.key)
      let names = ([SearchKey.indexText(document.names)] + compactNames).joined(separator: " ")
      let body = document.isFolded ? document.body : SearchKey.indexText(document.body)
      entries.append((document.key, record, names, body))
      nameKeys.append((record, keys))
    }
    for entry in entries.sorted(by: { $0.key < $1.key }) {
      try db.run(
        sql: "INSERT INTO search_text(rowid, kind, record, names, body) VALUES (?, ?, ?, ?, ?)",
        arguments: [entry.key, entry.record.kind.code, entry.record.rowid, entry.names, entry.body])
    }
    try SearchTerms.add(
      entries.flatMap { SearchTerms.terms(of: $0.names) + SearchTerms.terms(of: $0.body) }, db)
    for (record, keys) in nameKeys {
      for nameKey in keys {
        try db.run(
          sql: "INSERT OR IGNORE INTO name_key(key, kind, record, word_offset) VALUES (?, ?, ?, ?)",
          arguments: [nameKey.key, record.kind.code, record.rowid, nameKey.wordOffset])
      }
    }
  }

  /// The names whose keys the name tiers of search match: a name and its aliases.
  func nameKeySources(for record: IndexedRecord) throws -> [String] {
    switch record.kind {
    case .actor, .site:
      let name = try db.value(
        String.self, sql: "SELECT name FROM \(record.kind.rawValue) WHERE rowid = ?",
        arguments: [record.rowid])
      return [name].compactMap { $0 } + (try aliases(of: record))
    case .source:
      return try db.values(
        String.self, sql: "SELECT name FROM source WHERE rowid = ?", arguments: [record.rowid])
    case .deployment, .event, .relation, .document, .note:
      return []
    }
  }

  func aliases(of record: IndexedRecord) throws -> [String] {
    try db.values(
      String.self,
      sql: "SELECT name FROM alias WHERE owner_kind = ? AND owner = ? ORDER BY position",
      arguments: [record.kind.code, record.rowid])
  }

  func citationQuotes(of record: IndexedRecord) throws -> [String] {
    try db.values(
      String.self,
      sql: """
        SELECT quote FROM citation WHERE claim_kind = ? AND claim = ? AND quote IS NOT NULL
        ORDER BY position
        """, arguments: [record.kind.code, record.rowid])
  }

  /// The text to index for a record, or `nil` if it no longer exists.
  func document(for record: IndexedRecord) throws -> SearchDocument? {
    let rowid = record.rowid
    func make(day: Int?, names: [String?], body: [String?]) -> SearchDocument {
      SearchDocument(
        kind: record.kind, rowid: rowid, day: day.map(Day.init(daysSinceEpoch:)),
        names: names.compactMap { $0 }.joined(separator: " \n "),
        body: body.compactMap { $0 }.joined(separator: " \n "))
    }
    switch record.kind {
    case .actor:
      guard
        let row = try db.row(
          sql: "SELECT name, kind, country, description FROM actor WHERE rowid = ?",
          arguments: [rowid])
      else { return nil }
      return make(
        day: nil, names: [try row.optionalText("name")] + (try aliases(of: record)),
        body: [
          try row.optionalText("description"), try row.optionalText("kind"),
          try row.optionalText("country"),
        ])
    case .site:
      guard
        let row = try db.row(
          sql: """
            SELECT name, kind, country, admin1, admin2, description FROM site WHERE rowid = ?
            """, arguments: [rowid])
      else { return nil }
      return make(
        day: nil, names: [try row.optionalText("name")] + (try aliases(of: record)),
        body: [
          try row.optionalText("description"), try row.optionalText("kind"),
          try row.optionalText("admin2"), try row.optionalText("admin1"),
          try row.optionalText("country"),
        ]
          + (try ancestorNames(ofSite: rowid)))
    case .deployment:
      guard
        let row = try db.row(
          sql: """
            SELECT actor.name AS actor_name, site.name AS site_name, deployment.role,
              deployment.status, deployment.note, deployment.start_first
            FROM deployment JOIN actor ON actor.rowid = deployment.actor
            JOIN site ON site.rowid = deployment.site WHERE deployment.rowid = ?
            """, arguments: [rowid])
      else { return nil }
      return make(
        day: try row.get("start_first") as Int?, names: [],
        body: [
          try row.optionalText("actor_name"), try row.optionalText("site_name"),
          try row.optionalText("role"), try row.optionalText("status"),
          try row.optionalText("note"),
        ]
          + (try citationQuotes(of: record)))
    case .event:
      guard
        let row = try db.row(
          sql: """
            SELECT event.kind, event.date_first, event.summary, event.quote, event.note,
              event.tags, site.name AS site_name
            FROM event LEFT JOIN site ON site.rowid = event.site WHERE event.rowid = ?
            """, arguments: [rowid])
      else { return nil }
      return SearchDocument(
        kind: .event, rowid: rowid, day: (try row.get("date_first") as Int?).map(Day.init),
        names: "",
        body: SearchDocument.eventText(
          summary: try row.get("summary"), quote: try row.optionalText("quote"),
          note: try row.optionalText("note"), kind: try row.get("kind"),
          siteName: try row.optionalText("site_name"), tags: try row.optionalText("tags")),
        isFolded: true, isStatement: try row.get("kind") == EventKind.statement.rawValue)
    case .relation:
      guard
        let row = try db.row(
          sql: """
            SELECT subject.name AS subject_name, object.name AS object_name, relation.kind,
              relation.role, relation.note, relation.start_first
            FROM relation JOIN actor AS subject ON subject.rowid = relation.subject
            JOIN actor AS object ON object.rowid = relation.object WHERE relation.rowid = ?
            """, arguments: [rowid])
      else { return nil }
      let kind = RelationKind(rawValue: try row.get("kind") ?? "")?.phrase
      return make(
        day: try row.get("start_first") as Int?, names: [],
        body: [
          try row.optionalText("subject_name"), kind, try row.optionalText("object_name"),
          try row.optionalText("role"), try row.optionalText("note"),
        ]
          + (try citationQuotes(of: record)))
    case .source:
      guard
        let row = try db.row(
          sql: "SELECT name, kind, country, note FROM source WHERE rowid = ?",
          arguments: [rowid])
      else { return nil }
      return make(
        day: nil, names: [try row.optionalText("name")],
        body: [try row.optionalText("note"), try row.optionalText("country")])
    case .document:
      guard
        let row = try db.row(
          sql: """
            SELECT document.title, document.note, document.published_first,
              source.name AS source_name
            FROM document JOIN source ON source.rowid = document.source
            WHERE document.rowid = ?
            """, arguments: [rowid])
      else { return nil }
      return make(
        day: try row.get("published_first") as Int?, names: [try row.optionalText("title")],
        body: [try row.optionalText("note"), try row.optionalText("source_name")])
    case .note:
      guard
        let row = try db.row(
          sql: "SELECT author, created_at, text FROM note WHERE rowid = ?",
          arguments: [rowid])
      else { return nil }
      let createdAt: Int = try row.get("created_at") ?? 0
      return make(
        day: createdAt.floorDivided(by: 86_400), names: [],
        body: [try row.optionalText("text"), try row.optionalText("author")])
    }
  }

  /// The names and aliases of the sites a site lies in, so a town's name finds what is in it.
  func ancestorNames(ofSite rowid: Int64) throws -> [String] {
    try db.values(
      String.self,
      sql: """
        WITH RECURSIVE above(rowid, depth) AS (
          SELECT parent, 1 FROM site WHERE rowid = ? AND parent IS NOT NULL
          UNION SELECT site.parent, depth + 1 FROM site JOIN above ON site.rowid = above.rowid
            WHERE site.parent IS NOT NULL AND depth < 16)
        SELECT name FROM (
          SELECT site.name, above.depth, -1 AS position FROM site JOIN above USING (rowid)
          UNION ALL
          SELECT alias.name, above.depth, alias.position FROM alias JOIN above
            ON alias.owner_kind = \(RecordKind.site.code) AND alias.owner = above.rowid)
        ORDER BY depth, position
        """, arguments: [rowid])
  }
}

extension Int {
  /// Division rounding towards negative infinity.
  func floorDivided(by divisor: Int) -> Int {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
