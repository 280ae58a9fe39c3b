extension TransliterationKey {
  /// A word group's forms for keys: all parts joined and, after an article, without it;
  /// a word run together with `al`/`el` before a consonant (`Alzour`) also without it.
  static func forms(of group: SearchKey.WordGroup) -> [String] {
    var forms = [group.joined]
    if group.parts.count > 1, articles.contains(group.parts[0]) {
      forms.append(group.parts.dropFirst().joined())
    } else if let stripped = group.stripped {
      forms.append(stripped)
    } else if group.parts.count == 1 {
      let word = Array(group.parts[0].unicodeScalars)
      if word.count > 4, word[0] == "a" || word[0] == "e", word[1] == "l",
        !"aeiouy".unicodeScalars.contains(word[2])
      {
        forms.append(String(String.UnicodeScalarView(word.dropFirst(2))))
      }
    }
    return forms
  }

  /// The keys of words run together: each combination of the words' keys, up to the limit.
  static func runTogether(
    _ groups: ArraySlice<SearchKey.WordGroup>, skeletons: Bool, cache: inout WordKeyCache
  ) -> [String] {
    // An article written as a word of its own (`Ar Raqqah`) is also left out.
    let bare = groups.enumerated().filter { offset, group in
      offset == groups.count - 1 || group.parts.count > 1 || !articles.contains(group.joined)
    }.map(\.element)
    guard bare.count < groups.count else {
      return runTogetherAsWritten(groups, skeletons, &cache)
    }
    return unique(
      runTogetherAsWritten(groups, skeletons, &cache)
        + runTogetherAsWritten(bare[...], skeletons, &cache))
  }

  /// `runTogether` for the words as they are.
  static func runTogetherAsWritten(
    _ groups: ArraySlice<SearchKey.WordGroup>, _ skeletons: Bool, _ cache: inout WordKeyCache
  ) -> [String] {
    var results: [(key: String, isArabic: Bool)] = [("", false)]
    for group in groups {
      var next: [(key: String, isArabic: Bool)] = []
      for form in forms(of: group) {
        let (keys, isArabic) = cache.keys(form)
        for key in keys {
          let piece = skeletons && !isArabic ? skeleton(key) : key
          for result in results where next.count < alternativeLimit * 2 {
            next.append((joined(result.key, piece), result.isArabic || isArabic))
          }
        }
      }
      results = next
    }
    return unique(results.map(\.key))
  }

  /// Two keys run together, a run of one class across the join merged (`ez` `Zor`).
  static func joined(_ first: String, _ second: String) -> String {
    guard let last = first.unicodeScalars.last, second.unicodeScalars.first == last else {
      return first + second
    }
    return first + String(String.UnicodeScalarView(second.unicodeScalars.dropFirst()))
  }

  /// The keys to store for a name: for each tail from a word on (as `SearchKey.nameKeys`),
  /// the vowelled keys and skeletons of a Latin name, or the skeletons of an Arabic-script
  /// one, each with its prefix.
  ///
  /// An acronym (`IRGC`, `SDF`) has none: its letters are not a romanisation. A name ending
  /// in a word that only says what kind of place it is (`Raqqa town`, as UCDP names
  /// places) also has the keys of the name without it.
  public static func nameKeys(_ name: String) -> [NameKey] {
    var cache = WordKeyCache()
    return nameKeys(name, cache: &cache)
  }

  /// `nameKeys`, with the keys of words kept in `cache` for the next names (an import
  /// meets the same words in thousands of names).
  public static func nameKeys(_ name: String, cache: inout WordKeyCache) -> [NameKey] {
    guard !isAcronym(name) else { return [] }
    var groups = SearchKey.groups(of: name)
    let isArabic = name.unicodeScalars.contains(where: isArabicLetter)
    var keys: [NameKey] = []
    var seen: Set<String> = []
    var tails = groups.indices.map { groups[$0...] }
    if groups.count > 1, let last = groups.last, placeWords.contains(last.joined) {
      groups.removeLast()
      tails.append(groups[...])
    }
    for tail in tails {
      let offset = tail.startIndex
      var prefixed: [String] = []
      if isArabic {
        prefixed = runTogether(tail, skeletons: true, cache: &cache).map { "a" + $0 }
      } else {
        prefixed =
          runTogether(tail, skeletons: false, cache: &cache).map { "v" + $0 }
          + runTogether(tail, skeletons: true, cache: &cache).map { "c" + $0 }
      }
      for key in prefixed where key.unicodeScalars.count > 2 && seen.insert(key).inserted {
        keys.append(NameKey(key: key, wordOffset: offset))
      }
    }
    return keys
  }

  /// Words that say what kind of place a name is, which romanisations do not share.
  static let placeWords: Set<String> = [
    "town", "village", "city", "district", "subdistrict", "governorate", "province", "area",
    "region", "camp", "neighbourhood", "neighborhood",
  ]

  /// Whether a name is one short word in capitals and digits (`IRGC`, `T4`).
  static func isAcronym(_ name: String) -> Bool {
    let scalars = name.unicodeScalars
    return (2...5).contains(scalars.count)
      && scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
  }

  /// The stored keys a query may match, with their prefixes: a Latin query's vowelled keys
  /// (against Latin names) and skeletons (against Arabic-script names); an Arabic-script
  /// query's skeletons against both.
  public static func queryKeys(_ text: String) -> [String] {
    let groups = SearchKey.groups(of: text)[...]
    guard !groups.isEmpty else { return [] }
    var keys: [String]
    var cache = WordKeyCache()
    if text.unicodeScalars.contains(where: isArabicLetter) {
      let skeletons = runTogether(groups, skeletons: true, cache: &cache)
      keys = skeletons.map { "c" + $0 } + skeletons.map { "a" + $0 }
    } else {
      keys =
        runTogether(groups, skeletons: false, cache: &cache).map { "v" + $0 }
        + runTogether(groups, skeletons: true, cache: &cache).map { "a" + $0 }
    }
    return unique(keys.filter { $0.unicodeScalars.count > 2 })
  }

  /// The words of a name that close matches compare: each word's forms (with and without
  /// an article) and the whole name run together.
  public static func nameWords(_ name: String) -> [String] {
    var words: [String] = []
    var seen: Set<String> = []
    let groups = SearchKey.groups(of: name)
    for form in groups.flatMap(forms(of:)) + SearchKey.compactAlternatives(of: groups)
    where !form.isEmpty && seen.insert(form).inserted {
      words.append(form)
    }
    return words
  }

  /// A stored or query key as `search --explain` shows it: the vowelled key as it is, a
  /// skeleton as `consonants drzr`.
  public static func display(_ key: String) -> String {
    let body = String(key.dropFirst())
    return key.hasPrefix("v") ? body : "consonants " + body
  }

  /// Whether two names share a key: what the key tier of search matches, whole names only.
  public static func sameKey(_ first: String, _ second: String) -> Bool {
    let stored = Set(nameKeys(first).filter { $0.wordOffset == 0 }.map(\.key))
    return queryKeys(second).contains(where: stored.contains)
  }

  /// The keys of a single folded word, unprefixed: what close matches and the text tier
  /// compare words by.
  public static func wordKey(_ word: String) -> [String] {
    wordKeys(word).keys
  }
}

/// The keys of words already worked out, for `TransliterationKey.nameKeys` over many names.
public struct WordKeyCache: Sendable {
  private var known: [String: (keys: [String], isArabic: Bool)] = [:]
  /// The most words kept; past it the cache starts again.
  static let limit = 200_000

  /// An empty cache.
  public init() {}

  /// A folded word's keys, worked out once.
  public mutating func keys(_ word: String) -> (keys: [String], isArabic: Bool) {
    if let found = known[word] { return found }
    if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
    let found = TransliterationKey.wordKeys(word)
    known[word] = found
    return found
  }
}
