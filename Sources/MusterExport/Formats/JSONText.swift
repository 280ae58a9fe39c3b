import Yams

/// YAML nodes written as JSON.
///
/// Plain scalars are resolved as YAML's core schema does: integers and decimals become
/// numbers, `true` and `false` booleans, `null` null, anything else a string. Reading the
/// JSON as YAML gives back the same node.
enum JSONText {
  static func write(_ node: Node, into out: inout String, indent: String) {
    let inner = indent + "  "
    switch node {
    case .scalar(let scalar):
      out += value(scalar)
    case .mapping(let mapping):
      guard !mapping.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      for (index, pair) in mapping.enumerated() {
        out += inner + quoted(pair.key.string ?? "") + ": "
        write(pair.value, into: &out, indent: inner)
        out += index == mapping.count - 1 ? "\n" : ",\n"
      }
      out += indent + "}"
    case .sequence(let sequence):
      guard !sequence.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (index, item) in sequence.enumerated() {
        out += inner
        write(item, into: &out, indent: inner)
        out += index == sequence.count - 1 ? "\n" : ",\n"
      }
      out += indent + "]"
    case .alias:
      out += "null"
    }
  }

  static func value(_ scalar: Node.Scalar) -> String {
    guard scalar.style == .plain || scalar.style == .any else { return quoted(scalar.string) }
    let text = scalar.string
    if text == "true" || text == "false" || text == "null" { return text }
    if isNumber(text) { return text }
    return quoted(text)
  }

  /// A JSON number that YAML also reads as a number: `-12`, `34.4536`.
  static func isNumber(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "-" { rest = rest.dropFirst() }
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
      whole.allSatisfy(\.isASCIIDigit), whole == "0" || whole.first != "0"
    else { return false }
    return parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit))
  }

  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
          || scalar.value == 0x2028 || scalar.value == 0x2029
        {
          out +=
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
