import GRDB
import MusterDomain

extension SQLiteCatalog {
  /// Located sites inside `box` (at most `limit`, by latitude through the location index),
  /// each with the actor holding it as of `day`.
  ///
  /// Only sites some deployment names are asked for a holder, so a million imported events
  /// at twenty thousand places cost one indexed range read.
  public func mapSites(in box: GeoBox, asOf day: Day?, limit: Int) throws -> [MapSite] {
    try read { db in
      let version = try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
      let cached = mapSitesCache.withLock { cache in
        cache.flatMap { $0.box == box && $0.limit == limit && $0.version == version ? $0 : nil }
      }
      let sites: [(rowid: Int64, site: MapSite)]
      if let cached {
        sites = cached.sites
      } else {
        let rows = try db.rows(
          sql: """
            SELECT rowid, id, name, latitude, longitude FROM site
            WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? LIMIT ?
            """,
          arguments: [
            box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude, max(0, limit),
          ])
        sites = try rows.map { row in
          (
            rowid: try row.get("rowid") as Int64,
            site: MapSite(
              record: RecordReference(kind: .site, rawValue: try row.get("id")),
              name: try row.get("name"), latitude: try row.get("latitude"),
              longitude: try row.get("longitude"))
          )
        }
        let entry = MapSitesCache(box: box, limit: limit, version: version, sites: sites)
        mapSitesCache.withLock { $0 = entry }
      }
      guard let day else { return sites.map(\.site) }
      let holders = try MapHolders(db: db, day: day).leading(of: sites.map(\.rowid))
      return sites.map { entry in
        var site = entry.site
        if let holder = holders[entry.rowid] {
          site.holder = holder.deployment.actor.reference(.actor)
          site.holderName = holder.actorName
          site.status = holder.status
          site.isInferred = holder.deployment.isInferred
        }
        return site
      }
    }
  }

  /// The box around every located site.
  public func siteBounds() throws -> GeoBox? {
    try read { db in
      guard
        let row = try db.row(
          sql: """
            SELECT min(latitude) AS s, max(latitude) AS n, min(longitude) AS w,
              max(longitude) AS e FROM site WHERE latitude IS NOT NULL AND longitude IS NOT NULL
            """),
        let south = try row.get("s") as Double?, let north = try row.get("n") as Double?,
        let west = try row.get("w") as Double?, let east = try row.get("e") as Double?
      else { return nil }
      return GeoBox(minLatitude: south, maxLatitude: north, minLongitude: west, maxLongitude: east)
    }
  }
}

/// The leading holder of many sites at once, for the map.
///
/// A site with places inside it goes through `DeploymentStates.leadingHolder` (its holders
/// include theirs). For the others, one query reads every deployment at them that counts
/// on the day, and only those whose state events may have changed by then (an analyst's,
/// or an inferred one ending that very day) are worked out in full: a million events'
/// twenty thousand inferred positions cost one indexed read, not thousands of queries.
struct MapHolders {
  let db: Database
  let day: Day

  func leading(of sites: [Int64]) throws -> [Int64: DeploymentState] {
    guard !sites.isEmpty else { return [:] }
    let list = DeploymentStates.jsonList(sites)
    let states = DeploymentStates(db: db)
    var result: [Int64: DeploymentState] = [:]
    let parents = Set(
      try db.values(
        Int64.self,
        sql: "SELECT DISTINCT parent FROM site WHERE parent IN (SELECT value FROM json_each(?))",
        arguments: [list]))
    for site in parents {
      if let holder = try states.leadingHolder(ofSite: site, asOf: day).holder,
        holder.status.isHolding
      {
        result[site] = holder
      }
    }
    var candidates: [Int64: [DeploymentState]] = [:]
    var full: [Int64] = []
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT d.rowid, d.id, d.site, d.actor, d.role, d.status, d.end_last, d.analyst_status,
          d.grade_reliability, d.grade_credibility, a.id AS actor_id, a.name AS actor_name,
          s.id AS site_id, s.name AS site_name
        FROM deployment d JOIN actor a ON a.rowid = d.actor JOIN site s ON s.rowid = d.site
        WHERE d.site IN (SELECT value FROM json_each(?1))
          AND (d.start_first IS NULL OR d.start_first <= ?2)
          AND (d.end_last IS NULL OR d.end_last >= ?2)
        """, arguments: [list, day.daysSinceEpoch])
    {
      let site: Int64 = row["site"]
      guard !parents.contains(site) else { continue }
      let id: String = row["id"]
      let endLast: Int? = row["end_last"]
      guard id.hasPrefix(TerritoryPositions.idPrefix), endLast != day.daysSinceEpoch else {
        full.append(row["rowid"])
        continue
      }
      // An inferred position inside its period: as recorded until the event that ends it.
      let deployment = Deployment(
        id: ID(id), actor: ID(row["actor_id"]), site: ID(row["site_id"]),
        role: DeploymentRole(rawValue: row["role"]) ?? .presence,
        status: DeploymentStatus(rawValue: row["status"]) ?? .present,
        analystStatus: AnalystStatus(rawValue: row["analyst_status"]) ?? .inferred)
      candidates[site, default: []].append(
        DeploymentState(
          deployment: deployment, actorName: row["actor_name"], siteName: row["site_name"],
          status: deployment.status, strength: nil, grade: try row.grade()))
    }
    for state in try states.states(of: full, asOf: day) {
      if let site = try RecordLoader(db: db).rowid(of: state.deployment.site.reference(.site)) {
        candidates[site, default: []].append(state)
      }
    }
    for (site, states) in candidates {
      if let holder = DeploymentStates.ordered(states).first, holder.status.isHolding {
        result[site] = holder
      }
    }
    return result
  }
}

/// The located sites of one box, as read while the database was at one `data_version`.
struct MapSitesCache: Sendable {
  let box: GeoBox
  let limit: Int
  let version: Int
  let sites: [(rowid: Int64, site: MapSite)]
}
