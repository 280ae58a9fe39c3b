import MusterDomain
import Yams

/// Reads typed values out of YAML nodes, recording a positioned problem for each mistake
/// instead of stopping at the first.
struct NodeReader {
  let file: String
  private(set) var problems: [ImportProblem] = []

  init(file: String) {
    self.file = file
  }

  mutating func problem(at mark: Mark?, _ message: String) {
    problems.append(
      ImportProblem(
        file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
  }

  mutating func problem(_ node: Node?, _ message: String) {
    problem(at: node?.mark, message)
  }

  /// Whether a node is YAML's null (`~`, `null` or nothing, unquoted).
  static func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
      return false
    }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  static func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): "'\(scalar.string)'"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  /// The fields of a mapping; reports a non-mapping, unknown keys (suggesting the nearest
  /// known one), duplicate keys and missing required keys.
  mutating func fields(
    _ node: Node, of what: String, allowed: [String], required: [String] = []
  ) -> [String: Node]? {
    guard case .mapping(let mapping) = node else {
      problem(node, "\(what) must be a mapping of fields, found \(Self.describe(node))")
      return nil
    }
    var result: [String: Node] = [:]
    for (keyNode, value) in mapping {
      guard case .scalar(let key) = keyNode else {
        problem(keyNode, "a field name in \(what) must be text, found \(Self.describe(keyNode))")
        continue
      }
      guard allowed.contains(key.string) else {
        let hint = Self.nearest(key.string, in: allowed).map { "did you mean '\($0)'? " } ?? ""
        problem(
          keyNode,
          "unknown field '\(key.string)' in \(what); \(hint)expected one of "
            + allowed.joined(separator: ", "))
        continue
      }
      if result[key.string] != nil {
        problem(keyNode, "field '\(key.string)' appears twice in \(what); expected it once")
        continue
      }
      result[key.string] = value
    }
    for key in required where result[key] == nil || result[key].map(Self.isNull) == true {
      problem(node, "\(what) has no '\(key)'; expected a value for it")
    }
    return result
  }

  /// The closest allowed name to a misspelt one, if it is close enough to suggest.
  static func nearest(_ word: String, in candidates: [String]) -> String? {
    guard word.count > 2 else { return nil }
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else {
      return nil
    }
    return best.0
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// Text; `nil` for null or a missing field.
  mutating func string(_ node: Node?, _ what: String) -> String? {
    guard let node, !Self.isNull(node) else { return nil }
    guard case .scalar(let scalar) = node else {
      problem(node, "\(what) must be text, found \(Self.describe(node))")
      return nil
    }
    return scalar.string
  }

  /// Text that must not be empty.
  mutating func text(_ node: Node?, _ what: String) -> String? {
    guard let value = string(node, what) else { return nil }
    if value.trimmingASCIIWhitespace().isEmpty {
      problem(node, "\(what) is empty; expected some text")
      return nil
    }
    return value
  }

  mutating func integer(_ node: Node?, _ what: String, in range: ClosedRange<Int>? = nil) -> Int? {
    guard let text = string(node, what) else { return nil }
    let cleaned = text.replacingOccurrences(of: "_", with: "")
    guard let value = Int(cleaned) else {
      problem(node, "\(what) '\(text)' is not a whole number; expected digits such as 2000")
      return nil
    }
    if let range, !range.contains(value) {
      problem(
        node,
        "\(what) \(value) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
      return nil
    }
    return value
  }

  mutating func number(_ node: Node?, _ what: String, in range: ClosedRange<Double>) -> Double? {
    guard let text = string(node, what) else { return nil }
    guard let value = Double(text), value.isFinite else {
      problem(node, "\(what) '\(text)' is not a number; expected a decimal such as 34.4536")
      return nil
    }
    guard range.contains(value) else {
      problem(
        node,
        "\(what) \(text) is out of range; expected \(Self.format(range.lowerBound)) to "
          + Self.format(range.upperBound))
      return nil
    }
    return value
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  mutating func boolean(_ node: Node?, _ what: String) -> Bool? {
    guard let text = string(node, what) else { return nil }
    switch text.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      problem(node, "\(what) '\(text)' is not true or false")
      return nil
    }
  }

  /// One of a domain vocabulary's values, named by its raw value.
  mutating func choice<Value: RawRepresentable & CaseIterable>(
    _ node: Node?, _ what: String, _ type: Value.Type
  ) -> Value? where Value.RawValue == String {
    guard let text = string(node, what) else { return nil }
    if let value = Value(rawValue: text) { return value }
    let names = Value.allCases.map(\.rawValue)
    let hint = Self.nearest(text, in: names).map { "did you mean '\($0)'? " } ?? ""
    problem(
      node, "unknown \(what) '\(text)'; \(hint)expected one of " + names.joined(separator: ", "))
    return nil
  }

  /// A list; a missing field or null is an empty list.
  mutating func list(_ node: Node?, _ what: String) -> [Node] {
    guard let node, !Self.isNull(node) else { return [] }
    guard case .sequence(let sequence) = node else {
      problem(node, "\(what) must be a list, found \(Self.describe(node))")
      return []
    }
    return Array(sequence)
  }

  /// A date such as `2020-12-17`, `2020-12`, `2020`, `2020-W51` or `FIRST/LAST`, or a
  /// mapping `{from, to, precision, code}`.
  mutating func date(_ node: Node?, _ what: String) -> FuzzyDate? {
    guard let node, !Self.isNull(node) else { return nil }
    if case .mapping = node {
      guard
        let fields = fields(
          node, of: what, allowed: ["from", "to", "precision", "code"],
          required: ["from", "precision"])
      else { return nil }
      guard let fromText = string(fields["from"], "\(what) from") else { return nil }
      guard let from = Day(iso: fromText) else {
        problem(fields["from"], "\(what) from '\(fromText)' is not a day; expected YYYY-MM-DD")
        return nil
      }
      var to = from
      if let toText = string(fields["to"], "\(what) to") {
        guard let parsed = Day(iso: toText) else {
          problem(fields["to"], "\(what) to '\(toText)' is not a day; expected YYYY-MM-DD")
          return nil
        }
        guard parsed >= from else {
          problem(fields["to"], "\(what) ends (\(toText)) before it starts (\(fromText))")
          return nil
        }
        to = parsed
      }
      guard let precision = choice(fields["precision"], "date precision", DatePrecision.self)
      else { return nil }
      return FuzzyDate(
        range: DayRange(first: from, last: to), precision: precision,
        nativeCode: string(fields["code"], "\(what) code"))
    }
    guard let text = string(node, what) else { return nil }
    do {
      return try FuzzyDate(parsing: text)
    } catch {
      problem(node, "\(what): \(error.description)")
      return nil
    }
  }
}
