/// A search or filter expression: words, quoted phrases and `field:value` filters, all of
/// which a record must satisfy (AND).
///
/// `abu kamal actor:russia since:2020-12 grade:<=C3 "military police"`. Fields are `actor:`,
/// `site:`, `kind:`, `since:`, `until:` and `grade:`; a value with spaces is quoted
/// (`site:"albu kamal"`). There is no regular-expression syntax: every query runs on the
/// indexes, so its time is bounded by the index, not by the pattern.
public struct SearchQuery: Hashable, Sendable, CustomStringConvertible {
  /// Plain words, each matched as a word prefix (from the third letter; see `SearchKey`).
  public var words: [String] = []
  /// Quoted phrases: their words in this order, next to each other.
  public var phrases: [String] = []
  /// `actor:` values: records involving an actor of that name (any spelling).
  public var actors: [String] = []
  /// `site:` values: records at a site of that name, or inside it.
  public var sites: [String] = []
  /// `kind:` record kinds (`event`, `site`, ...); empty means every kind.
  public var recordKinds: Set<RecordKind> = []
  /// `kind:` event kinds (`strike`, `statement`, ...); empty means every event kind.
  public var eventKinds: Set<EventKind> = []
  /// `since:`: records dated on or after this date's first day.
  public var since: FuzzyDate?
  /// `until:`: records dated on or before this date's last day.
  public var until: FuzzyDate?
  /// `grade:`: claims (and sources) graded within these bounds.
  public var grade: GradeFilter?

  /// An empty query.
  public init() {}

  /// A query of plain words, with no operators read: the text is all words.
  public init(words text: String) {
    words = text.split(whereSeparator: \.isWhitespace).map(String.init)
  }

  /// The fields a query may use, in the order error messages list them.
  public static let fields = ["actor", "site", "kind", "since", "until", "grade"]

  /// Whether nothing at all is asked for.
  public var isEmpty: Bool { self == SearchQuery() }

  /// Whether the query has words or phrases to match in text (not only filters).
  public var hasText: Bool { !words.isEmpty || !phrases.isEmpty }

  /// Whether the query has any `field:` filter.
  public var hasFilters: Bool {
    !actors.isEmpty || !sites.isEmpty || !recordKinds.isEmpty || !eventKinds.isEmpty
      || since != nil || until != nil || grade != nil
  }

  /// The words and phrases as one text, for highlighting and the name tiers.
  public var text: String { (words + phrases).joined(separator: " ") }

  /// Whether records of `kind` can match at all, given the filters.
  public func admits(_ kind: RecordKind) -> Bool {
    if !recordKinds.isEmpty || !eventKinds.isEmpty {
      let kinds = recordKinds.union(eventKinds.isEmpty ? [] : [.event])
      guard kinds.contains(kind) else { return false }
    }
    if !actors.isEmpty, ![.actor, .deployment, .event, .relation].contains(kind) { return false }
    if !sites.isEmpty, ![.site, .deployment, .event].contains(kind) { return false }
    if since != nil || until != nil, ![.deployment, .event, .relation, .document].contains(kind) {
      return false
    }
    if grade != nil, ![.deployment, .event, .relation, .source].contains(kind) { return false }
    return true
  }

  /// The query as it would be typed, in a canonical order.
  public var description: String {
    func quoted(_ text: String) -> String {
      text.unicodeScalars.contains(where: \.properties.isWhitespace) ? "\"\(text)\"" : text
    }
    var parts = words
    parts += phrases.map { "\"\($0)\"" }
    parts += actors.map { "actor:" + quoted($0) }
    parts += sites.map { "site:" + quoted($0) }
    parts += recordKinds.sorted().map { "kind:" + $0.rawValue }
    parts += eventKinds.map(\.rawValue).sorted().map { "kind:" + $0 }
    if let since { parts.append("since:\(since)") }
    if let until { parts.append("until:\(until)") }
    if let grade { parts.append("grade:\(grade)") }
    return parts.joined(separator: " ")
  }
}

/// Why a query could not be read, and where (a 1-based column in characters).
public struct SearchQueryError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The column of the character where the problem starts.
  public let column: Int
  /// What was wrong and what was expected.
  public let message: String

  /// An error from its parts.
  public init(column: Int, _ message: String) {
    self.column = column
    self.message = message
  }

  /// `column 7: unknown field "colour:" (fields: actor, site, ...)`.
  public var description: String { "column \(column): \(message)" }
}

