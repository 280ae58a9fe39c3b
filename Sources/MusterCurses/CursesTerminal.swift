import CCurses
import MusterTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the ncurses library Muster is linked with.
public enum CursesLibrary {
  /// The version string ncurses reports, such as `ncurses 6.4.20221231`.
  public static var version: String { String(cString: ccurses_version()) }
}

/// Why the browser could not open the terminal.
public enum CursesTerminalError: Error, Equatable, CustomStringConvertible {
  /// Standard input or output is not a terminal (a pipe, a file, a cron job).
  case notATerminal(stream: String)
  /// `TERM` is not set.
  case noTerminalType
  /// ncurses has no description for `TERM`.
  case unknownTerminal(String)
  /// The terminal cannot move its cursor (such as `TERM=dumb`), so a screen cannot be drawn.
  case incapableTerminal(String)

  /// The message for the user.
  public var description: String {
    switch self {
    case .notATerminal(let stream):
      "the browser needs a terminal, but standard \(stream) is not one; "
        + "use muster render, list, show or search in scripts"
    case .noTerminalType:
      "TERM is not set, so the terminal's type is unknown; set it, for example TERM=xterm-256color"
    case .unknownTerminal(let name):
      "unknown terminal type TERM=\(name): it has no terminfo entry; "
        + "try TERM=xterm-256color or install its entry (ncurses-term)"
    case .incapableTerminal(let name):
      "the terminal TERM=\(name) cannot position its cursor, so it cannot show the browser; "
        + "use a full-screen terminal (for example TERM=xterm-256color)"
    }
  }
}

/// How the browser opens the terminal.
public struct CursesOptions: Sendable {
  /// Report clicks and wheel turns.
  public var mouse: Bool
  /// Ignore SIGINT, SIGQUIT and SIGTSTP instead of ending (the kiosk).
  public var ignoresInterrupts: Bool

  /// Options from their parts.
  public init(mouse: Bool = true, ignoresInterrupts: Bool = false) {
    self.mouse = mouse
    self.ignoresInterrupts = ignoresInterrupts
  }
}

/// The locale Muster runs under.
public enum CursesLocale {
  /// Adopts the user's locale; when its character set is not UTF-8, switches the character
  /// type alone to `C.UTF-8` so ncurses can still draw every script.
  ///
  /// Returns whether the user's own locale was UTF-8: when it was not, the terminal may not
  /// be, and the ASCII glyph set is the safe choice for borders.
  @discardableResult
  public static func prepare() -> Bool {
    setlocale(LC_ALL, "")
    if isUTF8 { return true }
    if setlocale(LC_CTYPE, "C.UTF-8") == nil {
      setlocale(LC_CTYPE, "en_US.UTF-8")
    }
    return false
  }

  /// Whether the current character type is UTF-8.
  public static var isUTF8: Bool {
    let codeset = String(cString: ccurses_codeset()).lowercased()
    return codeset == "utf-8" || codeset == "utf8"
  }
}

/// The real terminal, through ncurses: the only place Muster calls curses.
///
/// Not thread-safe: make every call from the main thread, as ncurses requires.
public final class CursesTerminal: Terminal {
  /// How many colours the terminal shows: 256, 16, 8, or 0 for none.
  public let colorDepth: Int

  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let output: UnsafeMutablePointer<FILE>
  private let inputFile: UnsafeMutablePointer<FILE>
  private var shown: ScreenBuffer?
  private var isInvalid = true
  private var isClosed = false
  private var styleCache: [Style: (attr_t, Int16)] = [:]
  private var pairs: [PairKey: Int16] = [:]
  private var pasteBrackets: (enable: String, disable: String)?
  private let attributes = (
    bold: ccurses_attr_bold(), dim: ccurses_attr_dim(), reverse: ccurses_attr_reverse(),
    underline: ccurses_attr_underline()
  )

  /// Key codes Muster defines for the bracketed-paste markers.
  private static let pasteStartCode = InputDecoder.pasteStartCode
  private static let pasteEndCode = InputDecoder.pasteEndCode

