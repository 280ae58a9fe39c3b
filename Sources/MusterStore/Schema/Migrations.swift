import GRDB

/// The schema's numbered migrations, frozen as they shipped.
///
/// Each migration's SQL is written out here as it ran, with no constants from elsewhere: a
/// change to a constant must never change what an old migration creates. A change to the
/// schema is a new migration at the end. `Schema` holds the definitions that writers use
/// today; `SchemaTests` checks them against what these migrations make.
enum Migrations {
  /// Every migration, in order.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in try db.execute(sql: v1) }
    migrator.registerMigration("v2 event days") { db in try db.execute(sql: v2) }
    migrator.registerMigration("v3 statement keys") { db in try db.execute(sql: v3) }
    migrator.registerMigration("v4 search terms") { db in try db.execute(sql: v4) }
    migrator.registerMigration("v5 site locations") { db in try db.execute(sql: v5) }
    migrator.registerMigration("v6 event placement and actor types") { db in
      try db.execute(sql: v6)
    }
    migrator.registerMigration("v7 transliteration keys and name words") { db in
      try db.execute(sql: v7)
    }
    migrator.registerMigration("v8 merges and match reviews") { db in try db.execute(sql: v8) }
    migrator.registerMigration("v9 aliases by dataset") { db in try db.execute(sql: v9) }
    migrator.registerMigration("v10 positions by end") { db in try db.execute(sql: v10) }
    migrator.registerMigration("v11 history") { db in try db.execute(sql: v11) }
    return migrator
  }

  /// The tables, indexes and triggers of the first release, and the folding version its
  /// search keys were made with.
  static let v1 = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

    CREATE TABLE source (
      rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
      sort_key TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
      reliability INTEGER NOT NULL, note TEXT);

    CREATE INDEX source_by_name ON source(sort_key);

    CREATE TABLE document (
      rowid INTEGER PRIMARY KEY, id TEXT NOT NULL,
      source INTEGER NOT NULL REFERENCES source(rowid), title TEXT NOT NULL, url TEXT,
      published_first INTEGER, published_last INTEGER, published_precision TEXT,
      published_code TEXT, note TEXT);

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
      start_first INTEGER, start_last INTEGER, start_precision TEXT, start_code TEXT,
      start_kind TEXT, end_first INTEGER, end_last INTEGER, end_precision TEXT,
      end_code TEXT, end_kind TEXT,
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
      start_first INTEGER, start_last INTEGER, start_precision TEXT, start_code TEXT,
      start_kind TEXT, end_first INTEGER, end_last INTEGER, end_precision TEXT,
      end_code TEXT, end_kind TEXT,
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
      date_first INTEGER NOT NULL, date_last INTEGER NOT NULL, date_precision TEXT NOT NULL,
      date_code TEXT,
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

    CREATE TABLE search_text (
      rowid INTEGER PRIMARY KEY, kind INTEGER NOT NULL, record INTEGER NOT NULL,
      names TEXT NOT NULL, body TEXT NOT NULL);

    CREATE UNIQUE INDEX search_text_by_record ON search_text(kind, record);

    CREATE VIRTUAL TABLE search_index USING fts5(
      names, body, content='search_text', content_rowid='rowid',
      tokenize='unicode61 remove_diacritics 2');

    CREATE TRIGGER search_text_inserted AFTER INSERT ON search_text BEGIN
      INSERT INTO search_index(rowid, names, body) VALUES (new.rowid, new.names, new.body);
    END;

    CREATE TRIGGER search_text_deleted AFTER DELETE ON search_text BEGIN
      INSERT INTO search_index(search_index, rowid, names, body)
        VALUES ('delete', old.rowid, old.names, old.body);
    END;

    CREATE TRIGGER search_text_updated AFTER UPDATE ON search_text BEGIN
      INSERT INTO search_index(search_index, rowid, names, body)
        VALUES ('delete', old.rowid, old.names, old.body);
      INSERT INTO search_index(rowid, names, body) VALUES (new.rowid, new.names, new.body);
    END;

    INSERT INTO meta(key, value) VALUES ('fold_version', '1');
    """

  /// Events per day, which the timeline's sparkline reads instead of the events.
  static let v2 = """
    CREATE TABLE event_day (day INTEGER PRIMARY KEY, events INTEGER NOT NULL) WITHOUT ROWID;
    INSERT INTO event_day(day, events)
      SELECT date_first, count(*) FROM event WHERE date_first IS NOT NULL GROUP BY date_first;
    """

  /// Statements get a kind code of their own (9) in the full-text key.
  ///
  /// So they are counted apart; events are kind 4. The update trigger moves their index
  /// entries along.
  static let v3 = """
    UPDATE search_text
    SET rowid = (rowid & ~(15 << 32)) | (9 << 32)
    WHERE kind = 4
      AND record IN (SELECT rowid FROM event WHERE kind = 'statement');
    """

  /// Every term of the full-text index, in a table of its own (see `SearchTerms`), filled
  /// from the index's vocabulary.
  static let v4 = """
    CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, 'search_index', 'row');
    INSERT INTO search_term(term) SELECT term FROM temp.search_vocabulary;
    DROP TABLE temp.search_vocabulary;
    """

  /// The map reads the sites inside its view by latitude.
  static let v5 = """
    CREATE INDEX site_by_location ON site(latitude, longitude);
    """

  /// An event's own location precision (two events at one site can be placed differently);
  /// each participant's ACLED type in that event; and how many events gave an actor each
  /// type as a principal, the most frequent of which is its type.
  static let v6 = """
    ALTER TABLE event ADD COLUMN location_precision TEXT;

    ALTER TABLE event ADD COLUMN location_code TEXT;

    ALTER TABLE event_actor ADD COLUMN acled_type INTEGER;

    CREATE TABLE actor_acled_type (
      actor INTEGER NOT NULL REFERENCES actor(rowid), type INTEGER NOT NULL,
      events INTEGER NOT NULL,
      PRIMARY KEY (actor, type)) WITHOUT ROWID;
    """

  /// Names under their transliteration keys, words of names, and their vocabulary.
  ///
  /// `name_sound` holds names by key as `name_key` holds them folded; each word of a name (`name_word`) for close matches; and the vocabulary of
  /// name words by trigram (`name_gram`) and by key (`word_sound`). Filled from the names
  /// and aliases already stored by `Schema.refreshSpellings` when the database is next
  /// opened for writing, as it is whenever the key's rules change.
  static let v7 = """
    CREATE TABLE name_sound (
      key TEXT NOT NULL, kind INTEGER NOT NULL, record INTEGER NOT NULL,
      word_offset INTEGER NOT NULL,
      PRIMARY KEY (key, kind, record, word_offset)) WITHOUT ROWID;

    CREATE INDEX name_sound_by_record ON name_sound(kind, record);

    CREATE TABLE name_word (
      word TEXT NOT NULL, kind INTEGER NOT NULL, record INTEGER NOT NULL,
      PRIMARY KEY (word, kind, record)) WITHOUT ROWID;

    CREATE INDEX name_word_by_record ON name_word(kind, record);

    CREATE TABLE name_gram (
      gram TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (gram, word)) WITHOUT ROWID;

    CREATE TABLE word_sound (
      key TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (key, word)) WITHOUT ROWID;
    """

  /// Records merged into others, each with what it takes to split them again; and the
  /// analysts' decisions on proposed matches.
  ///
  /// `merge.snapshot` is JSON (`MergeSnapshot`): the merged record's row and aliases, and
  /// every link moved to the record kept.
  static let v8 = """
    CREATE TABLE merge (
      rowid INTEGER PRIMARY KEY, kind INTEGER NOT NULL, kept INTEGER NOT NULL,
      merged_id TEXT NOT NULL UNIQUE, snapshot TEXT NOT NULL, reason TEXT NOT NULL,
      author TEXT NOT NULL, created_at INTEGER NOT NULL);

    CREATE INDEX merge_by_kept ON merge(kind, kept);

    CREATE TABLE match_review (
      first TEXT NOT NULL, second TEXT NOT NULL, decision TEXT NOT NULL, author TEXT NOT NULL,
      created_at INTEGER NOT NULL, PRIMARY KEY (first, second)) WITHOUT ROWID;
    """

  /// Each alias's dataset: the one that spells the record so.
  ///
  /// `acled` or `ucdp`, or NULL for the database's own names. The aliases earlier merges
  /// gave a kept record (the merged record's name and aliases, from `keptAliases` on in
  /// its snapshot) get the merged record's dataset.
  static let v9 = """
    ALTER TABLE alias ADD COLUMN dataset TEXT;

    UPDATE alias SET dataset = (
      SELECT CASE substr(merge.merged_id, instr(merge.merged_id, ':') + 1,
          instr(substr(merge.merged_id, instr(merge.merged_id, ':') + 1), ':') - 1)
        WHEN 'acled' THEN 'acled' WHEN 'ucdp' THEN 'ucdp' END
      FROM merge
      WHERE merge.kind = alias.owner_kind AND merge.kept = alias.owner
        AND alias.position >= json_extract(merge.snapshot, '$.keptAliases')
        AND alias.position
          <= json_extract(merge.snapshot, '$.keptAliases')
            + json_array_length(merge.snapshot, '$.aliases'))
    WHERE EXISTS (SELECT 1 FROM merge WHERE merge.kind = alias.owner_kind
      AND merge.kept = alias.owner);
    """

  /// An actor's positions by their end, so "where it is as of a day" reads only those not
  /// ended by then: a state's forces have thousands of inferred positions, nearly all over.
  static let v10 = """
    CREATE INDEX deployment_by_actor_end ON deployment(actor, end_last);
    """

  /// The history: every change analysts make (browser, command line) and every import,
  /// with the record's values before and after as JSON; `grp` ties together the entries
  /// of one change (a handover ends one claim and starts another); an undo's entries name
  /// the group they undo (`undoes`).
  static let v11 = """
    CREATE TABLE change_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, grp INTEGER NOT NULL, at INTEGER NOT NULL,
      author TEXT NOT NULL, action TEXT NOT NULL, record TEXT NOT NULL, summary TEXT NOT NULL,
      before TEXT, after TEXT, undoes INTEGER);
    CREATE INDEX change_log_by_record ON change_log(record, seq);
    CREATE INDEX change_log_by_time ON change_log(at);
    """
}
