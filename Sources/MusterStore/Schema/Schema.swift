import GRDB
import MusterDomain

/// The database schema, as numbered migrations.
///
/// A migration is never edited once it has shipped; changes come as a new one. References
/// between records use the referenced table's `rowid`; every record also keeps its slug in
/// a unique `id` column. Claims (deployments, events, relations) cache the grade of their
/// best citation so lists and filters never join through citations.
enum Schema {
  /// The version of `SearchKey` folding the search tables were built with.
  static let foldVersion = 1

  /// Secondary indexes a large import drops and rebuilds (inside its transaction), because
  /// building an index once by sorting is much faster than growing it row by row.
  ///
  /// `citation_by_document` is not among them: imports add citations in the order of their
  /// documents' rowids, which only grow, so it grows at its right edge, as cheaply as a
  /// rebuild would make it (which took 0.7 s at 1M events, on one core at the end).
  static let bulkIndexes = [
    "CREATE UNIQUE INDEX event_by_id ON event(id)",
    "CREATE INDEX event_by_date ON event(date_first)",
    "CREATE INDEX event_by_site ON event(site, date_first)",
    "CREATE INDEX event_actor_by_actor ON event_actor(actor, day, event)",
    "CREATE UNIQUE INDEX document_by_id ON document(id)",
    "CREATE INDEX document_by_source ON document(source, published_first)",
    "CREATE UNIQUE INDEX search_text_by_record ON search_text(kind, record)",
  ]

  /// Keeps the full-text index in step with `search_text` row by row; a bulk import drops it
  /// and feeds the index in key order instead (FTS5 flushes its buffer whenever a rowid
  /// arrives lower than the one before, which a newest-first file would do on every row).
  static let insertTrigger = """
    CREATE TRIGGER search_text_inserted AFTER INSERT ON search_text BEGIN
      INSERT INTO search_index(rowid, names, body) VALUES (new.rowid, new.names, new.body);
    END
    """

