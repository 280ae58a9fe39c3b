/// A key under which the romanisations of one Arabic, Persian, Pashto or Kurdish name meet.
///
/// Folding (`SearchKey`) makes `Kata'ib` and `kataib` one word; this key goes further, so
/// that `Deir ez-Zor` and `Dayr al-Zawr`, `Quds` and `Ghods`, `Hezbollah` and `Hizballah`
/// meet. A Latin-script word becomes its consonant classes with each run of vowels as one
/// `a`:
/// - vowels and vowel groups are one vowel: `e`/`i`, `o`/`u`/`ou`/`oo`, `a`/`aa`,
///   `ei`/`ai`/`ay`/`ey`, so `-iyah`/`-iya`/`-iyeh`/`-ieh` and `-oun`/`-un`/`-yun`/`-yoon`
///   end the same way;
/// - a doubled consonant is one (`Raqqa`/`Raqa`), and a word-final `h` after a vowel goes
///   (`Raqqah`/`Raqqa`);
/// - glides: `w` and `v` are a consonant before a vowel and part of the vowel otherwise
///   (`Hawija`/`Huwaija`, `Mosul`/`Mawsil`); `y` after `i` is part of the vowel (`-iyah`,
///   `-ieh`), between other vowels both a consonant and a vowel (`Mayadin`, `Katayeb` for
///   `Kata'ib`), doubled a consonant (`Sayyida`);
/// - consonant conventions: `q`/`k`/`g`/`gh`/`c` are one class (qaf), `kh`/`h` one, `j`/`dj`
///   one, `sh`/`ch`/`sch` one (the French school's `Chiite`), `p`/`b` one (Arabic has no
///   `p`), `ph`/`f` one; `th` may be `t` or `s`, `dh` may be `d` or `z`, so a word with them
///   has a key for each reading.
///
/// Vowels keep their places (`Salamiyah` is not `Salmiya`), which keeps different places
/// apart; the key of Arabic-script text cannot, since short vowels are not written. So each
/// name also has a consonant skeleton, the key without its vowels, and a query in Arabic
/// script meets Latin names (and a Latin query Arabic-script names) through it.
///
/// Keys are stored with a one-letter prefix saying what they are: `v` the vowelled key of a
/// Latin name, `c` the skeleton of a Latin name, `a` the skeleton of an Arabic-script name.
public enum TransliterationKey {
  /// Articles recognised before a hyphen, beyond the ones folding knows (`ol-Hagh`).
  static let articles: Set<String> = SearchKey.articles.union(["ol", "ud", "us"])

  /// The vowel mark in a key.
  static let vowel: Unicode.Scalar = "a"

  /// The most keys one word or name gives (each `th` or `dh` doubles them).
  static let alternativeLimit = 4

  /// The keys of one folded word: each reading's vowelled key, or for an Arabic-script word
  /// its skeletons.
  static func wordKeys(_ word: String) -> (keys: [String], isArabic: Bool) {
    let scalars = Array(word.unicodeScalars)
    if scalars.contains(where: isArabicLetter) {
      return (arabicSkeletons(scalars), true)
    }
    return (latinKeys(scalars), false)
  }

