import GRDB
import MusterDomain

extension SQLiteCatalog {
  /// How many records of each kind there are, and the span of days they cover.
  public func summary() throws -> CatalogSummary {
    try read { db in
      var counts: [RecordKind: Int] = [:]
      for kind in RecordKind.allCases {
        counts[kind] = try db.value(Int.self, sql: "SELECT count(*) FROM \(kind.rawValue)") ?? 0
      }
      let title = try db.value(String.self, sql: "SELECT value FROM meta WHERE key = 'title'")
      return CatalogSummary(counts: counts, span: try span(db), title: title)
    }
  }

  /// The days from the earliest to the latest event start or deployment bound.
  ///
  /// Each bound is an indexed `min` or `max`, so this costs the same for a million events
  /// as for ten.
  func span(_ db: Database) throws -> DayRange? {
    let bounds = try db.row(
      sql: """
        SELECT (SELECT min(date_first) FROM event) AS a, (SELECT min(start_first) FROM deployment) AS b,
          (SELECT min(end_last) FROM deployment) AS c, (SELECT max(date_first) FROM event) AS d,
          (SELECT max(start_first) FROM deployment) AS e, (SELECT max(end_last) FROM deployment) AS f
        """)
    guard let bounds else { return nil }
    let firsts: [Int] = try ["a", "b", "c"].compactMap { try bounds.get($0) as Int? }
    let lasts: [Int] = try ["d", "e", "f"].compactMap { try bounds.get($0) as Int? }
    guard let first = firsts.min(), let last = lasts.max() else { return nil }
    return DayRange(first: Day(daysSinceEpoch: first), last: Day(daysSinceEpoch: last))
  }

  /// One page of records of one kind, sorted as asked.
  public func entities(_ query: EntityQuery) throws -> EntityPage {
    if let author = query.pinnedBy { return try pins(of: author, query) }
    return try read { db in
      let table = query.kind.rawValue
      // A filter is one more condition on the kind's table (named as the table).
      var condition = "1"
      var filterArguments: [String] = []
      if let filter = query.filter {
        guard
          let (sql, values) = try SearchFilterSQL(db: db, query: filter).fullCondition(
            for: query.kind, alias: table, in: db)
        else { return EntityPage(rows: [], total: 0, offset: max(0, query.offset)) }
        condition = sql
        filterArguments = values
      }
      if query.endsAtAsOf, query.kind == .event, let day = query.asOf {
        condition = "(\(condition)) AND event.date_first <= \(day.daysSinceEpoch)"
      }
      let total =
        try db.value(
          Int.self, sql: "SELECT count(*) FROM \(table) WHERE \(condition)",
          arguments: StatementArguments(filterArguments)) ?? 0
      let limit = max(0, query.limit)
      let offset = max(0, query.offset)
      let sql: String
      switch query.kind {
      case .actor, .site, .source:
        let order =
          query.order == .recent && query.kind != .source
          ? "last_day IS NULL, last_day DESC, sort_key" : "sort_key, rowid"
        sql = "SELECT rowid FROM \(table) WHERE \(condition) ORDER BY \(order) LIMIT ? OFFSET ?"
      case .event:
        let direction = query.order == .recent ? "DESC" : "ASC"
        sql = """
          SELECT rowid FROM event WHERE \(condition)
          ORDER BY date_first \(direction), rowid \(direction) LIMIT ? OFFSET ?
          """
      case .deployment:
        let order =
          query.order == .recent
          ? "deployment.start_first IS NULL, deployment.start_first DESC"
          : "actor.sort_key, site.sort_key, deployment.start_first"
        // By name, actors are the outer loop (CROSS JOIN): read in order through their
        // name index, a page costs a few rows; else SQLite sorted every deployment
        // (22,000 inferred at a million events: 40 ms a page).
        let join = query.order == .recent ? "deployment JOIN actor" : "actor CROSS JOIN deployment"
        sql = """
          SELECT deployment.rowid FROM \(join) ON actor.rowid = deployment.actor
          JOIN site ON site.rowid = deployment.site WHERE \(condition)
          ORDER BY \(order), deployment.rowid LIMIT ? OFFSET ?
          """
      case .relation, .document, .note:
        let order = query.order == .recent ? "rowid DESC" : "rowid"
        sql = "SELECT rowid FROM \(table) WHERE \(condition) ORDER BY \(order) LIMIT ? OFFSET ?"
      }
      let reader = ListReader(db: db, asOf: query.asOf, catalog: self)
      let rows = try db.values(
        Int64.self, sql: sql,
        arguments: StatementArguments(
          filterArguments.map { $0 as any DatabaseValueConvertible } + [limit, offset])
      ).compactMap { try reader.row(query.kind, $0) }
      return EntityPage(rows: rows, total: total, offset: offset)
    }
  }

