/// Text that is safe to show in a terminal: the one sanitiser every untrusted string passes.
///
/// C0 and C1 controls, DEL, bidirectional overrides, invisible format characters, line and
/// paragraph separators and unassigned code points become visible placeholders (control
/// pictures such as `␛` for C0, `�` for the rest), so nothing from data can move the cursor,
/// change colours, set the window title, reach the clipboard or reorder text. Tabs become
/// spaces. Invalid UTF-8 becomes U+FFFD. A character never carries more than a few
/// combining marks, so "combining stacks" stay inside their cell. Widths come from
/// `CellWidth`, never from the locale.
public struct DisplayText: Hashable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The characters, each one or two cells wide.
  public private(set) var characters: [DisplayCharacter]

  /// The most combining marks one character keeps (ncurses holds up to five scalars a cell).
  public static let maximumMarks = 4
  /// Tabs advance to the next multiple of this many cells.
  public static let tabWidth = 4

  /// Sanitises a string from any source.
  public init(_ untrusted: some StringProtocol) {
    characters = []
    characters.reserveCapacity(untrusted.utf8.count)
    if DisplayText.isPrintableASCII(untrusted) {
      // Nothing to sanitise, and every character one cell: no grapheme breaking needed.
      for byte in untrusted.utf8 {
        characters.append(DisplayCharacter(ascii: byte))
      }
      return
    }
    var column = 0
    var iterator = untrusted.makeIterator()
    var upcoming = iterator.next()
    while let character = upcoming {
      upcoming = iterator.next()
      if character == "\t" {
        let spaces = DisplayText.tabWidth - column % DisplayText.tabWidth
        for _ in 0..<spaces { characters.append(DisplayCharacter(" ")) }
        column += spaces
        continue
      }
      let safe = DisplayText.sanitise(character, before: upcoming?.unicodeScalars.first)
      for piece in safe {
        characters.append(piece)
        column += piece.width
      }
    }
  }

  /// Whether every byte of `text` is printable ASCII (space to `~`): such text is shown
  /// as it is, one cell a character.
  public static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
    let printable = { (byte: UInt8) in byte >= 0x20 && byte <= 0x7E }
    return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(printable) }
      ?? text.utf8.allSatisfy(printable)
  }

  /// Sanitises the start of a string from any source, as far as `width` columns and one
  /// character more (so `truncated` still knows to add its ellipsis).
  ///
  /// For a line that shows a title or a snippet: a megabyte of notes costs only what fits.
  public init(_ untrusted: some StringProtocol, upToWidth width: Int) {
    // A column holds at most one character plus combining marks; 8 per column is plenty
    // before sanitising measures exactly.
    let prefix = untrusted.prefix(max(0, width + 1) * 8)
    self.init(prefix)
    var kept = 0
    var column = 0
    for character in characters {
      if column > width { break }
      column += character.width
      kept += 1
    }
    if kept < characters.count { characters.removeLast(characters.count - kept) }
  }

  /// Sanitises bytes that should be UTF-8; invalid sequences become U+FFFD.
  public init(utf8 bytes: some Collection<UInt8>) {
    self.init(String(decoding: bytes, as: UTF8.self))
  }

  /// Literal text in the program itself.
  public init(stringLiteral value: String) {
    self.init(value)
  }

  /// Text from characters that were sanitised already (they can only come from a
  /// `DisplayText`).
  public init(characters: [DisplayCharacter]) {
    self.characters = characters
  }

  /// The cells the text takes.
  public var width: Int { characters.reduce(0) { $0 + $1.width } }

  /// Whether there is no text at all.
  public var isEmpty: Bool { characters.isEmpty }

  /// The sanitised text as a string (safe to print).
  public var description: String { characters.map(\.text).joined() }

  /// The longest prefix at most `width` cells wide, ending in `ellipsis` when cut.
  public func truncated(toWidth width: Int, ellipsis: String = "…") -> DisplayText {
    guard self.width > width else { return self }
    let mark = DisplayText(ellipsis)
    let room = width - mark.width
    guard room >= 0 else { return DisplayText(characters: []).padded(toWidth: max(0, width)) }
    var kept: [DisplayCharacter] = []
    var used = 0
    for character in characters {
      guard used + character.width <= room else { break }
      kept.append(character)
      used += character.width
    }
    // "Fatemiyoun …" reads worse than "Fatemiyoun…".
    while kept.last?.character == " " { kept.removeLast() }
    return DisplayText(characters: kept + mark.characters)
  }

  /// The text followed by spaces up to `width` cells.
  public func padded(toWidth width: Int) -> DisplayText {
    let missing = width - self.width
    guard missing > 0 else { return self }
    return DisplayText(
      characters: characters + Array(repeating: DisplayCharacter(" "), count: missing))
  }

  /// The text, cut with an ellipsis or padded with spaces to exactly `width` cells.
  public func fitted(toWidth width: Int) -> DisplayText {
    truncated(toWidth: width).padded(toWidth: width)
  }

  /// The two texts one after the other.
  public static func + (lhs: DisplayText, rhs: DisplayText) -> DisplayText {
    DisplayText(characters: lhs.characters + rhs.characters)
  }

  // MARK: Sanitising one character

  /// The placeholder for a C0 control: its control picture (`␛` for ESC, `␀` for NUL).
  static func controlPicture(_ value: UInt32) -> Character {
    Character(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}")
  }

  /// Sanitises one character; `following` is the first scalar of the next one, which a
  /// joiner at the end of this character needs to see.
  static func sanitise(_ character: Character, before following: Unicode.Scalar?)
    -> [DisplayCharacter]
  {
    let scalars = Array(character.unicodeScalars)
    guard let first = scalars.first else { return [] }
    // Fast path: printable ASCII.
    if scalars.count == 1, first.value >= 0x20, first.value < 0x7F {
      return [DisplayCharacter(character)]
    }
    var output: [DisplayCharacter] = []
    var base: [Unicode.Scalar] = []
    var marks = 0
    func flush() {
      guard !base.isEmpty else { return }
      var text = String.UnicodeScalarView()
      text.append(contentsOf: base)
      output.append(DisplayCharacter(Character(String(text))))
      base = []
      marks = 0
    }
    for (index, scalar) in scalars.enumerated() {
      switch classify(
        scalar, previous: index > 0 ? scalars[index - 1] : nil,
        next: index + 1 < scalars.count ? scalars[index + 1] : following)
      {
      case .printable:
        if CellWidth.of(scalar) == 0 {
          if base.isEmpty { base = ["\u{25CC}"] }
          if marks < maximumMarks {
            base.append(scalar)
            marks += 1
          }
        } else {
          flush()
          base = [scalar]
        }
      case .joiner:
        if !base.isEmpty { base.append(scalar) }
      case .placeholder(let replacement):
        flush()
        output.append(DisplayCharacter(replacement))
      }
    }
    flush()
    return output
  }

  enum ScalarClass {
    case printable
    /// Kept without width, only between two letters of the same word (Persian ZWNJ).
    case joiner
    case placeholder(Character)
  }

  static func classify(
    _ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?
  ) -> ScalarClass {
    let value = scalar.value
    switch value {
    case 0x00...0x1F: return .placeholder(controlPicture(value))
    case 0x7F: return .placeholder("\u{2421}")
    case 0x80...0x9F: return .placeholder("\u{FFFD}")
    default: break
    }
    switch scalar.properties.generalCategory {
    case .format:
      if value == 0x200C, let previous, let next, previous.properties.isAlphabetic,
        next.properties.isAlphabetic
      {
        return .joiner
      }
      return .placeholder("\u{FFFD}")
    case .lineSeparator, .paragraphSeparator, .unassigned, .surrogate, .control:
      return .placeholder("\u{FFFD}")
    case .privateUse:
      return .placeholder("\u{FFFD}")
    default:
      return .printable
    }
  }
}

/// One character of sanitised text and the cells it takes (1 or 2).
public struct DisplayCharacter: Hashable, Sendable {
  /// The character: a base scalar and at most a few combining marks.
  public let character: Character
  /// The cells it takes: 1 or 2.
  public let width: Int

  init(_ character: Character) {
    self.character = character
    self.width = CellWidth.of(character)
  }

  /// A printable ASCII character (space to `~`), one cell wide.
  init(ascii byte: UInt8) {
    self.character = Character(Unicode.Scalar(byte))
    self.width = 1
  }

  /// The character as a string.
  public var text: String { String(character) }
}
