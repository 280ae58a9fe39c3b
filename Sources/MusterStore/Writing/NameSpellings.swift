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

  /// Adds the spellings of a record's names.
  mutating func add(_ kind: RecordKind, _ rowid: Int64, names: [String]) throws {
    for name in names {
      for key in TransliterationKey.nameKeys(name) {
        insertSound.bind(1, key.key)
        insertSound.bind(2, kind.code)
        insertSound.bind(3, rowid)
        insertSound.bind(4, key.wordOffset)
        try insertSound.run()
      }
      for word in TransliterationKey.nameWords(name) {
        insertWord.bind(1, word)
        insertWord.bind(2, kind.code)
        insertWord.bind(3, rowid)
        try insertWord.run()
        guard knownWords.insert(word).inserted else { continue }
        for gram in CloseMatch.trigrams(word) {
          insertGram.bind(1, gram)
          insertGram.bind(2, word)
          try insertGram.run()
        }
        for key in TransliterationKey.wordKey(word) {
          insertWordSound.bind(1, key)
          insertWordSound.bind(2, word)
          try insertWordSound.run()
        }
      }
    }
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
