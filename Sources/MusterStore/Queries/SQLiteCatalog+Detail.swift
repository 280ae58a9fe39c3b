import GRDB
import MusterDomain

extension SQLiteCatalog {
  /// How many of the most recent events a detail lists.
  static let detailEventLimit = 20

  /// `detail(of:asOf:)`, where actors
  /// and sites seen together in events count in the `presenceDays` up to that day.
  public func detail(
    of record: RecordReference, asOf day: Day?, presenceDays: Int
  ) throws -> RecordDetail? {
    try read { db in
      let loader = RecordLoader(db: db)
      guard let rowid = try loader.rowid(of: record) else { return nil }
      return try DetailReader(db: db, loader: loader, asOf: day, presenceDays: presenceDays)
        .detail(record.kind, rowid)
    }
  }
}

/// Assembles the detail of one record.
struct DetailReader {
  let db: Database
  let loader: RecordLoader
  let asOf: Day?
  /// How many days up to `asOf` count as "seen here".
  var presenceDays = Presence.defaultWindow

  func detail(_ kind: RecordKind, _ rowid: Int64) throws -> RecordDetail? {
    switch kind {
    case .actor: try actor(rowid).map(RecordDetail.actor)
    case .site: try site(rowid).map(RecordDetail.site)
    case .deployment: try deployment(rowid).map(RecordDetail.deployment)
    case .event: try event(rowid).map(RecordDetail.event)
    case .relation: try relation(rowid).map(RecordDetail.relation)
    case .source: try source(rowid).map(RecordDetail.source)
    case .document: try document(rowid).map(RecordDetail.document)
    case .note: try note(rowid).map(RecordDetail.note)
    }
  }

  var states: DeploymentStates { DeploymentStates(db: db) }

  func actor(_ rowid: Int64) throws -> ActorDetail? {
    guard let actor = try loader.actor(rowid) else { return nil }
    var relations: [RelationView] = []
    for (column, isSubject, other) in [("subject", true, "object"), ("object", false, "subject")] {
      let rows = try db.rows(
        sql: """
          SELECT relation.rowid, relation.grade_reliability, relation.grade_credibility,
            other.id AS other_id, other.name AS other_name
          FROM relation JOIN actor AS other ON other.rowid = relation.\(other)
          WHERE relation.\(column) = ? ORDER BY relation.kind, other.sort_key
          """, arguments: [rowid])
      for row in rows {
        guard let relation = try loader.relation(try row.get("rowid")) else { continue }
        relations.append(
          RelationView(
            relation: relation,
            other: RecordLink(
              RecordReference(kind: .actor, rawValue: try row.get("other_id")),
              try row.get("other_name")),
            isSubject: isSubject, grade: try row.grade()))
      }
    }
    let positions =
      try asOf.map { day in
        DeploymentStates.ordered(
          try states.states(
            sql: DeploymentStates.positionsSQL, arguments: [rowid, day.daysSinceEpoch], asOf: day))
      } ?? []
    let deployments = try states.states(
      sql: "SELECT rowid FROM deployment WHERE actor = ? ORDER BY start_first, rowid",
      arguments: [rowid], asOf: asOf)
    let events = try claims(
      eventsSQL: """
        SELECT event FROM event_actor WHERE actor = ? ORDER BY day DESC, event DESC LIMIT \
        \(SQLiteCatalog.detailEventLimit)
        """, arguments: [rowid])
    let eventCount =
      try db.value(
        Int.self,
        sql: """
          SELECT count(*) FROM (SELECT DISTINCT event FROM event_actor WHERE actor = ? \
          LIMIT \(RecordDetailCount.limit + 1))
          """, arguments: [rowid]) ?? 0
    var detail = ActorDetail(
      actor: actor, relations: relations, positions: positions, deployments: deployments,
      events: events, eventCount: eventCount,
      notes: try loader.notes(on: actor.id.reference(.actor)),
      twins: try ReconcileReader(db: db).twins(of: .actor, rowid),
      activity: try asOf.map { try presence(ofActor: rowid, asOf: $0) } ?? [])
    detail.history = try history(of: actor.id.rawValue)
    return detail
  }

  /// The last changes analysts made to a record, newest first.
  func history(of record: String) throws -> [RecordChange] {
    try History(db: db).entries(ChangeLogQuery(record: record, limit: 10))
  }

  static let insideSQL = """
    WITH RECURSIVE inside(rowid) AS (
      SELECT ?1 UNION SELECT site.rowid FROM site JOIN inside ON site.parent = inside.rowid)
    """

