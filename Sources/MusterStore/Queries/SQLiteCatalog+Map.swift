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
      let version = try cacheVersion(db)
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
      let index = try positionIndex(db)
      return try sites.map { entry in
        var site = entry.site
        if let holder = try index.leadingHolder(ofSite: entry.rowid, asOf: day, db: db) {
          site.holder = index.actors[holder.actor].map {
            RecordReference(kind: .actor, rawValue: $0.id)
          }
          site.holderName = holder.actorName
          site.status = holder.status
          site.isInferred = holder.isInferred
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

/// The located sites of one box, as read while the database was at one version.
struct MapSitesCache: Sendable {
  let box: GeoBox
  let limit: Int
  let version: CacheVersion
  let sites: [(rowid: Int64, site: MapSite)]
}