  /// The full-text entries: the external content of `search_index`, keyed as described
  /// by `SearchDocument`.
  static let searchTextTable = """
    CREATE TABLE search_text (
      rowid INTEGER PRIMARY KEY, kind INTEGER NOT NULL, record INTEGER NOT NULL,
      names TEXT NOT NULL, body TEXT NOT NULL)
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

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1", migrate: createTables)
    migrator.registerMigration("v2 event days") { db in
      try db.execute(
        sql:
          "CREATE TABLE event_day (day INTEGER PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID")
      try refreshEventDays(db)
    }
    migrator.registerMigration("v3 statement keys") { db in
      // Statements get a kind code of their own in the full-text key (see SearchDocument);
      // the update trigger moves their index entries along.
      try db.execute(
        sql: """
          UPDATE search_text
          SET rowid = (rowid & ~(15 << 32)) | (\(SearchDocument.statementCode) << 32)
          WHERE kind = \(RecordKind.event.code)
            AND record IN (SELECT rowid FROM event WHERE kind = 'statement')
          """)
    }
    migrator.registerMigration("v4 search terms") { db in
      try db.execute(sql: SearchTerms.createTable)
      try SearchTerms.rebuild(db)
    }
    migrator.registerMigration("v5 site locations") { db in
      // The map reads the sites inside its view by latitude.
      try db.execute(sql: "CREATE INDEX site_by_location ON site(latitude, longitude)")
    }
    return migrator
  }

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

  /// Columns holding one `FuzzyDate`: `<name>_first`, `_last`, `_precision`, `_code`.
  static func dateColumns(_ name: String, required: Bool = false) -> String {
    let null = required ? " NOT NULL" : ""
    return """
      \(name)_first INTEGER\(null), \(name)_last INTEGER\(null), \
      \(name)_precision TEXT\(null), \(name)_code TEXT
      """
  }

  /// Columns holding one `PeriodBound`: the date columns and `<name>_kind`.
  static func boundColumns(_ name: String) -> String {
    dateColumns(name) + ", \(name)_kind TEXT"
  }

  static func createTables(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE source (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
          sort_key TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
          reliability INTEGER NOT NULL, note TEXT);
        CREATE INDEX source_by_name ON source(sort_key);

        CREATE TABLE document (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL,
          source INTEGER NOT NULL REFERENCES source(rowid), title TEXT NOT NULL, url TEXT,
          \(dateColumns("published")), note TEXT);
        CREATE UNIQUE INDEX document_by_id ON document(id);
        CREATE INDEX document_by_source ON document(source, published_first);

        CREATE TABLE document_cite (
          document INTEGER NOT NULL REFERENCES document(rowid), position INTEGER NOT NULL,
          cited INTEGER NOT NULL REFERENCES document(rowid),
          PRIMARY KEY (document, position)) WITHOUT ROWID;
        CREATE INDEX document_cite_by_cited ON document_cite(cited);

        CREATE TABLE actor (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
          sort_key TEXT NOT NULL, kind TEXT NOT NULL, country TEXT, description TEXT,
          acled_type INTEGER, last_day INTEGER);
        CREATE INDEX actor_by_name ON actor(sort_key);
        CREATE INDEX actor_by_recent ON actor(last_day);

        CREATE TABLE alias (
          owner_kind INTEGER NOT NULL, owner INTEGER NOT NULL, position INTEGER NOT NULL,
          name TEXT NOT NULL, language TEXT, script TEXT,
          PRIMARY KEY (owner_kind, owner, position)) WITHOUT ROWID;

        CREATE TABLE site (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
          sort_key TEXT NOT NULL, kind TEXT NOT NULL, parent INTEGER REFERENCES site(rowid),
          country TEXT, admin1 TEXT, admin2 TEXT, latitude REAL, longitude REAL,
          location_precision TEXT, location_code TEXT, description TEXT, last_day INTEGER);
        CREATE INDEX site_by_name ON site(sort_key);
        CREATE INDEX site_by_parent ON site(parent);
        CREATE INDEX site_by_recent ON site(last_day);

        CREATE TABLE relation (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
          subject INTEGER NOT NULL REFERENCES actor(rowid), kind TEXT NOT NULL,
          object INTEGER NOT NULL REFERENCES actor(rowid), role TEXT,
          \(boundColumns("start")), \(boundColumns("end")),
          analyst_status TEXT NOT NULL, note TEXT,
          grade_reliability INTEGER, grade_credibility INTEGER);
        CREATE INDEX relation_by_subject ON relation(subject);
        CREATE INDEX relation_by_object ON relation(object);

        CREATE TABLE deployment (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
          actor INTEGER NOT NULL REFERENCES actor(rowid),
          site INTEGER NOT NULL REFERENCES site(rowid),
          role TEXT NOT NULL, status TEXT NOT NULL,
          strength_low INTEGER, strength_best INTEGER, strength_high INTEGER, strength_unit TEXT,
          \(boundColumns("start")), \(boundColumns("end")),
          successor INTEGER REFERENCES deployment(rowid),
          analyst_status TEXT NOT NULL, note TEXT,
          grade_reliability INTEGER, grade_credibility INTEGER);
        CREATE INDEX deployment_by_site ON deployment(site, start_first);
        CREATE INDEX deployment_by_actor ON deployment(actor, start_first);
        CREATE INDEX deployment_by_start ON deployment(start_first);
        CREATE INDEX deployment_by_end ON deployment(end_last);
        CREATE INDEX deployment_by_successor ON deployment(successor);

        CREATE TABLE event (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL,
          \(dateColumns("date", required: true)),
          site INTEGER REFERENCES site(rowid),
          fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
          summary TEXT NOT NULL, quote TEXT, external_id TEXT, source_timestamp INTEGER,
          classification TEXT, tags TEXT, analyst_status TEXT NOT NULL, note TEXT,
          grade_reliability INTEGER, grade_credibility INTEGER);
        CREATE UNIQUE INDEX event_by_id ON event(id);
        CREATE INDEX event_by_date ON event(date_first);
        CREATE INDEX event_by_site ON event(site, date_first);

        CREATE TABLE event_actor (
          event INTEGER NOT NULL REFERENCES event(rowid), position INTEGER NOT NULL,
          actor INTEGER NOT NULL REFERENCES actor(rowid), day INTEGER NOT NULL,
          role TEXT NOT NULL,
          PRIMARY KEY (event, position)) WITHOUT ROWID;
        CREATE INDEX event_actor_by_actor ON event_actor(actor, day, event);

        CREATE TABLE event_about (
          event INTEGER NOT NULL REFERENCES event(rowid), position INTEGER NOT NULL,
          target TEXT NOT NULL,
          PRIMARY KEY (event, position)) WITHOUT ROWID;

        CREATE TABLE effect (
          event INTEGER NOT NULL REFERENCES event(rowid), position INTEGER NOT NULL,
          deployment INTEGER NOT NULL REFERENCES deployment(rowid), change TEXT NOT NULL,
          status TEXT, strength_low INTEGER, strength_best INTEGER, strength_high INTEGER,
          strength_unit TEXT,
          PRIMARY KEY (event, position)) WITHOUT ROWID;
        CREATE INDEX effect_by_deployment ON effect(deployment);

        CREATE TABLE citation (
          claim_kind INTEGER NOT NULL, claim INTEGER NOT NULL, position INTEGER NOT NULL,
          document INTEGER NOT NULL REFERENCES document(rowid),
          credibility INTEGER NOT NULL, quote TEXT, locator TEXT, via TEXT,
          PRIMARY KEY (claim_kind, claim, position)) WITHOUT ROWID;
        CREATE INDEX citation_by_document ON citation(document);

        CREATE TABLE note (
          rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, target TEXT NOT NULL,
          author TEXT NOT NULL, created_at INTEGER NOT NULL, text TEXT NOT NULL);
        CREATE INDEX note_by_target ON note(target, created_at);

        CREATE TABLE pin (
          target TEXT NOT NULL, author TEXT NOT NULL, created_at INTEGER NOT NULL,
          PRIMARY KEY (target, author)) WITHOUT ROWID;

        CREATE TABLE name_key (
          key TEXT NOT NULL, kind INTEGER NOT NULL, record INTEGER NOT NULL,
          word_offset INTEGER NOT NULL,
          PRIMARY KEY (key, kind, record, word_offset)) WITHOUT ROWID;
        CREATE INDEX name_key_by_record ON name_key(kind, record);

        \(searchTextTable);
        CREATE UNIQUE INDEX search_text_by_record ON search_text(kind, record);

        \(searchIndexTable);

        \(insertTrigger);
        \(deleteTrigger);
        \(updateTrigger);
        """)
    try db.execute(
      sql: "INSERT INTO meta(key, value) VALUES ('fold_version', ?)",
      arguments: [String(foldVersion)])
  }
}
