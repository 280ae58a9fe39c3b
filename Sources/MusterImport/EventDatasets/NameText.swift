import Foundation

/// Names as files write them, made one spelling: Unicode spaces (no-break, thin, ideographic)
/// become plain spaces, runs of spaces one, the ends trimmed, and characters composed (NFC).
enum NameText {
  /// The name normalised; text that is plain ASCII with single spaces comes back as it is.
  static func normalized(_ text: String) -> String {
    var isPlain = true
    var previousSpace = true
    for byte in text.utf8 {
      if byte >= 0x80 || byte == 0x09 || (byte == 0x20 && previousSpace) {
        isPlain = false
        break
      }
      previousSpace = byte == 0x20
    }
    if isPlain, !previousSpace || text.isEmpty { return text }
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
}
