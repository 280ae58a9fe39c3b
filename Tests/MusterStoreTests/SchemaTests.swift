import Foundation
import GRDB
import MusterDomain
import MusterTestSupport
import Testing

@testable import MusterStore

/// The frozen migrations, the definitions writers use, and a database made by the first
/// schema brought up to date.
@Suite struct SchemaTests {
  /// Every table, index and trigger of a database, as `type name: SQL` with whitespace
  /// collapsed, in order.
  static func schema(of db: Database) throws -> [String] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT type, name, sql FROM sqlite_master
        WHERE name != 'grdb_migrations' AND sql IS NOT NULL ORDER BY type, name
        """
    ).map { row in
      let sql: String = row["sql"]
      let type: String = row["type"]
      let name: String = row["name"]
      return "\(type) \(name): " + Self.collapsed(sql)
    }
  }

  static func collapsed(_ sql: String) -> String {
    sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  static func freshDatabase() throws -> (TemporaryFolder, DatabaseQueue) {
    let folder = try TemporaryFolder("muster-schema")
    let queue = try DatabaseQueue(path: folder.file("muster.db"))
    try Migrations.migrator.migrate(queue)
    return (folder, queue)
  }

  @Test func theMigrationsMakeTheSchemaTheReleasedCodeMade() throws {
    let (_, queue) = try Self.freshDatabase()
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/schema-v11.txt")

    let made = try queue.read { try Self.schema(of: $0) }

    let released = try String(contentsOf: fixture, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    #expect(made == released)
  }

  @Test func theDefinitionsWritersUseAreWhatTheMigrationsMade() throws {
    let (_, queue) = try Self.freshDatabase()

    let sql = try queue.read { db in
      try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(
          db, sql: "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        ).map { ($0["name"] as String, Self.collapsed($0["sql"])) })
    }

    for index in Schema.bulkIndexes {
      #expect(sql[index.name] == Self.collapsed(index.createSQL), "\(index.name)")
    }
    for (name, definition) in [
      ("search_text_inserted", Schema.insertTrigger), ("search_text_deleted", Schema.deleteTrigger),
      ("search_text_updated", Schema.updateTrigger), ("search_index", Schema.searchIndexTable),
      ("search_term", SearchTerms.createTable),
    ] {
      #expect(sql[name] == Self.collapsed(definition), "\(name)")
    }
    #expect(
      try queue.read {
        try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'fold_version'")
      }
        == String(Schema.foldVersion))
  }

  @Test func aDatabaseMadeByTheFirstSchemaMigratesToTheLatest() throws {
    let folder = try TemporaryFolder("muster-schema")
    let path = folder.file("old.db")
    do {
      let queue = try DatabaseQueue(path: path)
      try Migrations.migrator.migrate(queue, upTo: "v1")
      // What the first release wrote: a source, an event and a statement, with their
      // full-text entries keyed as it keyed them (kind 4 for both).
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO source(rowid, id, name, sort_key, kind, reliability)
              VALUES (1, 'source:sohr', 'SOHR', 'sohr', 'ngo', 2);
            INSERT INTO site(rowid, id, name, sort_key, kind, latitude, longitude)
              VALUES (1, 'site:albu-kamal', 'Albu Kamal', 'albu kamal', 'city', 34.45, 40.94);
            INSERT INTO event(rowid, id, kind, date_first, date_last, date_precision, site,
                summary, analyst_status)
              VALUES (1, 'event:handover', 'handover', 18613, 18613, 'day', 1,
                'Fifth Corps takes over border points', 'accepted'),
                (2, 'event:statement', 'statement', 18617, 18617, 'day', NULL,
                'Zarif on Fatemiyoun', 'accepted');
            INSERT INTO search_text(rowid, kind, record, names, body) VALUES
              ((18613 << 36) | (4 << 32) | 1, 4, 1, '', 'fifth corps takes over border points'),
              ((18617 << 36) | (4 << 32) | 2, 4, 2, '', 'zarif on fatemiyoun');
            """)
      }
    }

    let catalog = try SQLiteCatalog.openWritable(at: path).catalog

    let (_, fresh) = try Self.freshDatabase()
    let latest = try fresh.read { try Self.schema(of: $0) }
    try catalog.database.read { db in
      #expect(try Self.schema(of: db) == latest)
      #expect(try Int.fetchAll(db, sql: "SELECT events FROM event_day ORDER BY day") == [1, 1])
      // v3 moved the statement's entry to the statements' own code.
      let statementKey = try #require(
        try Int64.fetchOne(db, sql: "SELECT rowid FROM search_text WHERE record = 2"))
      #expect((statementKey >> 32) & 0xF == 9)
      #expect(try String.fetchAll(db, sql: "SELECT term FROM search_term").contains("zarif"))
    }
    let found = try catalog.search(SearchRequest(query: SearchQuery(words: "zarif")))
    #expect(found.hits.map(\.record.rawValue) == ["event:statement"])
    #expect(try catalog.summary().count(of: .event) == 2)
    // v7 keyed the names already stored: another romanisation and a misspelling find them.
    let romanised = try catalog.search(SearchRequest(query: SearchQuery(words: "Alboo Kemal")))
    #expect(romanised.hits.first?.record.rawValue == "site:albu-kamal")
    #expect(romanised.hits.first?.tier == .transliteration)
    let misspelt = try catalog.search(SearchRequest(query: SearchQuery(words: "Albu Kamak")))
    #expect(misspelt.hits.first?.record.rawValue == "site:albu-kamal")
    #expect(misspelt.hits.first?.tier == .closeMatch)
  }

  @Test func v9GivesTheAliasesEarlierMergesBroughtTheirDataset() throws {
    let folder = try TemporaryFolder("muster-schema")
    let queue = try DatabaseQueue(path: folder.file("v8.db"))
    try Migrations.migrator.migrate(queue, upTo: "v8 merges and match reviews")
    // A v8 database: Albu Kamal with an alias of its own, then ACLED's Al-Bukamal (with an
    // alias) merged into it, then UCDP's Albu Kamal town; and a site nothing merged into.
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO site(rowid, id, name, sort_key, kind) VALUES
            (1, 'site:albu-kamal', 'Albu Kamal', 'albu kamal', 'city'),
            (2, 'site:hajin', 'Hajin', 'hajin', 'town');
          INSERT INTO alias(owner_kind, owner, position, name) VALUES
            (2, 1, 0, 'البوكمال'), (2, 1, 1, 'Al-Bukamal'), (2, 1, 2, 'Abu Kamal'),
            (2, 1, 3, 'Albu Kamal town'), (2, 2, 0, 'Hajeen');
          INSERT INTO merge(kind, kept, merged_id, snapshot, reason, author, created_at) VALUES
            (2, 1, 'site:acled:al-bukamal@34.4529,40.9366',
              '{"keptAliases":1,"aliases":[{"name":{"text":"Abu Kamal"}}],"row":{},"links":[],"notes":[],"pins":[],"acledTypes":[]}',
              'test', 'test', 0),
            (2, 1, 'site:ucdp:albu-kamal-town@34.45,40.918611',
              '{"keptAliases":3,"aliases":[],"row":{},"links":[],"notes":[],"pins":[],"acledTypes":[]}',
              'test', 'test', 0);
          """)
    }

    try Migrations.migrator.migrate(queue)

    let datasets = try queue.read { db in
      try Row.fetchAll(db, sql: "SELECT name, dataset FROM alias ORDER BY owner, position").map {
        "\($0["name"] as String)=\(($0["dataset"] as String?) ?? "own")"
      }
    }
    #expect(
      datasets == [
        "البوكمال=own", "Al-Bukamal=acled", "Abu Kamal=acled", "Albu Kamal town=ucdp",
        "Hajeen=own",
      ])
  }

  @Test func spellingTablesMadeByOtherRulesAreRebuiltOnTheNextWritableOpen() throws {
    let folder = try TemporaryFolder("muster-schema")
    let path = folder.file("muster.db")
    do {
      let writer = try SQLiteCatalog.openWritable(at: path)
      try writer.catalog.database.write { db in
        try db.execute(
          sql: """
            INSERT INTO site(rowid, id, name, sort_key, kind)
              VALUES (1, 'site:mayadin', 'al-Mayadin', 'mayadin', 'city');
            UPDATE meta SET value = '0' WHERE key = 'spelling_version';
            """)
      }
    }
    let catalog = try SQLiteCatalog.openWritable(at: path).catalog

    let version = try catalog.database.read {
      try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'spelling_version'")
    }
    #expect(version == String(Schema.spellingVersion))
    let found = try catalog.search(SearchRequest(query: SearchQuery(words: "Mayadeen")))
    #expect(found.hits.map(\.record.rawValue) == ["site:mayadin"])
    #expect(found.hits.first?.tier == .transliteration)
  }
}
