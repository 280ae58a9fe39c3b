import GRDB
import MusterDomain

/// Writes the positions a site's territory events imply (`TerritoryInference`) as
/// deployments with the analyst status `inferred` (or `contested`, when two actors took
/// control the same day), each citing the documents of the event that began it, graded
/// as that event, and linked to the events that began and ended it by their effects.
///
/// A site's inferred positions are always derived again whole, from every territory event
/// there, so that importing an event in the middle of a site's history, or a newer version
/// of one, gives what importing everything at once would. Ids are stable across
/// derivations (`deployment:inferred:<event>/<role>/<actor>`), so notes and pins on an
/// inferred position stay with it.
struct TerritoryPositions {
  let db: Database

  /// The prefix of every inferred deployment's id.
  static let idPrefix = Deployment.inferredIDPrefix

  /// Derives again the positions of `sites`, reading their territory events from the
  /// `events` given (a site the import made: only its events exist) or, for a site not
  /// listed there, from every event at the site.
  func derive(sites: Set<Int64>, events: [Int64: [Int64]]) throws {
    try db.execute(sql: Self.createJudged)
    defer { try? db.execute(sql: "DELETE FROM temp.judged_position") }
    for site in sites.sorted() {
      if let keys = events[site] {
        // A site this import made has no positions yet.
        try derive(site: site, eventKeys: keys)
      } else {
        try remove(site: site)
        try derive(
          site: site,
          eventKeys: db.values(
            Int64.self, sql: "SELECT rowid FROM event WHERE site = ?", arguments: [site]))
      }
    }
    // An analyst's judgement of an inferred position (accepted, rejected) outlives its
    // derivation: the position derived again (the same event, role and actor: the same
    // id) keeps it.
    try db.execute(
      sql: """
        UPDATE deployment SET analyst_status = judged.status FROM temp.judged_position AS judged
        WHERE deployment.id = judged.id
        """)
  }

  /// The judgements of the positions `remove` took away, until they are derived again.
  static let createJudged = """
    CREATE TEMP TABLE IF NOT EXISTS judged_position(id TEXT PRIMARY KEY, status TEXT NOT NULL)
    """

  private func derive(site: Int64, eventKeys: [Int64]) throws {
    var events: [TerritoryEvent] = []
    for key in eventKeys {
      if let event = try territoryEvent(key) { events.append(event) }
    }
    guard !events.isEmpty else { return }
    let positions = TerritoryInference.positions(events)
    var rowids: [Int64] = []
    for position in positions {
      rowids.append(try insert(position, site: site))
    }
    for (index, position) in positions.enumerated() {
      if let successor = position.successor {
        try db.cachedStatement(sql: "UPDATE deployment SET successor = ? WHERE rowid = ?")
          .execute(arguments: [rowids[successor], rowids[index]])
      }
    }
  }

