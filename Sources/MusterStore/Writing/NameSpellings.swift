import GRDB
import MusterDomain

/// Writes what search needs beyond folded name keys for a named record (actor, site,
/// source): its names under their transliteration keys (`name_sound`), the words of its
/// names (`name_word`), and those words by trigram (`name_gram`) and by key
/// (`word_sound`).
///
/// The word tables are a vocabulary, like `search_term`: they may keep words no record
/// uses any more (they match nothing), and never miss one.
struct NameSpellings {
  private let insertSound: RawStatement
  private let insertWord: RawStatement
  private let insertGram: RawStatement
  private let insertWordSound: RawStatement
  /// Words whose trigrams and keys this writer already added.
  private var knownWords: Set<String> = []
  /// The transliteration keys of words met.
  private var wordKeys = WordKeyCache()

  init(_ db: Database) throws {
    insertSound = try RawStatement(
      db,
      "INSERT OR IGNORE INTO name_sound(key, kind, record, word_offset) VALUES (?, ?, ?, ?)")
    insertWord = try RawStatement(
      db, "INSERT OR IGNORE INTO name_word(word, kind, record) VALUES (?, ?, ?)")
    insertGram = try RawStatement(db, "INSERT OR IGNORE INTO name_gram(gram, word) VALUES (?, ?)")
    insertWordSound = try RawStatement(
      db, "INSERT OR IGNORE INTO word_sound(key, word) VALUES (?, ?)")
  }

  /// One row of `name_sound` or `name_word`: a key or word, and the record it names.
  struct RecordRow: Comparable {
    var text: String
    var kind: Int
    var record: Int64
    var offset: Int

    static func < (lhs: RecordRow, rhs: RecordRow) -> Bool {
      (lhs.text, lhs.kind, lhs.record, lhs.offset) < (rhs.text, rhs.kind, rhs.record, rhs.offset)
    }
  }

  /// Rows held back until `flush`, when `isDeferred`: a large import writes them at the
  /// end in key order, instead of one random B-tree insert each (at a million events the
  /// trigram table alone is 700,000 rows, and a bulk import runs with a small page cache).
  private var sounds: [RecordRow] = []
  private var words: [RecordRow] = []
  private var grams: [(String, String)] = []
  private var wordSounds: [(String, String)] = []
  /// Whether rows wait for `flush`.
  var isDeferred = false

  /// Adds the spellings of a record's names.
  mutating func add(_ kind: RecordKind, _ rowid: Int64, names: [String]) throws {
    for name in names {
      for key in TransliterationKey.nameKeys(name, cache: &wordKeys) {
        sounds.append(
          RecordRow(text: key.key, kind: kind.code, record: rowid, offset: key.wordOffset))
      }
      for word in TransliterationKey.nameWords(name) {
        words.append(RecordRow(text: word, kind: kind.code, record: rowid, offset: 0))
        guard knownWords.insert(word).inserted else { continue }
        for gram in CloseMatch.trigrams(word) { grams.append((gram, word)) }
        for key in wordKeys.keys(word).keys { wordSounds.append((key, word)) }
      }
    }
    if !isDeferred { try flush() }
  }

  /// Writes the rows held back, each table in key order.
  mutating func flush() throws {
    for row in sounds.sorted() {
      insertSound.bind(1, row.text)
      insertSound.bind(2, row.kind)
      insertSound.bind(3, row.record)
      insertSound.bind(4, row.offset)
      try insertSound.run()
    }
    for row in words.sorted() {
      insertWord.bind(1, row.text)
      insertWord.bind(2, row.kind)
      insertWord.bind(3, row.record)
      try insertWord.run()
    }
    for (gram, word) in grams.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
      insertGram.bind(1, gram)
      insertGram.bind(2, word)
      try insertGram.run()
    }
    for (key, word) in wordSounds.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
      insertWordSound.bind(1, key)
      insertWordSound.bind(2, word)
      try insertWordSound.run()
    }
    sounds.removeAll()
    words.removeAll()
    grams.removeAll()
    wordSounds.removeAll()
  }

  /// Removes a record's spellings (its words stay in the vocabulary).
  static func remove(_ kind: RecordKind, _ rowid: Int64, _ db: Database) throws {
    for table in ["name_sound", "name_word"] {
      try db.execute(
        sql: "DELETE FROM \(table) WHERE kind = ? AND record = ?", arguments: [kind.code, rowid])
    }
  }

  /// Refills every table from the names and aliases stored.
  static func rebuild(_ db: Database) throws {
    try db.execute(
      sql:
        "DELETE FROM name_sound; DELETE FROM name_word; DELETE FROM name_gram; DELETE FROM word_sound"
    )
    var writer = try NameSpellings(db)
    for kind in [RecordKind.actor, .site, .source] {
      var names: [Int64: [String]] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT rowid, name FROM \(kind.rawValue)") {
        names[row[0], default: []].append(row[1])
      }
      if kind != .source {
        for row in try Row.fetchAll(
          db, sql: "SELECT owner, name FROM alias WHERE owner_kind = ? ORDER BY owner, position",
          arguments: [kind.code])
        {
          names[row[0], default: []].append(row[1])
        }
      }
      for (rowid, spellings) in names.sorted(by: { $0.key < $1.key }) {
        try writer.add(kind, rowid, names: spellings)
      }
    }
  }
}
