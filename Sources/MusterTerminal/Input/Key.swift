/// A key as the app sees it, whatever the terminal sent.
public enum Key: Hashable, Sendable {
  /// A printable character.
  case character(Character)
  /// Control plus a letter, such as Ctrl-C (`.control("c")`).
  case control(Character)
  case enter
  case escape
  case tab
  case backTab
  case backspace
  case delete
  case insert
  case up
  case down
  case left
  case right
  case home
  case end
  case pageUp
  case pageDown
  /// A function key, F1 to F12.
  case function(Int)

  /// The key's name as the help screen and `muster render --keys` write it.
  public var name: String {
    switch self {
    case .character(" "): "Space"
    case .character(let character): String(character)
    case .control(let character): "Ctrl-\(character.uppercased())"
    case .enter: "Enter"
    case .escape: "Esc"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .backspace: "Backspace"
    case .delete: "Delete"
    case .insert: "Insert"
    case .up: "Up"
    case .down: "Down"
    case .left: "Left"
    case .right: "Right"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .function(let number): "F\(number)"
    }
  }

  /// The key a name stands for (`j`, `Enter`, `Ctrl-D`, `F1`, `Space`), or `nil`.
  public init?(name: String) {
    let named: [String: Key] = [
      "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
      "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace, "bs": .backspace,
      "delete": .delete, "del": .delete, "insert": .insert, "up": .up, "down": .down,
      "left": .left, "right": .right, "home": .home, "end": .end, "pgup": .pageUp,
      "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "space": .character(" "),
    ]
    let lowered = name.lowercased()
    if let key = named[lowered] {
      self = key
    } else if lowered.hasPrefix("ctrl-"), lowered.count == 6, let letter = lowered.last {
      self = .control(letter)
    } else if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()),
      (1...12).contains(number)
    {
      self = .function(number)
    } else if name.count == 1, let character = name.first {
      self = .character(character)
    } else {
      return nil
    }
  }
}

/// A mouse action at a cell.
public struct MouseEvent: Hashable, Sendable {
  /// What happened.
  public enum Action: Hashable, Sendable {
    case click
    case wheelUp
    case wheelDown
  }

  /// What happened.
  public var action: Action
  /// Where.
  public var position: Point

  /// An event from its parts.
  public init(_ action: Action, at position: Point) {
    self.action = action
    self.position = position
  }
}

/// Everything a terminal reports.
public enum TerminalEvent: Hashable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  /// Text pasted in one go (bracketed paste), to be taken as text, never as commands.
  case paste(String)
  /// The terminal changed size.
  case resized(Size)
  /// Nothing happened within the wait.
  case idle
  /// Another thread ended the wait (a `Wakeup`): a search has answered.
  case woken
}