  /// Whether a scalar is an Arabic-script letter.
  static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
    (0x0620...0x06FF).contains(scalar.value) || (0xFB50...0xFEFF).contains(scalar.value)
  }

  /// The classes of a Latin word, before vowels merge: each element one or more readings.
  static func latinUnits(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
    var units: [[Unicode.Scalar]] = []
    var index = 0
    func next(_ offset: Int) -> Unicode.Scalar? {
      index + offset < scalars.count ? scalars[index + offset] : nil
    }
    while index < scalars.count {
      let letter = scalars[index]
      let following = next(1)
      let before: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
      var width = 1
      var readings: [Unicode.Scalar]
      switch (letter, following) {
      case ("s", "c") where next(2) == "h":
        readings = ["x"]
        width = 3
      case ("t", "c") where next(2) == "h":
        readings = ["x"]
        width = 3
      case ("s", "h"), ("c", "h"):
        readings = ["x"]
        width = 2
      case ("z", "h"):
        readings = ["j"]
        width = 2
      case ("k", "h"):
        readings = ["h"]
        width = 2
      case ("g", "h"):
        readings = ["k"]
        width = 2
      case ("p", "h"):
        readings = ["f"]
        width = 2
      case ("t", "h"):
        readings = ["t", "s"]
        width = 2
      case ("d", "h"):
        readings = ["d", "z"]
        width = 2
      case ("d", "j"):
        readings = ["j"]
        width = 2
      case ("c", "k"):
        readings = ["k"]
        width = 2
      case ("y", "y") where isVowel(before) && before != "i" && isVowel(next(2)):
        readings = ["y"]  // A doubled glide is a consonant: `Sayyida`.
        width = 2
      default:
        switch letter {
        case "y": readings = glideReadings(before: before, after: following, isFirst: index == 0)
        case "w", "v":
          // Before a vowel a consonant (`Hawija`, `Huwaija`, `Velayat`); else part of one
          // (`Mawsil`, `Dawla`).
          readings = isVowel(following) ? ["w"] : [vowel]
        case "a", "e", "i", "o", "u": readings = [vowel]
        case "q", "k", "g", "c": readings = ["k"]
        case "p": readings = ["b"]
        case "x":
          units.append(["k"])
          readings = ["s"]
        default: readings = [letter]
        }
      }
      units.append(readings)
      index += width
    }
    return units
  }

  /// Whether a letter is a plain vowel.
  static func isVowel(_ letter: Unicode.Scalar?) -> Bool {
    guard let letter else { return false }
    return "aeiou".unicodeScalars.contains(letter)
  }

  /// What a single `y` is: a consonant at the start before a vowel (`Yaman`); between
  /// vowels either a consonant or a vowel written for a hamza (`Mayadin`, but `Katayeb`
  /// for `Kata'ib`), so both; after `i` (or another `y` after `i`) a long `i` (`-iyah` is
  /// `-ieh`); elsewhere part of a vowel (`Dayr`, `Abyad`).
  static func glideReadings(before: Unicode.Scalar?, after: Unicode.Scalar?, isFirst: Bool)
    -> [Unicode.Scalar]
  {
    if isFirst { return isVowel(after) ? ["y"] : [vowel] }
    if before == "i" || before == "y" || !isVowel(after) { return [vowel] }
    return isVowel(before) ? ["y", vowel] : [vowel]
  }

  /// A Latin word's vowelled keys, one per reading of its ambiguous letters.
  static func latinKeys(_ scalars: [Unicode.Scalar]) -> [String] {
    var keys: [[Unicode.Scalar]] = [[]]
    for readings in latinUnits(scalars) {
      if readings.count == 1 || keys.count * readings.count > alternativeLimit {
        for key in keys.indices { append(readings[0], to: &keys[key]) }
      } else {
        keys = keys.flatMap { key in
          readings.map { reading in
            var copy = key
            append(reading, to: &copy)
            return copy
          }
        }
      }
    }
    return unique(keys.map(finished))
  }

  /// Appends a class, merging it into a run of the same class.
  static func append(_ scalar: Unicode.Scalar, to key: inout [Unicode.Scalar]) {
    if key.last != scalar { key.append(scalar) }
  }

  /// A key with its word-final `h` after a vowel dropped.
  static func finished(_ key: [Unicode.Scalar]) -> String {
    var key = key
    if key.count > 2, key.last == "h", key[key.count - 2] == vowel { key.removeLast() }
    return String(String.UnicodeScalarView(key))
  }

  /// The skeletons of an Arabic-script word: its consonants as the Latin classes they
  /// romanise to.
  static func arabicSkeletons(_ scalars: [Unicode.Scalar]) -> [String] {
    var keys: [[Unicode.Scalar]] = [[]]
    for (offset, scalar) in scalars.enumerated() {
      var readings = arabicReadings(scalar)
      // A final heh (taa marbuta folds to it) is a vowel in romanisation.
      if scalar == "\u{0647}", offset == scalars.count - 1, offset > 0 { readings = [] }
      guard !readings.isEmpty else { continue }
      if readings.count == 1 || keys.count * readings.count > alternativeLimit {
        for key in keys.indices { append(readings[0], to: &keys[key]) }
      } else {
        keys = keys.flatMap { key in
          readings.map { reading in
            var copy = key
            append(reading, to: &copy)
            return copy
          }
        }
      }
    }
    return unique(keys.map { String(String.UnicodeScalarView($0)) })
  }

  /// The Latin classes an Arabic-script letter romanises to; none for vowels and hamza.
  static func arabicReadings(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
    switch scalar.value {
    case 0x0628, 0x067E: ["b"]  // ب پ
    case 0x062A, 0x0637: ["t"]  // ت ط
    case 0x062B: ["t", "s"]  // ث
    case 0x062C: ["j"]  // ج
    case 0x062D, 0x062E, 0x0647: ["h"]  // ح خ ه
    case 0x062F, 0x0636: ["d"]  // د ض
    case 0x0630, 0x0638: ["d", "z"]  // ذ ظ
    case 0x0631: ["r"]
    case 0x0632: ["z"]
    case 0x0698: ["j"]  // ژ
    case 0x0633, 0x0635: ["s"]  // س ص
    case 0x0634, 0x0686: ["x"]  // ش چ
    case 0x063A, 0x0642, 0x0643, 0x06AF, 0x06A9: ["k"]  // غ ق ك گ ک
    case 0x0641: ["f"]
    case 0x0644: ["l"]
    case 0x0645: ["m"]
    case 0x0646: ["n"]
    case 0x0030...0x0039: [scalar]
    default: []  // alef, waw, yeh, ain, hamza and the rest: not written as consonants
    }
  }

  static func unique(_ keys: [String]) -> [String] {
    var seen: Set<String> = []
    return keys.filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// A vowelled key without its vowels.
  static func skeleton(_ key: String) -> String {
    // Arabic script writes glides with the long vowels, which skeletons leave out.
    String(
      String.UnicodeScalarView(key.unicodeScalars.filter { !"ayw".unicodeScalars.contains($0) }))
  }
}

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
