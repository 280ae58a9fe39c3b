import GRDB
import MusterDomain

/// The tiers beyond folded spellings: names under the transliteration key, and close
/// misspellings of name words; and which name a hit matched.
extension SearchReader {
  /// The shortest key (without its prefix letter) that is also looked up as a prefix.
  static let keyPrefixMinimum = 3

  /// The most name words one query word is compared through.
  static let wordCandidateLimit = 200

  /// Records whose name or alias the query spells under the transliteration key, each
  /// with its rank inside the tier (a whole key before a key the query starts, a whole
  /// name before a later word of it).
  func transliterationTier() throws -> [IndexedRecord: Int] {
    var found: [IndexedRecord: Int] = [:]
    for key in TransliterationKey.queryKeys(request.query.words.joined(separator: " ")) {
      let isPrefix = key.unicodeScalars.count - 1 >= Self.keyPrefixMinimum
      let rows = try db.rows(
        sql: """
          SELECT key, kind, record, word_offset FROM name_sound
          WHERE key >= ? AND key \(isPrefix ? "<" : "<=") ?
          ORDER BY length(key), key LIMIT \(Self.nameCandidateLimit)
          """, arguments: [key, isPrefix ? key + "\u{10FFFF}" : key])
      for row in rows {
        // Columns by position: key, kind, record, word_offset.
        guard let kind = RecordKind(code: try row.get(at: 1)), kindAllowed(kind) else { continue }
        let isWholeKey = (try row.get(at: 0) as String) == key
        let isWholeName = (try row.get(at: 3) as Int) == 0
        let rank = (isWholeKey ? 0 : 2) + (isWholeName ? 0 : 1)
        let record = IndexedRecord(kind, try row.get(at: 2))
        if found[record].map({ rank < $0 }) ?? true { found[record] = rank }
      }
    }
    return found
  }

  /// Records whose names hold, for every query word, a word it spells (folded, or under
  /// the key, or for the last word as a prefix) or else a close misspelling of one, with at
  /// least one word a close misspelling; each with its ranking distance.
  ///
  /// Empty when every query word is spelled as some name spells it: then the other tiers
  /// have found what there is.
  ///
  /// When that finds nothing (a misspelt word may share its key with an unrelated name
  /// word), every word is also compared with its close misspellings.
  ///
  /// `namesFound` says the other name tiers found records: then a query whose every word
  /// is spelled as names spell it needs no close matches, and none are looked for.
  func closeMatchTier(namesFound: Bool) throws -> [IndexedRecord: Int] {
    let words = SearchKey.queryAlternatives(request.query.words.joined(separator: " "))
    guard !words.isEmpty else { return [:] }
    var spelled: [Set<String>] = []
    for (index, forms) in words.enumerated() {
      spelled.append(try spelledWords(forms, isLast: index == words.count - 1))
    }
    if namesFound && !spelled.contains(where: \.isEmpty) { return [:] }
    let (found, metNothing) = try closeMatches(words, spelled: spelled, widened: false)
    return metNothing ? try closeMatches(words, spelled: spelled, widened: true).found : found
  }

  /// `closeMatchTier` with close misspellings looked up for the words spelled as names
  /// spell them (`widened`) or only for the others.
  ///
  /// `metNothing` says that every word found name words but no record names them all.
  func closeMatches(_ words: [[String]], spelled spelledByWord: [Set<String>], widened: Bool)
    throws -> (found: [IndexedRecord: Int], metNothing: Bool)
  {
    var isClose = false
    var distance = 0
    var records: Set<IndexedRecord>?
    var matchedWords: Set<String> = []
    for (index, forms) in words.enumerated() {
      var spelled = spelledByWord[index]
      if spelled.isEmpty || widened {
        let wasSpelled = !spelled.isEmpty
        var closest = Int.max
        for form in forms {
          for (word, edits) in try closeWords(form) {
            spelled.insert(word)
            closest = min(closest, edits)
          }
        }
        guard !spelled.isEmpty else { return ([:], false) }
        if closest < Int.max {
          isClose = true
          distance += wasSpelled ? 0 : closest
        }
      }
      matchedWords.formUnion(spelled)
      let having = try recordsNaming(spelled)
      records = records.map { $0.intersection(having) } ?? having
      if records?.isEmpty ?? true { return ([:], true) }
    }
    guard isClose, let records else { return ([:], false) }
    // Fewest edits first; among equals, the names with fewest words beyond the query's
    // (`Hezbollah` before `Kata'ib Hezbollah`), while there are few enough to look at.
    var ranked: [IndexedRecord: Int] = [:]
    let indexer = SearchIndexer(db: db)
    for record in records {
      var extra = 99
      if records.count <= Self.wordCandidateLimit {
        for name in try indexer.nameKeySources(for: record)
        where TransliterationKey.nameWords(name).contains(where: matchedWords.contains) {
          extra = min(extra, max(0, SearchKey.queryAlternatives(name).count - words.count))
        }
      }
      ranked[record] = distance * 100 + extra
    }
    return (ranked, false)
  }