extension SearchQuery {
  /// Reads a typed expression.
  ///
  /// Words are separated by spaces; `"..."` makes a phrase; `name:value` is a filter when
  /// `name` is letters only (so `10:30` stays a word). Errors name the column: an
  /// unbalanced quote, an unknown field, an empty value, a bad date, grade or kind.
  public static func parse(_ text: String) throws(SearchQueryError) -> SearchQuery {
    var query = SearchQuery()
    // Split on scalars, not characters: a combining mark after a space would otherwise
    // join the space and vanish, and the query would not read back as printed.
    let characters = Array(text.unicodeScalars)
    var index = 0
    while index < characters.count {
      if characters[index].properties.isWhitespace {
        index += 1
        continue
      }
      let start = index
      if characters[index] == "\"" {
        let (phrase, next) = try quoted(characters, from: index)
        index = next
        let trimmed = phrase.trimmingWhitespace
        if !trimmed.isEmpty { query.phrases.append(trimmed) }
        continue
      }
      // A bare token up to whitespace; a field's value may be quoted.
      var token = ""
      while index < characters.count, !characters[index].properties.isWhitespace,
        characters[index] != "\""
      {
        token.unicodeScalars.append(characters[index])
        index += 1
      }
      // The colon is looked for among scalars: a combining mark after it (`site:\u{7EC}x`)
      // would otherwise make one character of the two, and the filter a word.
      let scalars = token.unicodeScalars
      guard let colon = scalars.firstIndex(of: ":"), colon != scalars.startIndex,
        String(scalars[..<colon]).allSatisfy(\.isLetter)
      else {
        // A quote right after a word (`abc"def"`) starts a phrase of its own.
        query.words.append(token)
        continue
      }
      let field = String(scalars[..<colon]).lowercased()
      var value = String(scalars[scalars.index(after: colon)...])
      let valueColumn = start + scalars.distance(from: scalars.startIndex, to: colon) + 2
      if value.isEmpty, index < characters.count, characters[index] == "\"" {
        let (quotedValue, next) = try quoted(characters, from: index)
        value = quotedValue.trimmingWhitespace
        index = next
      }
      guard Self.fields.contains(field) else {
        throw SearchQueryError(
          column: start + 1,
          "unknown field \"\(field):\" (fields: "
            + Self.fields.map { $0 + ":" }.joined(separator: ", ") + ")")
      }
      guard !value.isEmpty else {
        throw SearchQueryError(column: valueColumn, "\(field): needs a value")
      }
      try query.add(field: field, value: value, column: valueColumn)
    }
    return query
  }

  /// The text between the quote at `start` and its closing quote, and the index after it.
  private static func quoted(
    _ characters: [Unicode.Scalar], from start: Int
  ) throws(SearchQueryError) -> (String, Int) {
    var index = start + 1
    var text = ""
    while index < characters.count, characters[index] != "\"" {
      text.unicodeScalars.append(characters[index])
      index += 1
    }
    guard index < characters.count else {
      throw SearchQueryError(column: start + 1, "this quote is not closed (add a \")")
    }
    return (text, index + 1)
  }

  private mutating func add(
    field: String, value: String, column: Int
  ) throws(SearchQueryError) {
    switch field {
    case "actor":
      actors.append(value)
    case "site":
      sites.append(value)
    case "kind":
      let word = value.lowercased()
      let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
      if let kind = RecordKind(rawValue: word) ?? RecordKind(rawValue: singular) {
        recordKinds.insert(kind)
      } else if let kind = EventKind(rawValue: word) ?? EventKind(rawValue: singular) {
        eventKinds.insert(kind)
      } else {
        let known =
          RecordKind.allCases.map(\.rawValue)
          + EventKind.allCases.map(\.rawValue).filter { RecordKind(rawValue: $0) == nil }
        throw SearchQueryError(
          column: column,
          "kind: expected one of \(known.joined(separator: ", ")); got \"\(value)\"")
      }
    case "since", "until":
      let date: FuzzyDate
      do {
        date = try FuzzyDate(parsing: value)
      } catch {
        throw SearchQueryError(
          column: column,
          "\(field): expected a date such as 2020-12-17, 2020-12 or 2020; got \"\(value)\"")
      }
      if field == "since" { since = date } else { until = date }
    default:
      guard let filter = GradeFilter(value) else {
        throw SearchQueryError(
          column: column,
          "grade: expected a grade such as B2, <=C3, A-C or 1-3; got \"\(value)\"")
      }
      grade = filter
    }
  }
}