  /// The territory event with rowid `key`, or `nil` when it is not one or is placed too
  /// imprecisely to say anything about its place (ACLED geo-precision 3).
  private func territoryEvent(_ key: Int64) throws -> TerritoryEvent? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: "SELECT date_first, classification, location_code FROM event WHERE rowid = ?"),
        arguments: [key]),
      let change = TerritoryChange(classification: PackedList.unpack(row["classification"])),
      !TerritoryChange.isTooImprecise(row["location_code"])
    else { return nil }
    var actor: Int64?
    var associates: [Int64] = []
    var sawSecondSide = false
    for participant in try Row.fetchAll(
      db.cachedStatement(
        sql: "SELECT actor, role FROM event_actor WHERE event = ? ORDER BY position"),
      arguments: [key])
    {
      switch participant["role"] as String {
      case ParticipantRole.actor1.rawValue: actor = participant["actor"]
      case ParticipantRole.actor2.rawValue: sawSecondSide = true
      case ParticipantRole.associated.rawValue where !sawSecondSide:
        associates.append(participant["actor"])
      default: break
      }
    }
    guard let actor else { return nil }
    return TerritoryEvent(
      key: key, day: Day(daysSinceEpoch: row["date_first"]), change: change, actor: actor,
      associates: associates)
  }

  /// The codes `TerritoryChange.isTooImprecise` refuses, for SQL: `'acled:3', ...`.
  static let impreciseSQL = TerritoryChange.impreciseCodes.map { "'\($0)'" }
    .joined(separator: ", ")

  /// Removes a site's inferred positions, their citations and the effects linking them.
  func remove(site: Int64) throws {
    let rowids = try Int64.fetchAll(
      db.cachedStatement(sql: "SELECT rowid FROM deployment WHERE site = ? AND id GLOB ?"),
      arguments: [site, Self.idPrefix + "*"])
    guard !rowids.isEmpty else { return }
    let list = rowids.map(String.init).joined(separator: ",")
    try db.execute(sql: Self.createJudged)
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO temp.judged_position
          SELECT id, analyst_status FROM deployment
          WHERE rowid IN (\(list)) AND analyst_status IN ('accepted', 'rejected');
        DELETE FROM effect WHERE deployment IN (\(list));
        DELETE FROM citation WHERE claim_kind = \(RecordKind.deployment.code) AND claim IN (\(list));
        UPDATE deployment SET successor = NULL WHERE rowid IN (\(list));
        DELETE FROM deployment WHERE rowid IN (\(list));
        """)
  }

  private func insert(_ position: InferredPosition, site: Int64) throws -> Int64 {
    guard
      let start = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT event.id, event.classification, event.grade_reliability,
              event.grade_credibility, actor.id AS actor_id
            FROM event, actor WHERE event.rowid = ? AND actor.rowid = ?
            """), arguments: [position.startEvent, position.actor])
    else { throw StoreError(.missing, path: "", "an inferred position's event is gone") }
    let eventID: String = start["id"]
    let actorID: String = start["actor_id"]
    let id =
      Self.idPrefix + eventID.split(separator: ":").dropFirst().joined(separator: ":") + "/"
      + position.role.rawValue + "/"
      + actorID.split(separator: ":").dropFirst().joined(separator: ":")
    let change = TerritoryChange(classification: PackedList.unpack(start["classification"]))
    var note =
      "Inferred from \(change?.acledName ?? "a territory event") on \(position.start)"
    if position.role == .presence { note += ", beside the actor taking control" }
    if position.contested { note += "; another actor was said to take control the same day" }
    try db.cachedStatement(
      sql: """
        INSERT INTO deployment(id, actor, site, role, status, start_first, start_last,
          start_precision, start_kind, end_first, end_last, end_precision, end_kind,
          analyst_status, note, grade_reliability, grade_credibility)
        VALUES (?, ?, ?, ?, 'present', ?, ?, 'day', 'known', ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(
      arguments: [
        id, position.actor, site, position.role.rawValue, position.start.daysSinceEpoch,
        position.start.daysSinceEpoch, position.end?.daysSinceEpoch, position.end?.daysSinceEpoch,
        position.end.map { _ in "day" }, position.end.map { _ in "known" },
        position.contested ? AnalystStatus.contested.rawValue : AnalystStatus.inferred.rawValue,
        note, start["grade_reliability"] as Int?, start["grade_credibility"] as Int?,
      ])
    let rowid = db.lastInsertedRowID
    try db.cachedStatement(
      sql: """
        INSERT INTO citation(claim_kind, claim, position, document, credibility, quote, locator)
        SELECT ?, ?, position, document, credibility, quote, locator FROM citation
        WHERE claim_kind = ? AND claim = ?
        """
    ).execute(
      arguments: [
        RecordKind.deployment.code, rowid, RecordKind.event.code, position.startEvent,
      ])
    try addEffect(event: position.startEvent, deployment: rowid, change: "begins", status: nil)
    if let endEvent = position.endEvent {
      if position.handedOver {
        try addEffect(
          event: endEvent, deployment: rowid, change: "status",
          status: DeploymentStatus.handedOver.rawValue)
      } else {
        try addEffect(event: endEvent, deployment: rowid, change: "ends", status: nil)
      }
    }
    return rowid
  }

  private func addEffect(event: Int64, deployment: Int64, change: String, status: String?) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO effect(event, position, deployment, change, status)
        VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM effect WHERE event = ?1), ?2, ?3,
          ?4)
        """
    ).execute(arguments: [event, deployment, change, status])
  }
}