  /// Opens the terminal on standard input and output.
  ///
  /// Call `CursesLocale.prepare()` first. Throws `CursesTerminalError` when there is no
  /// usable terminal; the screen is untouched then.
  public init(options: CursesOptions = CursesOptions()) throws {
    for (descriptor, name) in [(STDIN_FILENO, "input"), (STDOUT_FILENO, "output")]
    where isatty(descriptor) == 0 {
      throw CursesTerminalError.notATerminal(stream: name)
    }
    guard let name = getenv("TERM").map({ String(cString: $0) }), !name.isEmpty else {
      throw CursesTerminalError.noTerminalType
    }
    ccurses_install_signal_handlers(options.ignoresInterrupts ? 1 : 0)
    // ncurses controls the terminal through these streams' descriptors.
    guard let output = fdopen(STDOUT_FILENO, "w") else {
      throw CursesTerminalError.notATerminal(stream: "output")
    }
    guard let inputFile = fdopen(STDIN_FILENO, "r") else {
      throw CursesTerminalError.notATerminal(stream: "input")
    }
    guard let screen = newterm(nil, output, inputFile) else {
      throw CursesTerminalError.unknownTerminal(name)
    }
    guard ccurses_has_string_capability("cup") != 0 else {
      endwin()
      delscreen(screen)
      throw CursesTerminalError.incapableTerminal(name)
    }
    self.screen = screen
    self.output = output
    self.inputFile = inputFile
    window = ccurses_stdscr()
    raw()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    curs_set(0)
    leaveok(window, true)
    if has_colors() {
      start_color()
      use_default_colors()
      let colors = Int(ccurses_colors())
      colorDepth = colors >= 256 ? 256 : colors >= 16 ? 16 : colors >= 8 ? 8 : 0
    } else {
      colorDepth = 0
    }
    if options.mouse { ccurses_enable_mouse() }
    setUpBracketedPaste(terminalName: name)
  }

  deinit {
    close()
  }

  /// The current screen size in cells.
  public var size: Size {
    Size(width: Int(ccurses_columns(window)), height: Int(ccurses_lines(window)))
  }

  /// The signal that ended the session (SIGTERM, SIGHUP, SIGINT), or `nil`.
  public var endingSignal: Int32? {
    let signal = ccurses_ending_signal()
    return signal == 0 ? nil : signal
  }

  /// Restores the terminal as it was before.
  ///
  /// Safe to call more than once.
  public func close() {
    guard !isClosed else { return }
    isClosed = true
    if let brackets = pasteBrackets { fputs(brackets.disable, output) }
    endwin()
    fflush(output)
    delscreen(screen)
  }

  // MARK: - Input

  /// Whether bytes wait on standard input (a paste, or keys typed faster than frames).
  public var hasPendingInput: Bool {
    ccurses_wait_for_input(STDIN_FILENO, 0) > 0
  }

