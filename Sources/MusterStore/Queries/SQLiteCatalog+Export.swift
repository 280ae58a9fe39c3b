import GRDB
import MusterDomain

extension SQLiteCatalog {
  /// Every record in the database, as a dataset that `write` would load back unchanged.
  public func exportDataset() throws -> Dataset {
    try read { db in
      let loader = RecordLoader(db: db)
      func all<Record>(_ table: String, _ load: (Int64) throws -> Record?) throws -> [Record] {
        try db.values(Int64.self, sql: "SELECT rowid FROM \(table) ORDER BY rowid").compactMap(load)
      }
      var dataset = Dataset(
        title: try db.value(String.self, sql: "SELECT value FROM meta WHERE key = 'title'"),
        description: try db.value(
          String.self, sql: "SELECT value FROM meta WHERE key = 'description'"))
      dataset.sources = try all("source", loader.source)
      dataset.documents = try all("document", loader.document)
      dataset.actors = try all("actor", loader.actor)
      dataset.relations = try all("relation", loader.relation)
      dataset.sites = try allSites(db)
      dataset.deployments = try all("deployment", loader.deployment)
      dataset.events = try all("event", loader.event)
      dataset.notes = try all("note", loader.note)
      dataset.pins = try db.rows(
        sql: "SELECT target, author, created_at FROM pin ORDER BY target, author"
      ).compactMap { row -> Pin? in
        guard let target = RecordReference(try row.get("target") as String) else { return nil }
        return Pin(
          target: target, author: try row.get("author"), createdAt: try row.get("created_at"))
      }
      return dataset
    }
  }

  /// Every site, without reading the other records (a GeoJSON export needs no events).
  public func exportSites() throws -> [Site] {
    try read { db in try allSites(db) }
  }

  func allSites(_ db: Database) throws -> [Site] {
    let loader = RecordLoader(db: db)
    return try db.values(Int64.self, sql: "SELECT rowid FROM site ORDER BY rowid")
      .compactMap(loader.site)
  }

  /// Whether a record with this identifier exists.
  public func contains(_ record: RecordReference) throws -> Bool {
    try read { db in try RecordLoader(db: db).rowid(of: record) != nil }
  }
}
