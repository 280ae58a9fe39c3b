import GRDB
import MusterDomain

/// Reads whole domain records, with their child rows, out of the database.
struct RecordLoader {
  let db: Database

  /// A document's title for display, as SQL; needs `source` joined.
  ///
  /// Event dataset imports leave their per-event reports untitled (a million titles would only
  /// repeat the source's name), so those read "Report by SOURCE".
  static let documentTitleSQL =
    "CASE WHEN document.title = '' THEN 'Report by ' || source.name ELSE document.title END"

  /// The rowid of a record, or `nil` if it does not exist.
  ///
  /// An actor or site merged into another is found as that one (its notes, exports and
  /// links keep working), unless `followingMerges` is false.
  func rowid(of record: RecordReference, followingMerges: Bool = true) throws -> Int64? {
    if let rowid = try db.value(
      Int64.self, sql: "SELECT rowid FROM \(record.kind.rawValue) WHERE id = ?",
      arguments: [record.rawValue])
    {
      return rowid
    }
    guard followingMerges, record.kind == .actor || record.kind == .site else { return nil }
    return try db.value(
      Int64.self, sql: "SELECT kept FROM merge WHERE kind = ? AND merged_id = ?",
      arguments: [record.kind.code, record.rawValue])
  }

  /// The slug of the record with `rowid` in the table of `kind`.
  func slug(_ kind: RecordKind, _ rowid: Int64) throws -> String? {
    try db.value(
      String.self, sql: "SELECT id FROM \(kind.rawValue) WHERE rowid = ?", arguments: [rowid])
  }

  func aliases(_ kind: RecordKind, _ rowid: Int64) throws -> [Alias] {
    try db.rows(
      sql: """
        SELECT name, language, script, dataset FROM alias WHERE owner_kind = ? AND owner = ?
        ORDER BY position
        """, arguments: [kind.code, rowid]
    ).map {
      Alias(
        try $0.get("name"), language: try $0.get("language"), script: try $0.get("script"),
        dataset: (try $0.get("dataset") as String?).flatMap(EventDataset.init(rawValue:)))
    }
  }

  func citations(_ kind: RecordKind, _ rowid: Int64) throws -> [Citation] {
    try db.rows(
      sql: """
        SELECT citation.*, document.id AS document_id FROM citation
        JOIN document ON document.rowid = citation.document
        WHERE claim_kind = ? AND claim = ? ORDER BY position
        """, arguments: [kind.code, rowid]
    ).map { row in
      Citation(
        document: ID(try row.get("document_id")),
        credibility: Credibility(rawValue: try row.get("credibility")) ?? .cannotBeJudged,
        quote: try row.get("quote"), locator: try row.get("locator"),
        via: PackedList.unpack(try row.get("via")).map { ID($0) })
    }
  }

  // MARK: Records

  func source(_ rowid: Int64) throws -> Source? {
    guard let row = try db.row(sql: "SELECT * FROM source WHERE rowid = ?", arguments: [rowid])
    else { return nil }
    return Source(
      id: ID(try row.get("id")), name: try row.get("name"),
      kind: try row.value("kind", as: SourceKind.self),
      country: try row.get("country"),
      reliability: Reliability(rank: try row.get("reliability")) ?? .f,
      note: try row.get("note"))
  }

  func document(_ rowid: Int64) throws -> Document? {
    guard
      let row = try db.row(
        sql: """
          SELECT document.*, source.id AS source_id, \(Self.documentTitleSQL) AS shown_title
          FROM document JOIN source ON source.rowid = document.source WHERE document.rowid = ?
          """, arguments: [rowid])
    else { return nil }
    let cites = try db.values(
      String.self,
      sql: """
        SELECT document.id FROM document_cite JOIN document ON document.rowid = document_cite.cited
        WHERE document_cite.document = ? ORDER BY position
        """, arguments: [rowid])
    return Document(
      id: ID(try row.get("id")), source: ID(try row.get("source_id")),
      title: try row.get("shown_title"),
      url: try row.get("url"),
      published: try row.fuzzyDate("published"), cites: cites.map { ID($0) },
      note: try row.get("note"))
  }

  func actor(_ rowid: Int64) throws -> ForceActor? {
    guard let row = try db.row(sql: "SELECT * FROM actor WHERE rowid = ?", arguments: [rowid])
    else { return nil }
    var actor = ForceActor(
      id: ID(try row.get("id")), name: try row.get("name"),
      kind: try row.value("kind", as: ActorKind.self),
      country: try row.get("country"), aliases: try aliases(.actor, rowid),
      description: try row.get("description"), acledTypeCode: try row.get("acled_type"))
    actor.acledTypes = try db.rows(
      sql: "SELECT type, events FROM actor_acled_type WHERE actor = ? ORDER BY events DESC, type",
      arguments: [rowid]
    ).map { ACLEDTypeCount(type: try $0.get("type"), events: try $0.get("events")) }
    return actor
  }

