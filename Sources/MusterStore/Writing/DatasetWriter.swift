import GRDB
import MusterDomain

/// Writes a dataset inside one transaction: upserts by slug, then derived data.
///
/// Records are written in dependency order (sources, documents, actors, sites, relations,
/// deployments, events, notes, pins). References may point at records in the dataset or
/// already in the database; anything else is an error and the whole write is rolled back.
struct DatasetWriter {
  let db: Database
  let path: String
  var summary = WriteSummary()
  var rowids = RowidCache()
  /// Records whose full-text entries must be rebuilt at the end.
  var toIndex: Set<IndexedRecord> = []
  /// Records whose names changed, so records that show their names need indexing too.
  var renamed: Set<IndexedRecord> = []
  /// Documents whose grade inputs changed (source or its reliability).
  var regradeDocuments: Set<Int64> = []
  /// Actors and sites whose latest-activity day must be recomputed.
  var touchedActors: Set<Int64> = []
  var touchedSites: Set<Int64> = []
  /// Whether events were written, so the per-day counts need recounting.
  var writesEvents = false
  /// The INSERT and UPDATE statements of each table, built once.
  var upsertSQL: [String: (insert: String, update: String)] = [:]
  /// Each cited document's source reliability, looked up once.
  var reliabilities: [Int64: Reliability] = [:]

  init(db: Database, path: String) {
    self.db = db
    self.path = path
  }

  mutating func write(_ dataset: Dataset) throws -> WriteSummary {
    if let title = dataset.title { try setMeta("title", title) }
    if let description = dataset.description { try setMeta("description", description) }
    for source in dataset.sources { try write(source) }
    for document in dataset.documents { try write(document) }
    for document in dataset.documents { try writeCites(of: document) }
    for actor in dataset.actors { try write(actor) }
    for site in dataset.sites { try write(site) }
    for site in dataset.sites { try writeParent(of: site) }
    for relation in dataset.relations { try write(relation) }
    for deployment in dataset.deployments { try write(deployment) }
    for deployment in dataset.deployments { try writeSuccessor(of: deployment) }
    for event in dataset.events { try write(event) }
    writesEvents = writesEvents || !dataset.events.isEmpty
    for note in dataset.notes { try write(note) }
    for pin in dataset.pins { try write(pin) }
    try finish()
    return summary
  }

