import MusterTerminal

/// One line of text being edited, with a cursor: the note editor's model.
///
/// The cursor is a position between characters (grapheme clusters), so a wide or combined
/// character is stepped over and deleted whole. Control characters never enter the text.
public struct LineEditor: Equatable, Sendable {
  /// The text, a character at a time.
  public private(set) var characters: [Character] = []
  /// Where the next character goes: 0 is before the first.
  public private(set) var cursor = 0
  /// The longest text accepted, in characters.
  public let limit: Int

  /// An empty editor taking at most `limit` characters.
  public init(limit: Int = 2_000) {
    self.limit = limit
  }

  /// The text edited.
  public var text: String { String(characters) }

  /// A cursor movement or a deletion.
  public enum Edit: Hashable, Sendable {
    /// One character left.
    case left
    /// One character right.
    case right
    /// To the start (Home, Ctrl-A).
    case start
    /// To the end (End, Ctrl-E).
    case end
    /// The character before the cursor (Backspace).
    case deleteBackward
    /// The character under the cursor (Delete).
    case deleteForward
  }

  /// Applies an edit.
  public mutating func apply(_ edit: Edit) {
    switch edit {
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(characters.count, cursor + 1)
    case .start: cursor = 0
    case .end: cursor = characters.count
    case .deleteBackward:
      guard cursor > 0 else { return }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .deleteForward:
      guard cursor < characters.count else { return }
      characters.remove(at: cursor)
    }
  }

  /// Inserts text at the cursor: line breaks and tabs become spaces, other control
  /// characters are dropped, and text past the limit is cut.
  public mutating func insert(_ text: String) {
    let clean = text.compactMap { character -> Character? in
      if character.isNewline || character == "\t" { return " " }
      let isControl = character.unicodeScalars.contains {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
      }
      return isControl ? nil : character
    }
    let room = max(0, limit - characters.count)
    characters.insert(contentsOf: clean.prefix(room), at: cursor)
    cursor += min(room, clean.count)
  }

  /// What shows in `width` columns: the text scrolled so the cursor is visible, and the
  /// cursor's column within it.
  public func visible(width: Int) -> (text: DisplayText, cursorColumn: Int) {
    guard width > 0 else { return (DisplayText(""), 0) }
    let cells = characters.map { DisplayText(String($0)) }
    // Start as far left as lets the cursor (and one cell for it) fit.
    var start = cursor
    var used = 1
    while start > 0, used + cells[start - 1].width <= width {
      start -= 1
      used += cells[start].width
    }
    var shown = DisplayText("")
    var column = 0
    var cursorColumn = 0
    for index in start..<characters.count {
      if index == cursor { cursorColumn = column }
      let cell = cells[index]
      guard column + cell.width <= width else { break }
      shown = shown + cell
      column += cell.width
    }
    if cursor == characters.count { cursorColumn = column }
    return (shown, min(cursorColumn, width - 1))
  }
}