  func site(_ rowid: Int64) throws -> Site? {
    guard
      let row = try db.row(
        sql: """
          SELECT site.*, parent.id AS parent_id FROM site
          LEFT JOIN site AS parent ON parent.rowid = site.parent WHERE site.rowid = ?
          """, arguments: [rowid])
    else { return nil }
    var location: Location?
    if let latitude: Double = try row.get("latitude"),
      let longitude: Double = try row.get("longitude")
    {
      location = Location(
        latitude: latitude, longitude: longitude,
        precision: try row.optionalValue("location_precision", as: LocationPrecision.self)
          ?? .exact,
        nativeCode: try row.get("location_code"))
    }
    return Site(
      id: ID(try row.get("id")), name: try row.get("name"),
      kind: try row.value("kind", as: SiteKind.self),
      parent: (try row.get("parent_id") as String?).map { ID($0) }, country: try row.get("country"),
      admin1: try row.get("admin1"), admin2: try row.get("admin2"),
      aliases: try aliases(.site, rowid),
      location: location, description: try row.get("description"))
  }

  func relation(_ rowid: Int64) throws -> ActorRelation? {
    guard
      let row = try db.row(
        sql: """
          SELECT relation.*, subject.id AS subject_id, object.id AS object_id FROM relation
          JOIN actor AS subject ON subject.rowid = relation.subject
          JOIN actor AS object ON object.rowid = relation.object WHERE relation.rowid = ?
          """, arguments: [rowid])
    else { return nil }
    return ActorRelation(
      id: ID(try row.get("id")), subject: ID(try row.get("subject_id")),
      kind: try row.value("kind", as: RelationKind.self), object: ID(try row.get("object_id")),
      role: try row.get("role"),
      period: ClaimPeriod(start: try row.bound("start"), end: try row.bound("end")),
      analystStatus: try row.value("analyst_status", as: AnalystStatus.self),
      note: try row.get("note"),
      citations: try citations(.relation, rowid))
  }

  func deployment(_ rowid: Int64) throws -> Deployment? {
    guard
      let row = try db.row(
        sql: """
          SELECT deployment.*, actor.id AS actor_id, site.id AS site_id,
            successor.id AS successor_id
          FROM deployment JOIN actor ON actor.rowid = deployment.actor
          JOIN site ON site.rowid = deployment.site
          LEFT JOIN deployment AS successor ON successor.rowid = deployment.successor
          WHERE deployment.rowid = ?
          """, arguments: [rowid])
    else { return nil }
    return Deployment(
      id: ID(try row.get("id")), actor: ID(try row.get("actor_id")),
      site: ID(try row.get("site_id")),
      role: try row.value("role", as: DeploymentRole.self),
      status: try row.value("status", as: DeploymentStatus.self),
      strength: try row.strength("strength"),
      period: ClaimPeriod(start: try row.bound("start"), end: try row.bound("end")),
      successor: (try row.get("successor_id") as String?).map { ID($0) },
      analystStatus: try row.value("analyst_status", as: AnalystStatus.self),
      note: try row.get("note"), citations: try citations(.deployment, rowid))
  }

  func event(_ rowid: Int64) throws -> Event? {
    guard
      let row = try db.row(
        sql: """
          SELECT event.*, site.id AS site_id FROM event
          LEFT JOIN site ON site.rowid = event.site WHERE event.rowid = ?
          """, arguments: [rowid]),
      let date = try row.fuzzyDate("date")
    else { return nil }
    let participants = try db.rows(
      sql: """
        SELECT actor.id, event_actor.role, event_actor.acled_type FROM event_actor
        JOIN actor ON actor.rowid = event_actor.actor
        WHERE event_actor.event = ? ORDER BY event_actor.position
        """, arguments: [rowid]
    ).map {
      Participant(
        ID(try $0.get("id")), try $0.value("role", as: ParticipantRole.self),
        acledType: try $0.get("acled_type"))
    }
    let about = try db.values(
      String.self, sql: "SELECT target FROM event_about WHERE event = ? ORDER BY position",
      arguments: [rowid]
    ).compactMap(RecordReference.init)
    let effects = try db.rows(
      sql: """
        SELECT effect.*, deployment.id AS deployment_id FROM effect
        JOIN deployment ON deployment.rowid = effect.deployment
        WHERE effect.event = ? ORDER BY effect.position
        """, arguments: [rowid]
    ).map { DeploymentEffect(ID(try $0.get("deployment_id")), try Self.change(of: $0)) }
    return Event(
      id: ID(try row.get("id")), kind: try row.value("kind", as: EventKind.self), date: date,
      site: (try row.get("site_id") as String?).map { ID($0) }, participants: participants,
      fatalities: try row.estimate("fatalities"), summary: try row.get("summary"),
      quote: try row.get("quote"),
      about: about, externalID: try row.get("external_id"),
      sourceTimestamp: try row.get("source_timestamp"),
      classification: PackedList.unpack(try row.get("classification")),
      tags: PackedList.unpack(try row.get("tags")), effects: effects,
      analystStatus: try row.value("analyst_status", as: AnalystStatus.self),
      note: try row.get("note"), citations: try citations(.event, rowid),
      locationPrecision: try row.optionalValue("location_precision", as: LocationPrecision.self),
      locationCode: try row.get("location_code"))
  }