  func site(_ rowid: Int64) throws -> SiteDetail? {
    guard let site = try loader.site(rowid) else { return nil }
    var ancestors: [RecordLink] = []
    var parent = site.parent
    var seen: Set<ID<Site>> = [site.id]
    while let current = parent, seen.insert(current).inserted,
      let parentRowid = try loader.rowid(of: current.reference(.site)),
      let parentSite = try loader.site(parentRowid)
    {
      ancestors.append(RecordLink(current.reference(.site), parentSite.name))
      parent = parentSite.parent
    }
    let children = try db.rows(
      sql: "SELECT id, name FROM site WHERE parent = ? ORDER BY sort_key", arguments: [rowid]
    ).map {
      RecordLink(RecordReference(kind: .site, rawValue: try $0.get("id")), try $0.get("name"))
    }
    let holders = try asOf.map { try states.holders(ofSite: rowid, asOf: $0) } ?? []
    let deployments = try states.states(
      sql: Self.insideSQL + """
        SELECT deployment.rowid FROM deployment WHERE site IN inside
        ORDER BY start_first, rowid
        """, arguments: [rowid], asOf: asOf)
    let events = try claims(
      eventsSQL: Self.insideSQL + """
        SELECT rowid FROM event WHERE site IN inside ORDER BY date_first DESC, rowid DESC
        LIMIT \(SQLiteCatalog.detailEventLimit)
        """, arguments: [rowid])
    let eventCount =
      try db.value(
        Int.self,
        sql: Self.insideSQL + """
          SELECT count(*) FROM (SELECT 1 FROM event WHERE site IN inside \
          LIMIT \(RecordDetailCount.limit + 1))
          """, arguments: [rowid]) ?? 0
    var detail = SiteDetail(
      site: site, ancestors: ancestors, children: children, holders: holders,
      deployments: deployments, events: events, eventCount: eventCount,
      notes: try loader.notes(on: site.id.reference(.site)),
      twins: try ReconcileReader(db: db).twins(of: .site, rowid),
      seenHere: try asOf.map { try presence(atSite: rowid, asOf: $0) } ?? [])
    detail.history = try history(of: site.id.rawValue)
    return detail
  }

  /// Events as claims, in the order `eventsSQL` selects their rowids.
  func claims(eventsSQL: String, arguments: StatementArguments) throws -> [Claim] {
    try db.values(Int64.self, sql: eventsSQL, arguments: arguments).compactMap { eventRowid in
      guard let event = try loader.event(eventRowid) else { return nil }
      return Claim(
        record: event.id.reference(.event), title: event.summary, date: event.date,
        analystStatus: event.analystStatus, citations: try loader.citedSources(.event, eventRowid))
    }
  }

  func effects(sql: String, arguments: StatementArguments) throws -> [EffectView] {
    try db.rows(sql: sql, arguments: arguments).compactMap { row in
      guard let date = try row.fuzzyDate("date"),
        let deployment = try loader.link(
          RecordReference(kind: .deployment, rawValue: try row.get("deployment_id")))
      else { return nil }
      return EffectView(
        event: RecordLink(
          RecordReference(kind: .event, rawValue: try row.get("event_id")), try row.get("summary")),
        eventDate: date, deployment: deployment, change: try RecordLoader.change(of: row))
    }
  }

  static let effectsSQL = """
    SELECT effect.*, event.id AS event_id, event.summary, event.date_first, event.date_last,
      event.date_precision, event.date_code, deployment.id AS deployment_id
    FROM effect JOIN event ON event.rowid = effect.event
    JOIN deployment ON deployment.rowid = effect.deployment
    """

  func deployment(_ rowid: Int64) throws -> DeploymentDetail? {
    guard
      let state = try states.states(sql: "SELECT ?1", arguments: [rowid], asOf: asOf).first,
      let actor = try loader.link(state.deployment.actor.reference(.actor)),
      let site = try loader.link(state.deployment.site.reference(.site))
    else { return nil }
    var detail = DeploymentDetail(
      state: state, actor: actor, site: site,
      effects: try effects(
        sql: Self.effectsSQL
          + " WHERE effect.deployment = ? ORDER BY event.date_first, event.rowid",
        arguments: [rowid]),
      citations: try loader.citedSources(.deployment, rowid),
      notes: try loader.notes(on: state.deployment.id.reference(.deployment)))
    detail.history = try history(of: state.deployment.id.rawValue)
    return detail
  }

