import GRDB
import MusterDomain

extension SQLiteCatalog {
  /// What moved after `query.from` up to `query.to`: positions that began or ended (the
  /// analysts' and the inferred, with the events that began or ended them), and actors
  /// that appeared at a place or went quiet there (by the presence window); by day.
  public func changes(_ query: ChangesQuery) throws -> [PositionChange] {
    try read { db in
      let loader = RecordLoader(db: db)
      var site: Int64?
      var actor: Int64?
      if let id = query.site {
        guard let rowid = try loader.rowid(of: id.reference(.site)) else { return [] }
        site = rowid
      }
      if let id = query.actor {
        guard let rowid = try loader.rowid(of: id.reference(.actor)) else { return [] }
        actor = rowid
      }
      let reader = ChangesReader(db: db, query: query, site: site, actor: actor)
      let changes = try reader.positionChanges() + reader.presenceChanges()
      // Sorted by index: moving thousands of changes, each a dozen strings, costs more than
      // comparing them.
      let order = changes.indices.sorted { lhs, rhs in
        let (a, b) = (changes[lhs], changes[rhs])
        return (a.day, a.site.title, a.actor.title, a.kind.rawValue)
          < (b.day, b.site.title, b.actor.title, b.kind.rawValue)
      }
      return order.map { changes[$0] }
    }
  }
}

/// The queries behind `SQLiteCatalog.changes`.
struct ChangesReader {
  let db: Database
  let query: ChangesQuery
  let site: Int64?
  let actor: Int64?

  private var from: Int { query.from.daysSinceEpoch }
  private var to: Int { query.to.daysSinceEpoch }

  private var filter: String {
    (site.map { " AND d.site = \($0)" } ?? "") + (actor.map { " AND d.actor = \($0)" } ?? "")
  }

  /// Positions that began or ended in the span.
  func positionChanges() throws -> [PositionChange] {
    var changes: [PositionChange] = []
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT d.rowid, d.id, d.role, d.status, d.start_first, d.end_first, d.analyst_status,
          d.grade_reliability, d.grade_credibility, a.id AS actor_id, a.name AS actor_name,
          s.id AS site_id, s.name AS site_name, n.id AS successor_id, na.name AS successor_actor
        FROM deployment d JOIN actor a ON a.rowid = d.actor JOIN site s ON s.rowid = d.site
        LEFT JOIN deployment n ON n.rowid = d.successor
        LEFT JOIN actor na ON na.rowid = n.actor
        WHERE ((d.start_first > ?1 AND d.start_first <= ?2)
          OR (d.end_first > ?1 AND d.end_first <= ?2))\(filter)
        """, arguments: [from, to])
    {
      let rowid: Int64 = row["rowid"]
      let role = DeploymentRole(rawValue: row["role"]) ?? .presence
      let isInferred =
        (row["analyst_status"] as String) == AnalystStatus.inferred.rawValue
        || (row["id"] as String).hasPrefix(TerritoryPositions.idPrefix)
      let base = PositionChange(
        day: Day(daysSinceEpoch: 0), kind: .controlGained,
        actor: RecordLink(
          RecordReference(kind: .actor, rawValue: row["actor_id"]), row["actor_name"]),
        site: RecordLink(RecordReference(kind: .site, rawValue: row["site_id"]), row["site_name"]),
        deployment: RecordLink(
          RecordReference(kind: .deployment, rawValue: row["id"]),
          "\(row["actor_name"] as String) at \(row["site_name"] as String)"),
        isInferred: isInferred, grade: try row.grade())
      if let start: Int = row["start_first"], start > from, start <= to {
        var change = base
        change.day = Day(daysSinceEpoch: start)
        change.kind =
          role == .control ? .controlGained : role == .presence ? .presenceBegan : .baseEstablished
        change.evidence = try evidence(rowid, changes: ["begins"])
        if (row["analyst_status"] as String) == AnalystStatus.contested.rawValue {
          change.detail = "contested"
        }
        changes.append(change)
      }
      if let end: Int = row["end_first"], end > from, end <= to {
        var change = base
        change.day = Day(daysSinceEpoch: end)
        let successor: String? = row["successor_id"]
        change.kind =
          successor != nil
          ? .handedOver
          : role == .control ? .controlLost : role == .presence ? .presenceEnded : .baseEnded
        change.detail = (row["successor_actor"] as String?).map { "to \($0)" }
        change.evidence = try evidence(rowid, changes: ["ends", "status"])
        changes.append(change)
      }
    }
    return changes
  }

  /// The events whose effects on deployment `rowid` are among `changes`.
  private func evidence(_ rowid: Int64, changes: [String]) throws -> [RecordLink] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT event.id, event.summary FROM effect JOIN event ON event.rowid = effect.event
        WHERE effect.deployment = ? AND effect.change IN (\(changes.map { "'\($0)'" }.joined(separator: ", ")))
        ORDER BY event.date_first, event.rowid
        """, arguments: [rowid]
    ).map { RecordLink(RecordReference(kind: .event, rawValue: $0["id"]), $0["summary"]) }
  }

  /// Actors seen at a place as of `to` but not as of `from` (appeared), or the other way
  /// round (gone quiet), by the presence window.
  func presenceChanges() throws -> [PositionChange] {
    let window = query.presenceDays
    let filter =
      (site.map { " AND e.site = \($0)" } ?? "") + (actor.map { " AND ea.actor = \($0)" } ?? "")
    var changes: [PositionChange] = []
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT a.id AS actor_id, a.name AS actor_name, s.id AS site_id, s.name AS site_name,
          p.before, p.after, p.first_after, p.last_before, p.events_after
        FROM (
          SELECT ea.actor, e.site,
            sum(e.date_first BETWEEN ?1 - ?3 + 1 AND ?1) AS before,
            sum(e.date_first BETWEEN ?2 - ?3 + 1 AND ?2) AS after,
            min(CASE WHEN e.date_first > ?1 THEN e.date_first END) AS first_after,
            max(CASE WHEN e.date_first <= ?1 THEN e.date_first END) AS last_before,
            count(DISTINCT CASE WHEN e.date_first > ?1 THEN e.rowid END) AS events_after
          FROM event e JOIN event_actor ea ON ea.event = e.rowid
          WHERE e.date_first BETWEEN ?1 - ?3 + 1 AND ?2 AND e.site IS NOT NULL
            AND coalesce(e.location_code, '') NOT IN (\(TerritoryPositions.impreciseSQL))\(filter)
          GROUP BY ea.actor, e.site
          HAVING (before = 0) != (after = 0)) p
        JOIN actor a ON a.rowid = p.actor JOIN site s ON s.rowid = p.site
        """, arguments: [from, to, window])
    {
      // Columns by position: thousands of rows, and GRDB looks each name up.
      let actor = RecordLink(RecordReference(kind: .actor, rawValue: row[0]), row[1])
      let site = RecordLink(RecordReference(kind: .site, rawValue: row[2]), row[3])
      let before: Int = row[4]
      if before == 0, let first: Int = row[6] {
        let events: Int = row[8]
        changes.append(
          PositionChange(
            day: Day(daysSinceEpoch: first), kind: .appeared, actor: actor, site: site,
            detail: "\(events) event\(events == 1 ? "" : "s"); none in the \(window) days before"))
      } else if let last: Int = row[7] {
        changes.append(
          PositionChange(
            day: Day(daysSinceEpoch: min(last + window, to)), kind: .goneQuiet, actor: actor,
            site: site, detail: "last seen \(Day(daysSinceEpoch: last))"))
      }
    }
    return changes
  }
}
