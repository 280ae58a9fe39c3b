/// Folds names and text into search keys, so that every spelling of a place or group meets.
///
/// Folding lowercases; removes Latin, Greek and Cyrillic diacritics; drops apostrophes
/// (`Kata'ib` is `kataib`); treats hyphens as joints inside a word (`ez-Zor` is indexed as
/// `ezzor` and `zor`); knows the Arabic article in transliteration (`al-`, `el-`, `ad-`,
/// `az-`, `as-`, `ash-`, `at-`, `ar-`, `an-`, …) and in Arabic script (`ال`), indexing a
/// word with and without it; and normalises Arabic script (alef variants, taa marbuta,
/// alef maqsura, Persian yeh and keheh, tatweel, harakat, Arabic-Indic digits).
///
/// Three uses share one scanner: `indexText` for the full-text index, `queryAlternatives`
/// for what a user types, and `nameKeys` for the exact and prefix name tiers; `highlights`
/// maps a match back onto the original text.
public enum SearchKey {
  /// Transliterated Arabic articles, recognised before a hyphen or apostrophe.
  static let articles: Set<String> = [
    "al", "el", "ad", "az", "as", "ash", "at", "ar", "an", "ath", "adh", "ed", "es", "et", "ez",
    "en", "er", "ul",
  ]
  /// Articles also recognised as a word of their own (`Al Bukamal`).
  static let standaloneArticles: Set<String> = ["al", "el"]

  static let foldTable: [Unicode.Scalar: [Unicode.Scalar]] = {
    var table: [Unicode.Scalar: [Unicode.Scalar]] = [:]
    for entry in foldTableSource.split(separator: "|") {
      let scalars = Array(entry.unicodeScalars)
      guard let letter = scalars.first, scalars.count > 1 else { continue }
      table[letter] = Array(scalars.dropFirst())
    }
    return table
  }()

  /// What one scalar is to the scanner.
  enum ScalarClass {
    /// A letter or digit; its folded form was appended.
    case letter
    /// Dropped without breaking the word: apostrophes, marks, tatweel, format characters.
    case ignorable
    /// A joint inside a word.
    case hyphen
    /// Ends the word.
    case separator
  }