  /// Name words a query word spells: the same folded word (or one it starts, for the word
  /// being typed) or a word with the same transliteration key.
  func spelledWords(_ forms: [String], isLast: Bool) throws -> Set<String> {
    var words: Set<String> = []
    for form in forms {
      words.formUnion(
        try db.values(
          String.self,
          sql:
            "SELECT word FROM name_word WHERE word >= ? AND word \(isLast ? "<" : "<=") ? LIMIT ?",
          arguments: [form, isLast ? form + "\u{10FFFF}" : form, Self.wordCandidateLimit]))
      for key in TransliterationKey.wordKey(form) where key.unicodeScalars.count >= 2 {
        words.formUnion(
          try db.values(
            String.self, sql: "SELECT word FROM word_sound WHERE key = ? LIMIT ?",
            arguments: [key, Self.wordCandidateLimit]))
      }
    }
    return words
  }

  /// Name words within the allowed edits of a query word, with their distances: found by
  /// shared trigrams (an edit changes at most three, a swap of neighbours four), then
  /// measured.
  func closeWords(_ word: String) throws -> [(word: String, edits: Int)] {
    let length = word.unicodeScalars.count
    let allowed = CloseMatch.allowedEdits(forLength: length)
    guard allowed > 0 else { return [] }
    let grams = CloseMatch.trigrams(word)
    let needed = max(1, grams.count - 4 * allowed)
    let marks = Array(repeating: "?", count: grams.count).joined(separator: ",")
    var arguments = StatementArguments(grams)
    arguments += [length - allowed, length + allowed, needed]
    let candidates = try db.values(
      String.self,
      sql: """
        SELECT word FROM name_gram WHERE gram IN (\(marks))
          AND length(word) BETWEEN ? AND ?
        GROUP BY word HAVING count(*) >= ?
        """, arguments: arguments)
    return candidates.compactMap { candidate in
      CloseMatch.distance(word, candidate, limit: allowed).map { (candidate, $0) }
    }
  }

  /// The named records with one of `words` in a name or alias.
  func recordsNaming(_ words: Set<String>) throws -> Set<IndexedRecord> {
    var records: Set<IndexedRecord> = []
    let list = Array(words)
    for start in stride(from: 0, to: list.count, by: 500) {
      let chunk = Array(list[start..<min(start + 500, list.count)])
      let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
      for row in try db.rows(
        sql: "SELECT kind, record FROM name_word WHERE word IN (\(marks))",
        arguments: StatementArguments(chunk))
      {
        guard let kind = RecordKind(code: try row.get(at: 0)), kindAllowed(kind) else { continue }
        records.insert(IndexedRecord(kind, try row.get(at: 1)))
      }
    }
    return records
  }

  /// Name words with the same transliteration key as a query word: other spellings the
  /// full-text tier looks for too.
  ///
  /// Only for words of four letters or more (shorter ones, like the articles, are shared
  /// by the commonest words of the text, which would cost more than they find).
  static func otherSpellings(of form: String, in db: Database) throws -> [String] {
    guard form.unicodeScalars.count >= 4 else { return [] }
    var words: [String] = []
    for key in TransliterationKey.wordKey(form) where key.unicodeScalars.count >= 3 {
      words += try db.values(
        String.self, sql: "SELECT word FROM word_sound WHERE key = ? AND word <> ? LIMIT 16",
        arguments: [key, form])
    }
    return words
  }

  /// Which of a record's names and aliases the query matched in `tier`, or `nil` when the
  /// tier is not a name tier or no name explains it.
  func explanation(_ record: IndexedRecord, tier: MatchTier) throws -> MatchExplanation? {
    guard tier != .text else { return nil }
    let indexer = SearchIndexer(db: db)
    let names = try indexer.nameKeySources(for: record)
    let text = request.query.words.joined(separator: " ")
    if tier == .closeMatch {
      // The name that spells (or nearly spells) most of the query's words.
      let groups = SearchKey.queryAlternatives(text)
      var best: (covered: Int, position: Int)?
      for (position, name) in names.enumerated() {
        let words = TransliterationKey.nameWords(name)
        let covered = groups.filter { forms in
          forms.contains { form in
            let allowed = CloseMatch.allowedEdits(forLength: form.unicodeScalars.count)
            return words.contains { CloseMatch.distance(form, $0, limit: allowed) != nil }
          }
        }.count
        if covered > 0, covered > best?.covered ?? 0 { best = (covered, position) }
      }
      return best.map { MatchExplanation(name: names[$0.position], isAlias: $0.position > 0) }
    }
    for (position, name) in names.enumerated() {
      let isAlias = position > 0
      switch tier {
      case .exactName, .alias:
        let query = Set(SearchKey.compactAlternatives(text))
        if SearchKey.compactAlternatives(name).contains(where: query.contains) {
          return MatchExplanation(name: name, isAlias: isAlias)
        }
      case .namePrefix, .wordPrefix:
        let query = SearchKey.compactAlternatives(text)
        let keys = SearchKey.nameKeys(name).map(\.key)
        if keys.contains(where: { key in query.contains(where: key.hasPrefix) }) {
          return MatchExplanation(name: name, isAlias: isAlias)
        }
      case .transliteration:
        let stored = TransliterationKey.nameKeys(name).map(\.key)
        for key in TransliterationKey.queryKeys(text) {
          let isPrefix = key.unicodeScalars.count - 1 >= Self.keyPrefixMinimum
          if stored.contains(where: { isPrefix ? $0.hasPrefix(key) : $0 == key }) {
            return MatchExplanation(
              name: name, isAlias: isAlias, key: TransliterationKey.display(key))
          }
        }
      case .closeMatch, .text:
        return nil
      }
    }
    return nil
  }
}
