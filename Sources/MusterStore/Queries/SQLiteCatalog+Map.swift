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
      let rows = try db.rows(
        sql: """
          SELECT rowid, id, name, latitude, longitude FROM site
          WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? LIMIT ?
          """,
        arguments: [
          box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude, max(0, limit),
        ])
      let deployed = Set(try db.values(Int64.self, sql: "SELECT DISTINCT site FROM deployment"))
      let states = DeploymentStates(db: db)
      return try rows.map { row in
        let rowid: Int64 = try row.get("rowid")
        var site = MapSite(
          record: RecordReference(kind: .site, rawValue: try row.get("id")),
          name: try row.get("name"), latitude: try row.get("latitude"),
          longitude: try row.get("longitude"))
        if let day, deployed.contains(rowid),
          let holder = try states.leadingHolder(ofSite: rowid, asOf: day).holder,
          holder.status.isHolding
        {
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
