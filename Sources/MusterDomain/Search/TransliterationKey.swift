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

  /// Letter groups that write one Arabic or Persian letter, longest first, and the classes
  /// they read as (`th` as `t` or `s`).
  static let letterGroups: [(letters: [Unicode.Scalar], readings: [Unicode.Scalar])] = [
    (["s", "c", "h"], ["x"]), (["t", "c", "h"], ["x"]), (["s", "h"], ["x"]), (["c", "h"], ["x"]),
    (["z", "h"], ["j"]), (["k", "h"], ["h"]), (["g", "h"], ["k"]), (["p", "h"], ["f"]),
    (["t", "h"], ["t", "s"]), (["d", "h"], ["d", "z"]), (["d", "j"], ["j"]), (["c", "k"], ["k"]),
  ]

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
      if let group = letterGroups.first(where: { group in
        scalars[index...].starts(with: group.letters)
      }) {
        units.append(group.readings)
        index += group.letters.count
        continue
      }
      var width = 1
      var readings: [Unicode.Scalar]
      if letter == "y", following == "y", isVowel(before), before != "i", isVowel(next(2)) {
        readings = ["y"]  // A doubled glide is a consonant: `Sayyida`.
        width = 2
      } else {
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
    for readings in latinUnits(scalars) { extend(&keys, with: readings) }
    return unique(keys.map(finished))
  }

  /// Adds a letter's class to every key; a letter with two readings doubles the keys (up to
  /// `alternativeLimit`, past which the first reading is taken).
  static func extend(_ keys: inout [[Unicode.Scalar]], with readings: [Unicode.Scalar]) {
    if readings.count == 1 || keys.count * readings.count > alternativeLimit {
      for key in keys.indices { append(readings[0], to: &keys[key]) }
      return
    }
    keys = keys.flatMap { key in
      readings.map { reading in
        var copy = key
        append(reading, to: &copy)
        return copy
      }
    }
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
      extend(&keys, with: readings)
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