  func event(_ rowid: Int64) throws -> EventDetail? {
    guard let event = try loader.event(rowid) else { return nil }
    let participants = try event.participants.compactMap { participant in
      try loader.link(participant.actor.reference(.actor)).map {
        ParticipantView(actor: $0, role: participant.role)
      }
    }
    return EventDetail(
      event: event, site: try event.site.flatMap { try loader.link($0.reference(.site)) },
      participants: participants, about: try event.about.compactMap { try loader.link($0) },
      effects: try effects(
        sql: Self.effectsSQL + " WHERE effect.event = ? ORDER BY effect.position",
        arguments: [rowid]),
      citations: try loader.citedSources(.event, rowid),
      notes: try loader.notes(on: event.id.reference(.event)))
  }

  func relation(_ rowid: Int64) throws -> RelationDetail? {
    guard let relation = try loader.relation(rowid),
      let subject = try loader.link(relation.subject.reference(.actor)),
      let object = try loader.link(relation.object.reference(.actor))
    else { return nil }
    return RelationDetail(
      relation: relation, subject: subject, object: object,
      citations: try loader.citedSources(.relation, rowid),
      notes: try loader.notes(on: relation.id.reference(.relation)))
  }

  func source(_ rowid: Int64) throws -> SourceDetail? {
    guard let source = try loader.source(rowid) else { return nil }
    let documents = try db.rows(
      sql: """
        SELECT document.id, \(RecordLoader.documentTitleSQL) AS title FROM document
        JOIN source ON source.rowid = document.source WHERE document.source = ?
        ORDER BY document.published_first DESC, document.rowid DESC LIMIT 200
        """, arguments: [rowid]
    ).map {
      RecordLink(RecordReference(kind: .document, rawValue: try $0.get("id")), try $0.get("title"))
    }
    let count =
      try db.value(
        Int.self, sql: "SELECT count(*) FROM document WHERE source = ?", arguments: [rowid])
      ?? 0
    return SourceDetail(
      source: source, documents: documents, documentCount: count,
      notes: try loader.notes(on: source.id.reference(.source)))
  }

  func document(_ rowid: Int64) throws -> DocumentDetail? {
    guard let document = try loader.document(rowid),
      let sourceRowid = try loader.rowid(of: document.source.reference(.source)),
      let source = try loader.source(sourceRowid)
    else { return nil }
    let citedBy = try db.rows(
      sql: """
        SELECT document.id, \(RecordLoader.documentTitleSQL) AS title FROM document_cite
        JOIN document ON document.rowid = document_cite.document
        JOIN source ON source.rowid = document.source
        WHERE document_cite.cited = ? ORDER BY document.published_first, document.rowid
        """, arguments: [rowid]
    ).map {
      RecordLink(RecordReference(kind: .document, rawValue: try $0.get("id")), try $0.get("title"))
    }
    var claims: [Claim] = []
    let citing = try db.rows(
      sql: """
        SELECT DISTINCT claim_kind, claim FROM citation WHERE document = ?
        ORDER BY claim_kind, claim LIMIT 200
        """, arguments: [rowid])
    for row in citing {
      guard let kind = RecordKind(code: try row.get("claim_kind")) else { continue }
      let claimRowid: Int64 = try row.get("claim")
      guard let slug = try loader.slug(kind, claimRowid),
        let link = try loader.link(RecordReference(kind: kind, rawValue: slug))
      else { continue }
      let date: FuzzyDate?
      let status: AnalystStatus
      switch kind {
      case .event:
        let event = try loader.event(claimRowid)
        date = event?.date
        status = event?.analystStatus ?? .unverified
      case .deployment:
        let deployment = try loader.deployment(claimRowid)
        date = deployment?.period.start?.date
        status = deployment?.analystStatus ?? .unverified
      default:
        let relation = try loader.relation(claimRowid)
        date = relation?.period.start?.date
        status = relation?.analystStatus ?? .unverified
      }
      claims.append(
        Claim(
          record: link.record, title: link.title, date: date, analystStatus: status,
          citations: try loader.citedSources(kind, claimRowid)))
    }
    return DocumentDetail(
      document: document, source: source, chain: try loader.chain(from: document, via: []),
      citedBy: citedBy, claims: claims,
      notes: try loader.notes(on: document.id.reference(.document)))
  }

  func note(_ rowid: Int64) throws -> NoteDetail? {
    guard let note = try loader.note(rowid),
      let target = try loader.link(note.target)
    else { return nil }
    return NoteDetail(note: note, target: target)
  }
}