/// Bounds on the two parts of an Admiralty grade: reliability ranks (A = 1 … F = 6) and
/// credibility (1 … 6), each inclusive.
///
/// Read from `B2` (exactly), `<=C3` (C3 or better in both parts), `<C3`, `>=C3`, `>C3`,
/// `A-C` (reliability A to C, any credibility), `1-3` (credibility 1 to 3), `A1-C3`, `B`
/// or `2`.
public struct GradeFilter: Hashable, Sendable, CustomStringConvertible {
  /// The reliability ranks allowed.
  public var reliability: ClosedRange<Int>
  /// The credibility values allowed.
  public var credibility: ClosedRange<Int>

  /// A filter from its bounds.
  public init(reliability: ClosedRange<Int> = 1...6, credibility: ClosedRange<Int> = 1...6) {
    self.reliability = reliability
    self.credibility = credibility
  }

  /// Reads a grade expression, or returns `nil`.
  public init?(_ text: String) {
    let value = text.uppercased()
    for (symbol, comparison) in [("<=", 0), (">=", 1), ("<", 2), (">", 3), ("=", 4)]
    where value.hasPrefix(symbol) {
      guard let parts = Self.parts(String(value.dropFirst(symbol.count))) else { return nil }
      func bound(_ part: Int?) -> ClosedRange<Int>? {
        guard let part else { return 1...6 }
        switch comparison {
        case 0: return 1...part
        case 1: return part...6
        case 2: return part > 1 ? 1...(part - 1) : nil
        case 3: return part < 6 ? (part + 1)...6 : nil
        default: return part...part
        }
      }
      guard let reliability = bound(parts.reliability), let credibility = bound(parts.credibility)
      else { return nil }
      self.init(reliability: reliability, credibility: credibility)
      return
    }
    if let dash = value.firstIndex(of: "-") {
      guard let low = Self.parts(String(value[..<dash])),
        let high = Self.parts(String(value[value.index(after: dash)...])),
        (low.reliability == nil) == (high.reliability == nil),
        (low.credibility == nil) == (high.credibility == nil)
      else { return nil }
      func range(_ low: Int?, _ high: Int?) -> ClosedRange<Int>? {
        guard let low, let high else { return 1...6 }
        return low <= high ? low...high : nil
      }
      guard let reliability = range(low.reliability, high.reliability),
        let credibility = range(low.credibility, high.credibility)
      else { return nil }
      self.init(reliability: reliability, credibility: credibility)
      return
    }
    guard let parts = Self.parts(value) else { return nil }
    self.init(
      reliability: parts.reliability.map { $0...$0 } ?? 1...6,
      credibility: parts.credibility.map { $0...$0 } ?? 1...6)
  }

  /// `C3`, `C` or `3` as a reliability rank and a credibility, either possibly absent.
  private static func parts(_ text: String) -> (reliability: Int?, credibility: Int?)? {
    let characters = Array(text)
    var reliability: Int?
    var credibility: Int?
    var index = 0
    if index < characters.count, let letter = Reliability(rawValue: String(characters[index])) {
      reliability = letter.rank
      index += 1
    }
    if index < characters.count, characters[index].isASCIIDigit,
      let digit = characters[index].wholeNumberValue, (1...6).contains(digit)
    {
      credibility = digit
      index += 1
    }
    guard index == characters.count, reliability != nil || credibility != nil else { return nil }
    return (reliability, credibility)
  }

  /// `A-C/1-3`: the bounds, letters for reliability.
  public var description: String {
    func letter(_ rank: Int) -> String { Reliability(rank: rank)?.rawValue ?? "?" }
    let letters =
      reliability.lowerBound == reliability.upperBound
      ? letter(reliability.lowerBound)
      : "\(letter(reliability.lowerBound))-\(letter(reliability.upperBound))"
    let digits =
      credibility.lowerBound == credibility.upperBound
      ? "\(credibility.lowerBound)" : "\(credibility.lowerBound)-\(credibility.upperBound)"
    if credibility == 1...6 { return letters }
    if reliability == 1...6 { return digits }
    return "\(letter(reliability.lowerBound))\(credibility.lowerBound)"
      + (reliability.count == 1 && credibility.count == 1
        ? "" : "-\(letter(reliability.upperBound))\(credibility.upperBound)")
  }
}

extension String {
  /// Without leading and trailing whitespace.
  public var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
