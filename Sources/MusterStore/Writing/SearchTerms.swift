import GRDB
import MusterDomain

/// Every term of the full-text index, in a table of its own (`search_term`).
///
/// A prefix query in FTS5 (`"rep"*`) first merges the entries of every term with that
/// prefix into one list, whatever the LIMIT: 30 ms for `rep` over a million events, 90 ms
/// for `the`. The same query as an OR of the terms themselves (`"report" OR "reported"
/// OR ...`) streams newest first and stops at the LIMIT: 2 ms. This table is where the
/// terms come from. It may hold terms no longer in the index (they match nothing); it
/// never misses one, because every write that indexes text adds the text's terms here.
enum SearchTerms {
  static let createTable = "CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID"

  /// Refills the table from the index's own vocabulary (a scan of the whole index: about
  /// 2 s for a million events), dropping terms no longer used.
  static func rebuild(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, 'search_index', 'row');
        DELETE FROM search_term;
        INSERT INTO search_term(term) SELECT term FROM temp.search_vocabulary;
        DROP TABLE temp.search_vocabulary;
        """)
  }

  /// Adds the terms of folded texts (`SearchKey.indexText` output: terms separated by
  /// spaces, as the index's tokenizer reads them).
  static func add(_ terms: some Sequence<Substring>, _ db: Database) throws {
    for term in Set(terms) where !term.isEmpty {
      try db.run(
        sql: "INSERT OR IGNORE INTO search_term(term) VALUES (?)", arguments: [String(term)])
    }
  }

  /// The terms of folded texts.
  static func terms(of text: String) -> [Substring] {
    text.split(separator: " ")
  }

  /// The most terms a prefix is expanded to; beyond it, FTS5's own prefix query.
  ///
  /// Spelling out pays when a prefix starts a few common terms (`rep`: 4 terms, 14.6 ms as
  /// a prefix, 0.8 ms spelled out, at a million events) and costs when it starts many rare
  /// ones (`alo`, the run-together names of `Al-O...` places: 247 terms, 3.3 ms as a
  /// prefix, 8.6 ms spelled out, 18.3 ms against 7.8 ms beside another word).
  static let expansionLimit = 64

  /// The terms starting with `prefix`, or `nil` when there are more than `expansionLimit`.
  static func expand(_ prefix: String, _ db: Database) throws -> [String]? {
    let terms = try db.values(
      String.self,
      sql: "SELECT term FROM search_term WHERE term >= ? AND term < ? LIMIT ?",
      arguments: [prefix, prefix + "\u{10FFFF}", expansionLimit + 1])
    return terms.count > expansionLimit ? nil : terms
  }
}