  func setMeta(_ key: String, _ value: String) throws {
    try db.run(
      sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
  }

  // MARK: Upserting one row

  /// Inserts a new row or updates the one with the same slug; returns its rowid.
  mutating func upsert(
    _ table: String, kind: RecordKind, id: String, columns: [String],
    values: [(any DatabaseValueConvertible)?]
  ) throws -> (rowid: Int64, isNew: Bool) {
    let sql =
      upsertSQL[table]
      ?? {
        let assignments = columns.map { "\($0) = ?" }.joined(separator: ", ")
        let names = (["id"] + columns).joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
        let built = (
          insert: "INSERT INTO \(table)(\(names)) VALUES (\(marks))",
          update: "UPDATE \(table) SET \(assignments) WHERE rowid = ?"
        )
        upsertSQL[table] = built
        return built
      }()
    if let existing = try rowids.lookup(table, id, db) {
      try db.cachedStatement(sql: sql.update)
        .execute(arguments: StatementArguments(values + [existing]))
      summary.updated[kind, default: 0] += 1
      return (existing, false)
    }
    try db.cachedStatement(sql: sql.insert).execute(arguments: StatementArguments([id] + values))
    let rowid = db.lastInsertedRowID
    guard rowid < SearchDocument.maximumRowid else {
      throw StoreError(.invalidData, path: path, "too many \(kind.plural) for one database")
    }
    rowids.remember(table, id, rowid)
    summary.inserted[kind, default: 0] += 1
    return (rowid, true)
  }

  /// The rowid of a referenced record, or an error naming both ends.
  mutating func resolve(_ table: String, _ id: String, from referrer: String) throws -> Int64 {
    guard let rowid = try rowids.lookup(table, id, db) else {
      throw StoreError(
        .invalidData, path: path, "\(referrer) refers to \(id), which does not exist")
    }
    return rowid
  }

  // MARK: Records

  mutating func write(_ source: Source) throws {
    let old = try db.row(
      sql: "SELECT rowid, name, reliability FROM source WHERE id = ?",
      arguments: [source.id.rawValue])
    let (rowid, _) = try upsert(
      "source", kind: .source, id: source.id.rawValue,
      columns: ["name", "sort_key", "kind", "country", "reliability", "note"],
      values: [
        source.name, SortKey.of(source.name), source.kind.rawValue, source.country,
        source.reliability.rank, source.note,
      ])
    if let old, (try old.get("reliability") as Int?) != source.reliability.rank {
      regradeDocuments.formUnion(
        try db.values(
          Int64.self, sql: "SELECT rowid FROM document WHERE source = ?", arguments: [rowid]))
    }
    if let old, (try old.get("name") as String?) != source.name {
      renamed.insert(IndexedRecord(.source, rowid))
    }
    toIndex.insert(IndexedRecord(.source, rowid))
  }

  mutating func write(_ document: Document) throws {
    let sourceRowid = try resolve("source", document.source.rawValue, from: document.id.rawValue)
    let oldSource = try db.value(
      Int64.self, sql: "SELECT source FROM document WHERE id = ?", arguments: [document.id.rawValue]
    )
    let (rowid, _) = try upsert(
      "document", kind: .document, id: document.id.rawValue,
      columns: [
        "source", "title", "url", "published_first", "published_last", "published_precision",
        "published_code", "note",
      ],
      values: [sourceRowid, document.title, document.url] + ColumnValues.date(document.published)
        + [document.note])
    if let oldSource, oldSource != sourceRowid { regradeDocuments.insert(rowid) }
    toIndex.insert(IndexedRecord(.document, rowid))
  }

  mutating func writeCites(of document: Document) throws {
    let rowid = try resolve("document", document.id.rawValue, from: document.id.rawValue)
    try db.run(sql: "DELETE FROM document_cite WHERE document = ?", arguments: [rowid])
    for (position, cited) in document.cites.enumerated() {
      let citedRowid = try resolve("document", cited.rawValue, from: document.id.rawValue)
      try db.cachedStatement(
        sql: "INSERT INTO document_cite(document, position, cited) VALUES (?, ?, ?)"
      ).execute(arguments: [rowid, position, citedRowid])
    }
  }

  mutating func write(_ actor: ForceActor) throws {
    let oldNames = try names(of: .actor, table: "actor", id: actor.id.rawValue)
    let (rowid, _) = try upsert(
      "actor", kind: .actor, id: actor.id.rawValue,
      columns: ["name", "sort_key", "kind", "country", "description", "acled_type"],
      values: [
        actor.name, SortKey.of(actor.name), actor.kind.rawValue, actor.country,
        actor.description, actor.acledTypeCode,
      ])
    try writeAliases(actor.aliases, owner: .actor, rowid: rowid)
    if let oldNames, oldNames != [actor.name] + actor.aliases.map(\.name) {
      renamed.insert(IndexedRecord(.actor, rowid))
    }
    toIndex.insert(IndexedRecord(.actor, rowid))
  }

  mutating func write(_ site: Site) throws {
    let oldNames = try names(of: .site, table: "site", id: site.id.rawValue)
    let location = site.location
    let (rowid, _) = try upsert(
      "site", kind: .site, id: site.id.rawValue,
      columns: [
        "name", "sort_key", "kind", "country", "admin1", "admin2", "latitude", "longitude",
        "location_precision", "location_code", "description",
      ],
      values: [
        site.name, SortKey.of(site.name), site.kind.rawValue, site.country, site.admin1,
        site.admin2, location?.latitude, location?.longitude, location?.precision.rawValue,
        location?.nativeCode, site.description,
      ])
    try writeAliases(site.aliases, owner: .site, rowid: rowid)
    if let oldNames, oldNames != [site.name] + site.aliases.map(\.name) {
      renamed.insert(IndexedRecord(.site, rowid))
    }
    toIndex.insert(IndexedRecord(.site, rowid))
  }

  mutating func writeParent(of site: Site) throws {
    let rowid = try resolve("site", site.id.rawValue, from: site.id.rawValue)
    var parentRowid: Int64?
    if let parent = site.parent {
      parentRowid = try resolve("site", parent.rawValue, from: site.id.rawValue)
      var ancestor = parentRowid
      var steps = 0
      while let current = ancestor {
        if current == rowid {
          throw StoreError(
            .invalidData, path: path,
            "\(site.id) lies in itself through its parents (\(parent))")
        }
        ancestor = try db.value(
          Int64.self, sql: "SELECT parent FROM site WHERE rowid = ?", arguments: [current])
        steps += 1
        if steps > 64 { break }
      }
    }
    let old = try db.value(
      Int64.self, sql: "SELECT parent FROM site WHERE rowid = ?", arguments: [rowid])
    try db.run(sql: "UPDATE site SET parent = ? WHERE rowid = ?", arguments: [parentRowid, rowid])
    if old != parentRowid { renamed.insert(IndexedRecord(.site, rowid)) }
  }

  mutating func writeAliases(_ aliases: [Alias], owner: RecordKind, rowid: Int64) throws {
    try db.run(
      sql: "DELETE FROM alias WHERE owner_kind = ? AND owner = ?", arguments: [owner.code, rowid])
    for (position, alias) in aliases.enumerated() {
      try db.cachedStatement(
        sql: """
          INSERT INTO alias(owner_kind, owner, position, name, language, script)
          VALUES (?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [owner.code, rowid, position, alias.name, alias.language, alias.script])
    }
  }

  /// The name and aliases stored for a record, or `nil` if it is new.
  func names(of kind: RecordKind, table: String, id: String) throws -> [String]? {
    guard
      let row = try db.row(sql: "SELECT rowid, name FROM \(table) WHERE id = ?", arguments: [id])
    else { return nil }
    let aliases = try db.values(
      String.self,
      sql: "SELECT name FROM alias WHERE owner_kind = ? AND owner = ? ORDER BY position",
      arguments: [kind.code, try row.get("rowid") as Int64])
    return [try row.get("name") as String] + aliases
  }

  mutating func write(_ relation: ActorRelation) throws {
    let referrer = relation.id.rawValue
    let subject = try resolve("actor", relation.subject.rawValue, from: referrer)
    let object = try resolve("actor", relation.object.rawValue, from: referrer)
    let grade = try bestGrade(of: relation.citations, from: referrer)
    let (rowid, _) = try upsert(
      "relation", kind: .relation, id: referrer,
      columns: [
        "subject", "kind", "object", "role", "start_first", "start_last", "start_precision",
        "start_code", "start_kind", "end_first", "end_last", "end_precision", "end_code",
        "end_kind", "analyst_status", "note", "grade_reliability", "grade_credibility",
      ],
      values: [subject, relation.kind.rawValue, object, relation.role]
        + ColumnValues.bound(relation.period.start) + ColumnValues.bound(relation.period.end)
        + [relation.analystStatus.rawValue, relation.note] + ColumnValues.grade(grade))
    try writeCitations(relation.citations, claim: .relation, rowid: rowid, from: referrer)
    toIndex.insert(IndexedRecord(.relation, rowid))
  }

  mutating func write(_ deployment: Deployment) throws {
    let referrer = deployment.id.rawValue
    let actor = try resolve("actor", deployment.actor.rawValue, from: referrer)
    let site = try resolve("site", deployment.site.rawValue, from: referrer)
    let grade = try bestGrade(of: deployment.citations, from: referrer)
    let (rowid, _) = try upsert(
      "deployment", kind: .deployment, id: referrer,
      columns: [
        "actor", "site", "role", "status", "strength_low", "strength_best", "strength_high",
        "strength_unit", "start_first", "start_last", "start_precision", "start_code",
        "start_kind", "end_first", "end_last", "end_precision", "end_code", "end_kind",
        "analyst_status", "note", "grade_reliability", "grade_credibility",
      ],
      values: [actor, site, deployment.role.rawValue, deployment.status.rawValue]
        + ColumnValues.strength(deployment.strength)
        + ColumnValues.bound(deployment.period.start) + ColumnValues.bound(deployment.period.end)
        + [deployment.analystStatus.rawValue, deployment.note] + ColumnValues.grade(grade))
    try writeCitations(deployment.citations, claim: .deployment, rowid: rowid, from: referrer)
    toIndex.insert(IndexedRecord(.deployment, rowid))
  }

  mutating func writeSuccessor(of deployment: Deployment) throws {
    let referrer = deployment.id.rawValue
    let rowid = try resolve("deployment", referrer, from: referrer)
    let successor = try deployment.successor.map {
      try resolve("deployment", $0.rawValue, from: referrer)
    }
    if successor == rowid {
      throw StoreError(.invalidData, path: path, "\(referrer) is its own successor")
    }
    try db.run(
      sql: "UPDATE deployment SET successor = ? WHERE rowid = ?", arguments: [successor, rowid])
  }

  mutating func write(_ event: Event) throws {
    let referrer = event.id.rawValue
    let site = try event.site.map { try resolve("site", $0.rawValue, from: referrer) }
    let grade = try bestGrade(of: event.citations, from: referrer)
    if let existing = try rowids.lookup("event", referrer, db) {
      if let oldSite = try db.value(
        Int64.self, sql: "SELECT site FROM event WHERE rowid = ?", arguments: [existing])
      {
        touchedSites.insert(oldSite)
      }
      touchedActors.formUnion(
        try db.values(
          Int64.self, sql: "SELECT actor FROM event_actor WHERE event = ?", arguments: [existing]))
    }
    let (rowid, isNew) = try upsert(
      "event", kind: .event, id: referrer,
      columns: [
        "kind", "date_first", "date_last", "date_precision", "date_code", "site",
        "fatalities_low", "fatalities_best", "fatalities_high", "summary", "quote",
        "external_id", "source_timestamp", "classification", "tags", "analyst_status", "note",
        "grade_reliability", "grade_credibility",
      ],
      values: [event.kind.rawValue] + ColumnValues.date(event.date) + [site]
        + ColumnValues.estimate(event.fatalities)
        + [
          event.summary, event.quote, event.externalID, event.sourceTimestamp,
          PackedList.pack(event.classification), PackedList.pack(event.tags),
          event.analystStatus.rawValue, event.note,
        ] + ColumnValues.grade(grade))
    if !isNew {
      for table in ["event_actor", "event_about", "effect"] {
        try db.run(sql: "DELETE FROM \(table) WHERE event = ?", arguments: [rowid])
      }
    }
    for (position, participant) in event.participants.enumerated() {
      let actor = try resolve("actor", participant.actor.rawValue, from: referrer)
      try db.cachedStatement(
        sql: "INSERT INTO event_actor(actor, day, event, position, role) VALUES (?, ?, ?, ?, ?)"
      ).execute(
        arguments: [
          actor, event.date.first.daysSinceEpoch, rowid, position, participant.role.rawValue,
        ])
      touchedActors.insert(actor)
    }
    for (position, target) in event.about.enumerated() {
      _ = try resolve(table(for: target.kind), target.rawValue, from: referrer)
      try db.cachedStatement(
        sql: "INSERT INTO event_about(event, position, target) VALUES (?, ?, ?)"
      ).execute(arguments: [rowid, position, target.rawValue])
    }
    for (position, effect) in event.effects.enumerated() {
      let deployment = try resolve("deployment", effect.deployment.rawValue, from: referrer)
      var status: String?
      var strength: Strength?
      let change: String
      switch effect.change {
      case .begins: change = "begins"
      case .ends: change = "ends"
      case .status(let value):
        change = "status"
        status = value.rawValue
      case .strength(let value):
        change = "strength"
        strength = value
      }
      try db.cachedStatement(
        sql: """
          INSERT INTO effect(event, position, deployment, change, status, strength_low,
            strength_best, strength_high, strength_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: StatementArguments(
          [rowid, position, deployment, change, status] + ColumnValues.strength(strength)))
    }
    try writeCitations(event.citations, claim: .event, rowid: rowid, from: referrer)
    if let site { touchedSites.insert(site) }
    toIndex.insert(IndexedRecord(.event, rowid))
  }

  mutating func write(_ note: Note) throws {
    _ = try resolve(table(for: note.target.kind), note.target.rawValue, from: note.id.rawValue)
    let (rowid, _) = try upsert(
      "note", kind: .note, id: note.id.rawValue,
      columns: ["target", "author", "created_at", "text"],
      values: [note.target.rawValue, note.author, note.createdAt, note.text])
    toIndex.insert(IndexedRecord(.note, rowid))
  }

  mutating func write(_ pin: Pin) throws {
    _ = try resolve(table(for: pin.target.kind), pin.target.rawValue, from: "a pin")
    try db.run(
      sql: "INSERT OR REPLACE INTO pin(target, author, created_at) VALUES (?, ?, ?)",
      arguments: [pin.target.rawValue, pin.author, pin.createdAt])
  }

  // MARK: Citations and grades

  mutating func writeCitations(
    _ citations: [Citation], claim: RecordKind, rowid: Int64, from referrer: String
  ) throws {
    try db.run(
      sql: "DELETE FROM citation WHERE claim_kind = ? AND claim = ?",
      arguments: [claim.code, rowid])
    for (position, citation) in citations.enumerated() {
      let document = try resolve("document", citation.document.rawValue, from: referrer)
      for step in citation.via {
        _ = try resolve("document", step.rawValue, from: referrer)
      }
      try db.cachedStatement(
        sql: """
          INSERT INTO citation(claim_kind, claim, position, document, credibility, quote,
            locator, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [
          claim.code, rowid, position, document, citation.credibility.rawValue, citation.quote,
          citation.locator, PackedList.pack(citation.via.map(\.rawValue)),
        ])
    }
  }

  mutating func bestGrade(of citations: [Citation], from referrer: String) throws -> Grade? {
    var best: Grade?
    for citation in citations {
      let document = try resolve("document", citation.document.rawValue, from: referrer)
      let known = reliabilities[document]
      guard
        let reliability = try known
          ?? db.value(
            Int.self,
            sql: """
              SELECT source.reliability FROM document JOIN source ON source.rowid = document.source
              WHERE document.rowid = ?
              """, arguments: [document]
          ).flatMap(Reliability.init(rank:))
      else { continue }
      reliabilities[document] = reliability
      let grade = Grade(reliability, citation.credibility)
      if best.map({ grade < $0 }) ?? true { best = grade }
    }
    return best
  }

  func table(for kind: RecordKind) -> String {
    kind.rawValue
  }

  // MARK: Derived data

  mutating func finish() throws {
    if !regradeDocuments.isEmpty { try regradeClaims() }
    try refreshLastDays()
    try indexRenamedDependents()
    var indexer = SearchIndexer(db: db)
    try indexer.reindex(toIndex)
    if writesEvents { try Schema.refreshEventDays(db) }
  }

  /// Recomputes cached grades of every claim citing a document whose grade inputs changed.
  func regradeClaims() throws {
    let documents = regradeDocuments.map(String.init).joined(separator: ",")
    for kind in [RecordKind.event, .deployment, .relation] {
      try db.run(
        sql: """
          UPDATE \(kind.rawValue) SET (grade_reliability, grade_credibility) = (
            SELECT source.reliability, citation.credibility FROM citation
            JOIN document ON document.rowid = citation.document
            JOIN source ON source.rowid = document.source
            WHERE citation.claim_kind = \(kind.code) AND citation.claim = \(kind.rawValue).rowid
            ORDER BY source.reliability, citation.credibility LIMIT 1)
          WHERE rowid IN (SELECT claim FROM citation
            WHERE claim_kind = \(kind.code) AND document IN (\(documents)))
          """)
    }
  }

  func refreshLastDays() throws {
    for actor in touchedActors {
      try db.cachedStatement(
        sql: "UPDATE actor SET last_day = (SELECT max(day) FROM event_actor WHERE actor = ?1) "
          + "WHERE rowid = ?1"
      ).execute(arguments: [actor])
    }
    for site in touchedSites {
      try db.cachedStatement(
        sql: "UPDATE site SET last_day = (SELECT max(date_first) FROM event WHERE site = ?1) "
          + "WHERE rowid = ?1"
      ).execute(arguments: [site])
    }
  }

  /// Queues for indexing the records whose index text shows a renamed record's names.
  mutating func indexRenamedDependents() throws {
    for record in renamed {
      let dependents: [(RecordKind, String)]
      switch record.kind {
      case .actor:
        dependents = [
          (.event, "SELECT event FROM event_actor WHERE actor = ?"),
          (.deployment, "SELECT rowid FROM deployment WHERE actor = ?"),
          (.relation, "SELECT rowid FROM relation WHERE subject = ?1 OR object = ?1"),
        ]
      case .site:
        dependents = [
          (.event, "SELECT rowid FROM event WHERE site = ?"),
          (.deployment, "SELECT rowid FROM deployment WHERE site = ?"),
          (
            .site,
            """
            WITH RECURSIVE below(rowid) AS (
              SELECT rowid FROM site WHERE parent = ?
              UNION SELECT site.rowid FROM site JOIN below ON site.parent = below.rowid)
            SELECT rowid FROM below
            """
          ),
        ]
      case .source:
        dependents = [(.document, "SELECT rowid FROM document WHERE source = ?")]
      case .deployment, .event, .relation, .document, .note:
        dependents = []
      }
      for (kind, sql) in dependents {
        for rowid in try db.values(Int64.self, sql: sql, arguments: [record.rowid]) {
          toIndex.insert(IndexedRecord(kind, rowid))
        }
      }
    }
  }
}

/// A record named by its kind and rowid, for the indexer.
struct IndexedRecord: Hashable, Comparable {
  let kind: RecordKind
  let rowid: Int64

  init(_ kind: RecordKind, _ rowid: Int64) {
    self.kind = kind
    self.rowid = rowid
  }

  static func < (lhs: IndexedRecord, rhs: IndexedRecord) -> Bool {
    (lhs.kind, lhs.rowid) < (rhs.kind, rhs.rowid)
  }
}

/// Slug to rowid lookups, remembered for the length of one write.
struct RowidCache {
  var known: [String: [String: Int64]] = [:]

  mutating func lookup(_ table: String, _ id: String, _ db: Database) throws -> Int64? {
    if let rowid = known[table]?[id] { return rowid }
    guard
      let rowid = try db.value(
        Int64.self, sql: "SELECT rowid FROM \(table) WHERE id = ?", arguments: [id])
    else { return nil }
    known[table, default: [:]][id] = rowid
    return rowid
  }

  mutating func remember(_ table: String, _ id: String, _ rowid: Int64) {
    known[table, default: [:]][id] = rowid
  }
}

/// The key lists sort by: the name folded for search, so `al-Heri` sorts as `heri`.
enum SortKey {
  static func of(_ name: String) -> String {
    let groups = SearchKey.queryAlternatives(name)
    let key = groups.map { $0.last ?? "" }.joined(separator: " ")
    return key.isEmpty ? name.lowercased() : key
  }
}
