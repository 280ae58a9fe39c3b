/// How many terminal cells text takes, the same under every locale.
///
/// Combining and enclosing marks and format characters take none, East Asian Wide and
/// Fullwidth characters and emoji with emoji presentation take two, everything else one.
/// The C library's `wcwidth()` is not used: under the C locale it answers -1 for every
/// non-ASCII character.
public enum CellWidth {
  /// The width of one scalar: 0, 1 or 2.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants
    return isWide(value) ? 2 : 1
  }

  /// The width of one character (grapheme cluster): its first scalar's, or 1 for a lone mark.
  public static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let width = of(first)
    return width == 0 ? 1 : width
  }

  /// The width of a whole string.
  public static func of(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  static func isWide(_ value: UInt32) -> Bool {
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
      let middle = (low + high) / 2
      let range = wideRanges[middle]
      if value < range.lowerBound {
        high = middle - 1
      } else if value > range.upperBound {
        low = middle + 1
      } else {
        return true
      }
    }
    return false
  }
}