  /// Waits up to `timeout` for the next event; `nil` when input has ended or a signal asked
  /// Muster to end.
  public func nextEvent(timeout: Duration) throws -> TerminalEvent? {
    let deadline = ContinuousClock.now + timeout
    while true {
      if endingSignal != nil { return nil }
      if let event = readPending() { return event }
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else { return .idle }
      // Rounded up, so a wait never ends just short of the deadline and spins.
      let (seconds, attoseconds) = remaining.components
      let milliseconds = Int32(
        clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
      switch ccurses_wait_for_input(STDIN_FILENO, min(milliseconds, 60_000)) {
      case 0: return .idle
      case -2: return readPending() ?? nil
      default: continue
      }
    }
  }

  /// The next event ncurses has ready (a pending resize included), without waiting for input.
  private func readPending() -> TerminalEvent? {
    let decoder = InputDecoder(
      read: { [window] milliseconds in
        wtimeout(window, milliseconds)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ERR { return nil }
        return result == KEY_CODE_YES ? .code(Int32(value)) : .character(UInt32(value))
      },
      size: { [unowned self] in size },
      mouse: {
        var x: Int32 = 0
        var y: Int32 = 0
        let action: MouseEvent.Action
        switch ccurses_read_mouse(&x, &y) {
        case 1: action = .click
        case 2: action = .wheelUp
        case 3: action = .wheelDown
        default: return nil
        }
        return MouseEvent(action, at: Point(x: Int(x), y: Int(y)))
      })
    while let unit = decoder.read(0) {
      if let event = decoder.event(startingWith: unit) { return event }
    }
    return nil
  }

  private func setUpBracketedPaste(terminalName name: String) {
    var start = ccurses_string_capability("PS").map { String(cString: $0) }
    var end = ccurses_string_capability("PE").map { String(cString: $0) }
    var enable = ccurses_string_capability("BE").map { String(cString: $0) }
    var disable = ccurses_string_capability("BD").map { String(cString: $0) }
    let knownToSupport = ["xterm", "screen", "tmux", "rxvt", "alacritty", "foot", "kitty"]
      .contains { name.hasPrefix($0) }
    if enable == nil, knownToSupport {
      (start, end, enable, disable) = (
        "\u{1B}[200~", "\u{1B}[201~", "\u{1B}[?2004h", "\u{1B}[?2004l"
      )
    }
    guard let start, let end, let enable, let disable else { return }
    define_key(start, Self.pasteStartCode)
    define_key(end, Self.pasteEndCode)
    fputs(enable, output)
    fflush(output)
    pasteBrackets = (enable, disable)
  }

  // MARK: - Output

  /// Shows `frame`, sending only the cells that differ from what is on the screen.
  public func present(_ frame: ScreenBuffer) throws {
    let size = self.size
    let full = isInvalid || shown?.size != frame.size
    if isInvalid {
      clearok(window, true)
    }
    let width = min(size.width, frame.size.width)
    let height = min(size.height, frame.size.height)
    var cell = cchar_t()
    for y in 0..<height {
      for x in 0..<width {
        let next = frame[x, y]
        if !full, let shown, shown[x, y] == next { continue }
        if next.isContinuation { continue }
        let isWide = x + 1 < frame.size.width && frame[x + 1, y].isContinuation
        let character = isWide && x + 1 >= width ? " " : next.character
        let (attribute, pair) = look(next.style)
        var wide = Array(character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) })
        wide.append(0)
        setcchar(&cell, wide, attribute, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cell)
      }
    }
    wnoutrefresh(window)
    doupdate()
    shown = frame
    isInvalid = false
  }

  /// Makes the next `present` send every cell.
  public func invalidate() {
    isInvalid = true
  }

  private func look(_ style: Style) -> (attr_t, Int16) {
    if let cached = styleCache[style] { return cached }
    var attribute: attr_t = 0
    if style.isBold { attribute |= attributes.bold }
    if style.isDim { attribute |= attributes.dim }
    if style.isReversed { attribute |= attributes.reverse }
    if style.isUnderlined { attribute |= attributes.underline }
    var pair: Int16 = 0
    if colorDepth > 0 {
      let foreground = ColorMapping.number(for: style.foreground, depth: colorDepth)
      let background = ColorMapping.number(for: style.background, depth: colorDepth)
      if foreground.brighten { attribute |= attributes.bold }
      if foreground.dim { attribute |= attributes.dim }
      pair = colorPair(foreground: foreground.number, background: background.number)
    }
    styleCache[style] = (attribute, pair)
    return (attribute, pair)
  }

  private func colorPair(foreground: Int16, background: Int16) -> Int16 {
    if foreground == -1, background == -1 { return 0 }
    let key = PairKey(foreground: foreground, background: background)
    if let pair = pairs[key] { return pair }
    let next = Int16(pairs.count + 1)
    guard Int32(next) < ccurses_color_pairs() else { return 0 }
    init_pair(next, foreground, background)
    pairs[key] = next
    return next
  }

  private struct PairKey: Hashable {
    let foreground: Int16
    let background: Int16
  }
}
