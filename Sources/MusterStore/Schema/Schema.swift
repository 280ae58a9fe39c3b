import GRDB
import MusterDomain

/// The schema objects writers create, drop and rebuild today, declared once.
///
/// The migrations that made them are frozen in `Migrations`; `SchemaTests` checks that
/// every definition here is what the migrations leave in a database. References between
/// records use the referenced table's `rowid`; every record also keeps its slug in a
/// unique `id` column. Claims (deployments, events, relations) cache the grade of their
/// best citation so lists and filters never join through citations.
enum Schema {
  /// The version of `SearchKey` folding the search tables were built with.
  static let foldVersion = 1

  /// The version of `TransliterationKey` and name words the spelling tables hold; a
  /// database with another (or none, as v7 leaves it) has them rebuilt when opened for
  /// writing.
  static let spellingVersion = 2

  /// Rebuilds the spelling tables (`NameSpellings`) if they were made by other rules.
  static func refreshSpellings(_ db: Database) throws {
    let stored = try String.fetchOne(
      db, sql: "SELECT value FROM meta WHERE key = 'spelling_version'")
    guard stored != String(spellingVersion) else { return }
    try NameSpellings.rebuild(db)
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('spelling_version', ?)",
      arguments: [String(spellingVersion)])
  }

  /// Secondary indexes a large import drops and rebuilds (inside its transaction), because
  /// building an index once by sorting is much faster than growing it row by row.
  ///
  /// `citation_by_document` is not among them: imports add citations in the order of their
  /// documents' rowids, which only grow, so it grows at its right edge, as cheaply as a
  /// rebuild would make it (which took 0.7 s at 1M events, on one core at the end).
  static let bulkIndexes = [
    IndexDefinition("event_by_id", on: "event", "id", isUnique: true),
    IndexDefinition("event_by_date", on: "event", "date_first"),
    IndexDefinition("event_by_site", on: "event", "site", "date_first"),
    IndexDefinition("event_actor_by_actor", on: "event_actor", "actor", "day", "event"),
    IndexDefinition("document_by_id", on: "document", "id", isUnique: true),
    IndexDefinition("document_by_source", on: "document", "source", "published_first"),
    IndexDefinition("search_text_by_record", on: "search_text", "kind", "record", isUnique: true),
  ]

  /// Keeps the full-text index in step with `search_text` row by row; a bulk import drops it
  /// and feeds the index in key order instead (FTS5 flushes its buffer whenever a rowid
  /// arrives lower than the one before, which a newest-first file would do on every row).
  static let insertTrigger = """
    CREATE TRIGGER search_text_inserted AFTER INSERT ON search_text BEGIN
      INSERT INTO search_index(rowid, names, body) VALUES (new.rowid, new.names, new.body);
    END
    """

  /// How the full-text index splits text into terms.
  static let searchTokenizer = "tokenize='unicode61 remove_diacritics 2'"

  /// The full-text index over `search_text`.
  static let searchIndexTable = """
    CREATE VIRTUAL TABLE search_index USING fts5(
      names, body, content='search_text', content_rowid='rowid', \(searchTokenizer))
    """

  /// The same index without content, as `FullTextBuilder` builds it.
  ///
  /// Its shadow tables (`_data`, `_idx`, `_docsize`) are laid out as `searchIndexTable`'s
  /// are, so they can be copied into the catalog's.
  static let contentlessSearchIndexTable = """
    CREATE VIRTUAL TABLE search_index USING fts5(names, body, content='', \(searchTokenizer))
    """

  /// Removes a deleted entry's words from the full-text index.
  static let deleteTrigger = """
    CREATE TRIGGER search_text_deleted AFTER DELETE ON search_text BEGIN
      INSERT INTO search_index(search_index, rowid, names, body)
        VALUES ('delete', old.rowid, old.names, old.body);
    END
    """

  /// Moves a changed entry in the full-text index.
  static let updateTrigger = """
    CREATE TRIGGER search_text_updated AFTER UPDATE ON search_text BEGIN
      INSERT INTO search_index(search_index, rowid, names, body)
        VALUES ('delete', old.rowid, old.names, old.body);
      INSERT INTO search_index(rowid, names, body) VALUES (new.rowid, new.names, new.body);
    END
    """

  /// Recounts events per day into `event_day`.
  ///
  /// The timeline's sparkline reads it: a few thousand rows instead of a million events.
  /// Writers call it before they commit.
  static func refreshEventDays(_ db: Database) throws {
    try db.execute(
      sql: """
        DELETE FROM event_day;
        INSERT INTO event_day(day, events)
          SELECT date_first, count(*) FROM event WHERE date_first IS NOT NULL GROUP BY date_first;
        """)
  }
}

/// One index, as data: the writer drops and creates it by these fields, and `SchemaTests`
/// checks the statement against the one the migrations ran.
struct IndexDefinition: Hashable, Sendable {
  let name: String
  let table: String
  let columns: [String]
  let isUnique: Bool

  init(_ name: String, on table: String, _ columns: String..., isUnique: Bool = false) {
    self.name = name
    self.table = table
    self.columns = columns
    self.isUnique = isUnique
  }

  /// The `CREATE INDEX` statement.
  var createSQL: String {
    "CREATE \(isUnique ? "UNIQUE " : "")INDEX \(name) ON \(table)(\(columns.joined(separator: ", ")))"
  }

  /// The `DROP INDEX` statement.
  var dropSQL: String { "DROP INDEX IF EXISTS \(name)" }
}