  /// Folds one scalar, appending the folded letters to `output`, and says what it was.
  static func classify(_ scalar: Unicode.Scalar, into output: inout [Unicode.Scalar])
    -> ScalarClass
  {
    let value = scalar.value
    if value < 0x80 {
      switch value {
      case 0x41...0x5A:
        output.append(Unicode.Scalar(UInt8(value + 32)))
        return .letter
      case 0x61...0x7A, 0x30...0x39:
        output.append(scalar)
        return .letter
      case 0x27, 0x60:
        return .ignorable
      case 0x2D:
        return .hyphen
      default:
        return .separator
      }
    }
    switch value {
    case 0x00AD, 0x2018, 0x2019, 0x02BB, 0x02BC, 0x02BE, 0x02BF, 0x00B4, 0x2032, 0x0640,
      0x064B...0x065F, 0x0670:
      return .ignorable
    case 0x2010, 0x2011:
      return .hyphen
    case 0x0622, 0x0623, 0x0625, 0x0671:
      output.append("\u{0627}")
      return .letter
    case 0x0629:
      output.append("\u{0647}")
      return .letter
    case 0x0649, 0x06CC:
      output.append("\u{064A}")
      return .letter
    case 0x06A9:
      output.append("\u{0643}")
      return .letter
    case 0x0660...0x0669:
      output.append(Unicode.Scalar(UInt8(value - 0x0660 + 0x30)))
      return .letter
    case 0x06F0...0x06F9:
      output.append(Unicode.Scalar(UInt8(value - 0x06F0 + 0x30)))
      return .letter
    case 0xFF10...0xFF19, 0xFF41...0xFF5A:
      output.append(Unicode.Scalar(UInt8(value - 0xFEE0)))
      return .letter
    case 0xFF21...0xFF3A:
      output.append(Unicode.Scalar(UInt8(value - 0xFEE0 + 32)))
      return .letter
    default:
      break
    }
    if let folded = foldTable[scalar] {
      output.append(contentsOf: folded)
      return .letter
    }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format:
      return .ignorable
    case .uppercaseLetter, .titlecaseLetter:
      for lower in properties.lowercaseMapping.unicodeScalars where !isMark(lower) {
        output.append(lower)
      }
      return .letter
    case .lowercaseLetter, .modifierLetter, .otherLetter, .spacingMark, .decimalNumber,
      .letterNumber, .otherNumber:
      output.append(scalar)
      return .letter
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
      .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator, .paragraphSeparator,
      .control, .surrogate, .privateUse, .unassigned:
      return .separator
    @unknown default:
      return .separator
    }
  }

  static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: true
    default: false
    }
  }

  /// One word as the scanner sees it: its parts between hyphens, already folded.
  struct WordGroup: Equatable {
    var parts: [String]

    /// Whether the first part is an article with more after it.
    var hasArticle: Bool {
      parts.count > 1 && SearchKey.articles.contains(parts[0])
    }

    /// All parts joined: `al-Heri` is `alheri`.
    var joined: String { parts.joined() }

    /// The parts after an article, joined: `al-Heri` is `heri`.
    var stripped: String? {
      if hasArticle { return parts.dropFirst().joined() }
      if parts.count == 1, let arabic = SearchKey.strippingArabicArticle(parts[0]) {
        return arabic
      }
      return nil
    }

    /// The forms a query word may match: joined and, with an article, stripped.
    var alternatives: [String] {
      guard let stripped, stripped != joined else { return [joined] }
      return [joined, stripped]
    }
  }

  /// The word without a leading Arabic-script article `ال`, when what is left is a word.
  static func strippingArabicArticle(_ word: String) -> String? {
    let scalars = word.unicodeScalars
    guard scalars.count > 3, scalars.first == "\u{0627}",
      scalars[scalars.index(after: scalars.startIndex)] == "\u{0644}"
    else { return nil }
    return String(String.UnicodeScalarView(scalars.dropFirst(2)))
  }

  /// Splits text into folded word groups; a standalone `al`/`el` joins the next word.
  static func groups(of text: String) -> [WordGroup] {
    var groups: [WordGroup] = []
    var parts: [String] = []
    var current: [Unicode.Scalar] = []
    current.reserveCapacity(32)
    var pendingArticle: String?

    func endPart() {
      guard !current.isEmpty else { return }
      parts.append(String(String.UnicodeScalarView(current)))
      current.removeAll(keepingCapacity: true)
    }
    func endGroup() {
      endPart()
      guard !parts.isEmpty else { return }
      if let article = pendingArticle {
        parts.insert(article, at: 0)
        pendingArticle = nil
      } else if parts.count == 1, standaloneArticles.contains(parts[0]) {
        pendingArticle = parts[0]
        parts.removeAll(keepingCapacity: true)
        return
      }
      groups.append(WordGroup(parts: parts))
      parts.removeAll(keepingCapacity: true)
    }

    for scalar in text.unicodeScalars {
      switch classify(scalar, into: &current) {
      case .letter, .ignorable: continue
      case .hyphen: endPart()
      case .separator: endGroup()
      }
    }
    endGroup()
    if let article = pendingArticle { groups.append(WordGroup(parts: [article])) }
    return groups
  }

  /// The text as words folded for matching, separated by spaces (`Al-Bukamal` is `albukamal`).
  public static func fold(_ text: String) -> String {
    groups(of: text).map(\.joined).joined(separator: " ")
  }

  /// The tokens to index for running text, separated by spaces.
  ///
  /// Every word, every part of a hyphenated word, each hyphenated word joined, and words
  /// with an article both with and without it.
  public static func indexText(_ text: String) -> String {
    var text = text
    if let fast = text.withUTF8({ ASCIIIndexer.indexText($0) }) { return fast }
    if let spelled = ASCIIIndexer.asciiStandIn(for: text),
      let fast = spelled.withUnsafeBufferPointer({ ASCIIIndexer.indexText($0) })
    {
      return fast
    }
    return indexTextGeneral(text)
  }

  /// `indexText` for any text, scalar by scalar.
  static func indexTextGeneral(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count + 16)
    for group in groups(of: text) {
      var tokens: [String] = []
      if group.parts.count > 1 {
        let parts = group.hasArticle ? Array(group.parts.dropFirst()) : group.parts
        tokens.append(contentsOf: parts)
        tokens.append(group.joined)
        if let stripped = group.stripped, parts.count > 1 { tokens.append(stripped) }
      } else {
        tokens.append(group.joined)
        if let stripped = group.stripped { tokens.append(stripped) }
      }
      var seen: Set<String> = []
      for token in tokens where seen.insert(token).inserted {
        if !output.isEmpty { output.append(" ") }
        output.append(token)
      }
    }
    return output
  }

  /// An event's full-text entry: its summary, quote, note, kind, place and tags, folded.
  ///
  /// Only the event's own words and its place's name: actors have entries of their own, and
  /// `actor:` and `kind:` filters select events by them.
  public static func eventText(
    summary: String, quote: String?, note: String?, kind: String, siteName: String?,
    tags: [String]
  ) -> String {
    var text = summary
    for part in [quote, note, kind, siteName] {
      if let part {
        text.append(" \n ")
        text.append(part)
      }
    }
    for tag in tags {
      text.append(" \n ")
      text.append(tag)
    }
    return indexText(text)
  }

  /// The forms each word of a query may match, one list per word.
  public static func queryAlternatives(_ text: String) -> [[String]] {
    groups(of: text).map(\.alternatives)
  }

  /// The whole query run together, with and without articles (`Abu Kamal` is `abukamal`).
  public static func compactAlternatives(_ text: String) -> [String] {
    compactAlternatives(of: groups(of: text))
  }

  static func compactAlternatives(of groups: [WordGroup]) -> [String] {
    guard !groups.isEmpty else { return [] }
    let joined = groups.map(\.joined).joined()
    let stripped = groups.map { $0.stripped ?? $0.joined }.joined()
    return joined == stripped ? [joined] : [joined, stripped]
  }
}

/// A folded key for a name or alias, for exact and prefix matching.
public struct NameKey: Hashable, Sendable {
  /// The folded, run-together name or the tail of it from one word on.
  public let key: String
  /// 0 for the whole name; the word number where a tail key starts.
  public let wordOffset: Int

  /// A key from its fields.
  public init(key: String, wordOffset: Int) {
    self.key = key
    self.wordOffset = wordOffset
  }
}

extension SearchKey {
  /// The keys to store for a name: the whole name run together (with and without
  /// articles) and each tail from a later word on, so `kamal` is a word prefix of
  /// `Albu Kamal`.
  public static func nameKeys(_ name: String) -> [NameKey] {
    let groups = groups(of: name)
    var keys: [NameKey] = []
    var seen: Set<String> = []
    for offset in groups.indices {
      for key in compactAlternatives(of: Array(groups[offset...])) where seen.insert(key).inserted {
        keys.append(NameKey(key: key, wordOffset: offset))
      }
    }
    return keys
  }
}
