import Foundation

/// Names as files write them, made one spelling: Unicode spaces (no-break, thin, ideographic)
/// become plain spaces, runs of spaces one, the ends trimmed, and characters composed (NFC).
enum NameText {
  /// The name normalised; text that is plain ASCII with single spaces comes back as it is.
  static func normalized(_ text: String) -> String {
    if isPlain(text) { return text }
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace || scalar.value == 0x200B {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      result.append(scalar)
    }
    return String(result).precomposedStringWithCanonicalMapping
  }

  /// The names one import has normalised, so a name that repeats on many rows is worked
  /// out once: the Unicode path (scalar properties, then NFC through Foundation) costs far
  /// more than a lookup, and real files name the same few thousand actors and places on a
  /// million rows.
  ///
  /// Used by one thread at a time (an import's reading thread), hence `@unchecked`; it is
  /// cleared when it reaches `limit` names, so memory stays bounded.
  final class Cache: @unchecked Sendable {
    private var known: [String: String] = [:]
    static let limit = 50_000

    func normalized(_ text: String) -> String {
      if NameText.isPlain(text) { return text }
      if let done = known[text] { return done }
      if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
      let result = NameText.normalized(text)
      known[text] = result
      return result
    }
  }

  /// Whether the text is plain ASCII with single inner spaces and none at the ends: its own
  /// normal form.
  static func isPlain(_ text: String) -> Bool {
    var previousSpace = true
    for byte in text.utf8 {
      if byte >= 0x80 || byte == 0x09 || (byte == 0x20 && previousSpace) { return false }
      previousSpace = byte == 0x20
    }
    return !previousSpace || text.isEmpty
  }
}
