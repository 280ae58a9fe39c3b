import GRDB
import MusterDomain

extension DetailReader {
  /// How many actors or sites a presence list shows at most.
  static let presenceLimit = 12

  /// The actors seen at a site in the presence window before `day`, most events first;
  /// events placed too roughly to put anyone at the place (`TerritoryPositions`) do not
  /// count.
  func presence(atSite site: Int64, asOf day: Day) throws -> [Presence] {
    try db.rows(
      sql: """
        SELECT actor.id, actor.name, count(DISTINCT event.rowid) AS events,
          min(event.date_first) AS first_day, max(event.date_first) AS last_day
        FROM event JOIN event_actor ON event_actor.event = event.rowid
        JOIN actor ON actor.rowid = event_actor.actor
        WHERE event.site = ? AND event.date_first BETWEEN ? AND ?
          AND coalesce(event.location_code, '') NOT IN (\(TerritoryPositions.impreciseSQL))
        GROUP BY event_actor.actor ORDER BY events DESC, last_day DESC, actor.sort_key
        LIMIT \(Self.presenceLimit)
        """, arguments: window(site, day)
    ).map { try Self.presence($0, kind: .actor) }
  }

  /// The sites an actor was seen at in the presence window before `day`: most events first.
  func presence(ofActor actor: Int64, asOf day: Day) throws -> [Presence] {
    try db.rows(
      sql: """
        SELECT site.id, site.name, count(DISTINCT event.rowid) AS events,
          min(event_actor.day) AS first_day, max(event_actor.day) AS last_day
        FROM event_actor JOIN event ON event.rowid = event_actor.event
        JOIN site ON site.rowid = event.site
        WHERE event_actor.actor = ? AND event_actor.day BETWEEN ? AND ?
          AND coalesce(event.location_code, '') NOT IN (\(TerritoryPositions.impreciseSQL))
        GROUP BY event.site ORDER BY events DESC, last_day DESC, site.sort_key
        LIMIT \(Self.presenceLimit)
        """, arguments: window(actor, day)
    ).map { try Self.presence($0, kind: .site) }
  }

  private func window(_ rowid: Int64, _ day: Day) -> StatementArguments {
    [rowid, day.daysSinceEpoch - presenceDays + 1, day.daysSinceEpoch]
  }

  private static func presence(_ row: Row, kind: RecordKind) throws -> Presence {
    Presence(
      other: RecordLink(
        RecordReference(kind: kind, rawValue: try row.get("id")), try row.get("name")),
      events: try row.get("events"),
      firstDay: Day(daysSinceEpoch: try row.get("first_day")),
      lastDay: Day(daysSinceEpoch: try row.get("last_day")))
  }
}