  /// One page of the records an analyst pinned, newest pin first.
  ///
  /// Pins of records that no longer exist are counted but not listed.
  func pins(of author: String, _ query: EntityQuery) throws -> EntityPage {
    try read { db in
      let total =
        try db.value(
          Int.self, sql: "SELECT count(*) FROM pin WHERE author = ?", arguments: [author])
        ?? 0
      let offset = max(0, query.offset)
      let targets = try db.values(
        String.self,
        sql:
          "SELECT target FROM pin WHERE author = ? ORDER BY created_at DESC, target LIMIT ? OFFSET ?",
        arguments: [author, max(0, query.limit), offset])
      let reader = ListReader(db: db, asOf: query.asOf, catalog: self)
      let rows = try targets.compactMap { target -> EntityRow? in
        guard let record = RecordReference(target),
          let rowid = try db.value(
            Int64.self, sql: "SELECT rowid FROM \(record.kind.rawValue) WHERE id = ?",
            arguments: [target])
        else { return nil }
        return try reader.row(record.kind, rowid)
      }
      return EntityPage(rows: rows, total: total, offset: offset)
    }
  }

  /// Whether an analyst pinned a record.
  public func isPinned(_ record: RecordReference, by author: String) throws -> Bool {
    try read { db in
      try db.value(
        Int.self, sql: "SELECT count(*) FROM pin WHERE target = ? AND author = ?",
        arguments: [record.rawValue, author]) == 1
    }
  }

  /// How many events fall in each of a number of equal slices of a span.
  public func activity(in range: DayRange, buckets: Int) throws -> [Int] {
    guard buckets > 0 else { return [] }
    return try read { db in
      var counts = Array(repeating: 0, count: buckets)
      let first = range.first.daysSinceEpoch
      let width = range.count
      let rows = try db.rows(
        sql: """
          SELECT (day - ?1) * ?3 / ?2 AS bucket, sum(events) AS n FROM event_day
          WHERE day BETWEEN ?1 AND ?4 GROUP BY bucket
          """, arguments: [first, width, buckets, range.last.daysSinceEpoch])
      for row in rows {
        let bucket: Int = try row.get("bucket")
        if counts.indices.contains(bucket) { counts[bucket] = try row.get("n") }
      }
      return counts
    }
  }

  /// Runs a read on the catalog's one connection, with errors that name the file.
  ///
  /// A read stopped by `interrupt()` throws `CatalogReadInterrupted`, told by SQLite's
  /// result code; every other failure a `StoreError`.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try database.read(body)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
      throw CatalogReadInterrupted()
    } catch {
      return try StoreError.wrapping(path: path) { () throws -> T in throw error }
    }
  }
}

/// Builds list rows, with each kind's most useful fact.
struct ListReader {
  let db: Database
  let asOf: Day?
  /// The catalog whose positions in memory give the actors' and sites' facts as of `asOf`.
  var catalog: SQLiteCatalog? = nil
  /// The positions once asked for, for the rest of the page's rows.
  private let memo = PositionsMemo()

  /// The catalog's positions in memory, looked up once a page.
  func positions(_ catalog: SQLiteCatalog) throws -> PositionIndex {
    if let index = memo.index { return index }
    let index = try catalog.positionIndex(db)
    memo.index = index
    return index
  }

  var loader: RecordLoader { RecordLoader(db: db) }

