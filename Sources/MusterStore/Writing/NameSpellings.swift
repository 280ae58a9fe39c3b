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

  /// One row of `name_sound` or `name_word`: a key or word (interned), and the record it
  /// names.
  struct RecordRow {
    var text: Int32
    var kind: Int
    var record: Int64
    var offset: Int
  }

  /// Rows held back until `flush`, when `isDeferred`: a large import writes them at the
  /// end in key order, instead of one random B-tree insert each (at a million events the
  /// trigram table alone is 700,000 rows, and a bulk import runs with a small page cache).
  private var sounds: [RecordRow] = []
  private var words: [RecordRow] = []
  private var grams: [(gram: Int32, word: Int32)] = []
  private var wordSounds: [(key: Int32, word: Int32)] = []
  /// The text of the rows held back.
  private var texts = InternedTexts()
  /// Whether rows wait for `flush`.
  var isDeferred = false

  /// Adds the spellings of a record's names.
  mutating func add(_ kind: RecordKind, _ rowid: Int64, names: [String]) throws {
    for name in names {
      for key in TransliterationKey.nameKeys(name, cache: &wordKeys) {
        sounds.append(
          RecordRow(
            text: texts.id(key.key), kind: kind.code, record: rowid, offset: key.wordOffset))
      }
      for word in TransliterationKey.nameWords(name) {
        let wordID = texts.id(word)
        words.append(RecordRow(text: wordID, kind: kind.code, record: rowid, offset: 0))
        guard knownWords.insert(word).inserted else { continue }
        for gram in CloseMatch.trigrams(word) { grams.append((texts.id(gram), wordID)) }
        for key in wordKeys.keys(word).keys { wordSounds.append((texts.id(key), wordID)) }
      }
    }
    if !isDeferred { try flush() }
  }

  /// Writes the rows held back, each table in key order.
  ///
  /// Sorted by integers: each text's rank in SQLite's order. Sorting the 560,000
  /// (trigram, word) pairs of a large import as pairs of `String`s took half a second.
  mutating func flush() throws {
    let rank = texts.ranks()
    func order(_ rows: [RecordRow]) -> [RecordRow] {
      rows.sorted {
        (rank[Int($0.text)], $0.kind, $0.record, $0.offset)
          < (rank[Int($1.text)], $1.kind, $1.record, $1.offset)
      }
    }
    func order(_ pairs: [(Int32, Int32)]) -> [(Int32, Int32)] {
      pairs.map { (rank[Int($0.0)], rank[Int($0.1)]) }.sorted { $0 < $1 }
    }
    for row in order(sounds) {
      insertSound.bind(1, texts[row.text])
      insertSound.bind(2, row.kind)
      insertSound.bind(3, row.record)
      insertSound.bind(4, row.offset)
      try insertSound.run()
    }
    for row in order(words) {
      insertWord.bind(1, texts[row.text])
      insertWord.bind(2, row.kind)
      insertWord.bind(3, row.record)
      try insertWord.run()
    }
    let byRank = texts.byRank(rank)
    for (gram, word) in order(grams.map { ($0.gram, $0.word) }) {
      insertGram.bind(1, byRank[Int(gram)])
      insertGram.bind(2, byRank[Int(word)])
      try insertGram.run()
    }
    for (key, word) in order(wordSounds.map { ($0.key, $0.word) }) {
      insertWordSound.bind(1, byRank[Int(key)])
      insertWordSound.bind(2, byRank[Int(word)])
      try insertWordSound.run()
    }
    sounds.removeAll()
    words.removeAll()
    grams.removeAll()
    wordSounds.removeAll()
    texts = InternedTexts()
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

/// Texts as small integers, and their order as SQLite sorts text (by bytes, `BINARY`).
struct InternedTexts {
  private var ids: [String: Int32] = [:]
  private var texts: [String] = []

  /// The text's number, given the first time it is met.
  mutating func id(_ text: String) -> Int32 {
    if let id = ids[text] { return id }
    let id = Int32(texts.count)
    ids[text] = id
    texts.append(text)
    return id
  }

  /// The text numbered `id`.
  subscript(id: Int32) -> String { texts[Int(id)] }

  /// Each text's place in SQLite's order, by number.
  func ranks() -> [Int32] {
    let order = texts.indices.sorted { texts[$0].utf8.lexicographicallyPrecedes(texts[$1].utf8) }
    var ranks = [Int32](repeating: 0, count: texts.count)
    for (rank, index) in order.enumerated() { ranks[index] = Int32(rank) }
    return ranks
  }

  /// The texts in SQLite's order, given `ranks()`.
  func byRank(_ ranks: [Int32]) -> [String] {
    var sorted = texts
    for (index, rank) in ranks.enumerated() { sorted[Int(rank)] = texts[index] }
    return sorted
  }
}