  static func change(of row: Row) throws -> DeploymentEffect.Change {
    switch try row.get("change") as String? {
    case "begins": return .begins
    case "ends": return .ends
    case "status": return .status(try row.value("status", as: DeploymentStatus.self))
    case "strength":
      return .strength(try row.strength("strength") ?? Strength(Estimate()))
    default:
      throw StoreError(.incompatible, path: "", "unknown effect '\(try row.get("change") ?? "")'")
    }
  }

  func note(_ rowid: Int64) throws -> Note? {
    guard let row = try db.row(sql: "SELECT * FROM note WHERE rowid = ?", arguments: [rowid]),
      let target = RecordReference(try row.get("target"))
    else { return nil }
    return Note(
      id: ID(try row.get("id")), target: target, author: try row.get("author"),
      createdAt: try row.get("created_at"),
      text: try row.get("text"))
  }

  func notes(on record: RecordReference) throws -> [Note] {
    try db.values(
      Int64.self, sql: "SELECT rowid FROM note WHERE target = ? ORDER BY created_at, rowid",
      arguments: [record.rawValue]
    ).compactMap { try note($0) }
  }

  // MARK: Citations with their documents, sources and chains

  func citedSources(_ kind: RecordKind, _ rowid: Int64) throws -> [CitedSource] {
    try citations(kind, rowid).compactMap { try citedSource($0) }
  }

  func citedSource(_ citation: Citation) throws -> CitedSource? {
    guard let documentRowid = try rowid(of: citation.document.reference(.document)),
      let document = try document(documentRowid),
      let sourceRowid = try rowid(of: document.source.reference(.source)),
      let source = try source(sourceRowid)
    else { return nil }
    return CitedSource(
      citation: citation, document: document, source: source,
      chain: try chain(from: document, via: citation.via))
  }

  /// The documents a citation reached its document through: the explicit `via` path, or
  /// `cites` followed while each document cites exactly one.
  func chain(from document: Document, via: [ID<Document>]) throws -> [ChainLink] {
    var links: [ChainLink] = []
    var seen: Set<ID<Document>> = [document.id]
    var next: [ID<Document>] = via.isEmpty ? document.cites : via
    var followsCites = via.isEmpty
    while let id = next.first, followsCites ? next.count == 1 : true, links.count < 16 {
      guard seen.insert(id).inserted,
        let rowid = try rowid(of: id.reference(.document)), let step = try self.document(rowid),
        let sourceRowid = try self.rowid(of: step.source.reference(.source)),
        let source = try source(sourceRowid)
      else { break }
      links.append(ChainLink(document: step, source: source))
      if followsCites {
        next = step.cites
      } else {
        next.removeFirst()
        if next.isEmpty {
          next = step.cites
          followsCites = true
        }
      }
    }
    return links
  }

  // MARK: Names for links

  /// A link to a record with its display name, or `nil` if it does not exist.
  func link(_ record: RecordReference) throws -> RecordLink? {
    let sql: String
    switch record.kind {
    case .actor, .site, .source: sql = "SELECT name FROM \(record.kind.rawValue) WHERE id = ?"
    case .document:
      sql = """
        SELECT \(Self.documentTitleSQL) FROM document JOIN source ON source.rowid = document.source
        WHERE document.id = ?
        """
    case .event: sql = "SELECT summary FROM event WHERE id = ?"
    case .note: sql = "SELECT 'Note by ' || author FROM note WHERE id = ?"
    case .deployment:
      sql = """
        SELECT actor.name || ' at ' || site.name FROM deployment
        JOIN actor ON actor.rowid = deployment.actor JOIN site ON site.rowid = deployment.site
        WHERE deployment.id = ?
        """
    case .relation:
      sql = """
        SELECT subject.name || ' – ' || object.name FROM relation
        JOIN actor AS subject ON subject.rowid = relation.subject
        JOIN actor AS object ON object.rowid = relation.object WHERE relation.id = ?
        """
    }
    guard let title = try db.value(String.self, sql: sql, arguments: [record.rawValue]) else {
      return nil
    }
    return RecordLink(record, title)
  }
}