  func row(_ kind: RecordKind, _ rowid: Int64) throws -> EntityRow? {
    switch kind {
    case .actor:
      guard
        let row = try db.row(
          sql: "SELECT id, name, kind FROM actor WHERE rowid = ?", arguments: [rowid])
      else { return nil }
      var fact = ""
      if let asOf, let catalog {
        fact = try positionsFact(
          ofActor: rowid, asOf: asOf, positions: try positions(catalog))
      }
      return EntityRow(
        record: RecordReference(kind: .actor, rawValue: try row.get("id")),
        title: try row.get("name"),
        category: Self.words(try row.get("kind")), fact: fact)
    case .site:
      guard
        let row = try db.row(
          sql: "SELECT id, name, kind FROM site WHERE rowid = ?", arguments: [rowid])
      else { return nil }
      var fact = ""
      if let asOf, let catalog {
        let holders = try positions(catalog).holders(ofSite: rowid, asOf: asOf, db: db)
        fact = Self.holderFact(holders.first, count: holders.count)
      }
      return EntityRow(
        record: RecordReference(kind: .site, rawValue: try row.get("id")),
        title: try row.get("name"),
        category: Self.words(try row.get("kind")), fact: fact)
    case .source:
      guard let source = try loader.source(rowid) else { return nil }
      return EntityRow(
        record: source.id.reference(.source), title: source.name,
        category: Self.words(source.kind.rawValue),
        fact: "\(source.reliability.rawValue) \(source.reliability.meaning)")
    case .deployment:
      guard
        let state = try DeploymentStates(db: db).states(
          sql: "SELECT ?1 AS rowid", arguments: [rowid], asOf: asOf
        ).first
      else { return nil }
      let deployment = state.deployment
      return EntityRow(
        record: deployment.id.reference(.deployment),
        title: "\(state.actorName) at \(state.siteName)",
        category: deployment.role.rawValue, fact: Self.stateFact(state),
        date: deployment.period.start?.date, grade: state.grade)
    case .event:
      guard
        let row = try db.row(
          sql: """
            SELECT event.id, event.kind, event.summary, event.date_first, event.date_last,
              event.date_precision, event.date_code, event.grade_reliability,
              event.grade_credibility, site.name AS site_name
            FROM event LEFT JOIN site ON site.rowid = event.site WHERE event.rowid = ?
            """, arguments: [rowid])
      else { return nil }
      return EntityRow(
        record: RecordReference(kind: .event, rawValue: try row.get("id")),
        title: try row.get("summary"),
        category: try row.get("kind"), fact: try row.get("site_name") ?? "",
        date: try row.fuzzyDate("date"),
        grade: try row.grade())
    case .relation:
      guard let relation = try loader.relation(rowid),
        let subject = try loader.link(relation.subject.reference(.actor)),
        let object = try loader.link(relation.object.reference(.actor))
      else { return nil }
      return EntityRow(
        record: relation.id.reference(.relation),
        title: "\(subject.title) \(relation.kind.phrase) \(object.title)",
        category: relation.kind.rawValue, fact: relation.analystStatus.rawValue,
        date: relation.period.start?.date,
        grade: relation.citations.isEmpty ? nil : try grade(relation))
    case .document:
      guard let document = try loader.document(rowid),
        let source = try loader.link(document.source.reference(.source))
      else { return nil }
      return EntityRow(
        record: document.id.reference(.document), title: document.title,
        category: source.title, date: document.published)
    case .note:
      guard let note = try loader.note(rowid) else { return nil }
      return EntityRow(
        record: note.id.reference(.note), title: note.text, category: note.author,
        fact: note.target.rawValue)
    }
  }

  func grade(_ relation: ActorRelation) throws -> Grade? {
    try db.row(
      sql: "SELECT grade_reliability, grade_credibility FROM relation WHERE id = ?",
      arguments: [relation.id.rawValue])?.grade()
  }

  static func words(_ rawValue: String?) -> String {
    (rawValue ?? "").replacingOccurrences(of: "_", with: " ")
  }

  /// "present", "withdrawing · ≤2,000 personnel".
  static func stateFact(_ state: DeploymentState) -> String {
    var parts = [words(state.status.rawValue)]
    if let strength = state.strength { parts.append(strength.description) }
    if state.deployment.isInferred { parts.append("inferred") }
    if state.deployment.analystStatus == .contested { parts.append("contested") }
    return parts.joined(separator: " · ")
  }

  /// The holder that matters most, and how many others there are.
  static func holderFact(_ holder: PositionIndex.Holder?, count: Int) -> String {
    guard let holder else { return "" }
    let others = count > 1 ? " +\(count - 1)" : ""
    let inferred = holder.isInferred
    let state = holder.isRejected ? "rejected" : words(holder.status.rawValue)
    return "\(inferred ? "~" : "")\(holder.actorName) (\(state)"
      + "\(inferred ? ", inferred" : ""))\(others)"
  }

  /// Where an actor is as of `day`.
  ///
  /// Its inferred positions (a state's forces hold hundreds of places by inference) are
  /// read from `positions`; the analysts' are worked out in full, effects and all.
  func positionsFact(ofActor actor: Int64, asOf day: Day, positions: PositionIndex) throws
    -> String
  {
    let today = Int32(clamping: day.daysSinceEpoch)
    let counting = positions.counting(ofActor: actor, on: today)
    let inferred = counting.filter {
      $0.isAsRecorded(on: today) && $0.status.isHolding && !$0.isRejected
    }
    let states = try DeploymentStates(db: db).states(
      of: counting.filter { !$0.isAsRecorded(on: today) }.map(\.rowid), asOf: day
    ).filter { $0.status.isHolding && $0.deployment.analystStatus != .rejected }
    switch (inferred.count, states.count) {
    case (0, _): return Self.positionsFact(states)
    case (1, 0):
      let name = try db.value(
        String.self, sql: "SELECT name FROM site WHERE rowid = ?", arguments: [inferred[0].site])
      return "~" + (name ?? "")
    default: return "\(inferred.count + states.count) positions"
    }
  }

  /// Where an actor is: one site by name, or how many.
  static func positionsFact(_ states: [DeploymentState]) -> String {
    switch states.count {
    case 0: return ""
    case 1:
      let state = states[0]
      let strength = state.strength.map { " · \($0.estimate)" } ?? ""
      return "\(state.deployment.isInferred ? "~" : "")\(state.siteName)\(strength)"
    default: return "\(states.count) positions"
    }
  }
}

/// Where a `ListReader` keeps the positions in memory for the rows of one page.
private final class PositionsMemo {
  var index: PositionIndex?
}
