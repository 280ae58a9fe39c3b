import CCurses
import MusterTerminal

/// What ncurses reports, as Muster's keys.
enum CursesKeys {
  /// The key for a decoded key code (`KEY_UP`, `KEY_F(1)`, ...), or `nil` for one Muster
  /// does not use.
  static func key(forCode code: Int32) -> Key? {
    switch code {
    case KEY_UP: .up
    case KEY_DOWN: .down
    case KEY_LEFT: .left
    case KEY_RIGHT: .right
    case KEY_HOME, KEY_A1: .home
    case KEY_END, KEY_C1: .end
    case KEY_PPAGE, KEY_A3: .pageUp
    case KEY_NPAGE, KEY_C3: .pageDown
    case KEY_BACKSPACE: .backspace
    case KEY_DC: .delete
    case KEY_IC: .insert
    case KEY_BTAB: .backTab
    case KEY_ENTER: .enter
    case (KEY_F0 + 1)...(KEY_F0 + 12): .function(Int(code - KEY_F0))
    default: nil
    }
  }

  /// The key for a character as raw mode delivers it: controls are keys, the rest text.
  static func key(forCharacter value: UInt32) -> Key? {
    switch value {
    case 0x0D, 0x0A: return .enter
    case 0x09: return .tab
    case 0x1B: return .escape
    case 0x08, 0x7F: return .backspace
    case 0x01...0x1A: return Unicode.Scalar(value + 0x60).map { .control(Character($0)) }
    case 0x00, 0x1C...0x1F, 0x80...0x9F: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }
}

/// Colours as the terminal can show them.
enum ColorMapping {
  /// A colour number for `init_pair` (-1 for the terminal's default), and whether the
  /// foreground should be drawn bold or dim to stand in for a bright shade the terminal
  /// lacks.
  struct Mapped: Equatable {
    let number: Int16
    var brighten = false
    var dim = false
  }

  /// `color` on a terminal of `depth` colours (256, 16 or 8).
  static func number(for color: Color, depth: Int) -> Mapped {
    let index: Int
    switch color {
    case .default: return Mapped(number: -1)
    case .black: index = 0
    case .red: index = 1
    case .green: index = 2
    case .yellow: index = 3
    case .blue: index = 4
    case .magenta: index = 5
    case .cyan: index = 6
    case .white: index = 7
    case .brightBlack: index = 8
    case .brightRed: index = 9
    case .brightGreen: index = 10
    case .brightYellow: index = 11
    case .brightBlue: index = 12
    case .brightMagenta: index = 13
    case .brightCyan: index = 14
    case .brightWhite: index = 15
    case .palette(let entry): index = depth >= 256 ? Int(entry) : basic(forPalette: Int(entry))
    }
    if depth >= 16 || index < 8 { return Mapped(number: Int16(index)) }
    // Eight colours: bright shades become bold; grey becomes the default, dimmed.
    if index == 8 { return Mapped(number: -1, dim: true) }
    return Mapped(number: Int16(index - 8), brighten: true)
  }

  /// The nearest of the sixteen basic colours to a 256-palette entry.
  static func basic(forPalette entry: Int) -> Int {
    if entry < 16 { return entry }
    let rgb: (Int, Int, Int)
    if entry >= 232 {
      let level = 8 + (entry - 232) * 10
      rgb = (level, level, level)
    } else {
      let cube = entry - 16
      let steps = [0, 95, 135, 175, 215, 255]
      rgb = (steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
    }
    let basics: [(Int, Int, Int)] = [
      (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
      (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
      (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
      let red = a.0 - b.0
      let green = a.1 - b.1
      let blue = a.2 - b.2
      return red * red + green * green + blue * blue
    }
    return basics.indices.min { distance(basics[$0], rgb) < distance(basics[$1], rgb) } ?? 7
  }
}
