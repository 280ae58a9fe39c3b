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
  /// End the session when the client has stopped taking part for this long: the terminal
  /// has not taken output, or a terminal that answers status queries has stopped answering
  /// them (`nil`: never; the kiosk's `--client-timeout`).
  public var clientTimeout: Duration?
  /// End the session this long after it started, whatever the client does (`nil`: never;
  /// the kiosk's `--max-session`).
  public var sessionLimit: Duration?
  /// What the session is, such as `kiosk`, for crash reports.
  public var label: String

  /// Options from their parts.
  public init(
    mouse: Bool = true, ignoresInterrupts: Bool = false, clientTimeout: Duration? = nil,
    sessionLimit: Duration? = nil, label: String = "browser"
  ) {
    self.mouse = mouse
    self.ignoresInterrupts = ignoresInterrupts
    self.clientTimeout = clientTimeout
    self.sessionLimit = sessionLimit
    self.label = label
  }
}

/// Why a session on the terminal ended, when it was not the user's own choice.
public enum CursesEnding: Equatable, Sendable {
  /// A signal asked Muster to end (SIGTERM, SIGHUP, SIGINT).
  case signal(Int32)
  /// The terminal did not take output for the client timeout (a client that stopped reading).
  case outputStalled
  /// The terminal answered status queries, then stopped answering for the client timeout
  /// (a client stopped or frozen while its connection stays up).
  case clientSilent
  /// The session reached its time limit.
  case sessionLimit

  /// What happened, for the report.
  public var description: String {
    switch self {
    case .signal(let number): "ended by signal \(number)"
    case .outputStalled: "ended: the terminal stopped taking output (a client that stopped reading)"
    case .clientSilent: "ended: the client stopped answering status queries (a stopped client)"
    case .sessionLimit: "ended: the session reached its time limit"
    }
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
  private let options: CursesOptions
  /// The size the terminal reports: any size a client claims, up to 65535 each way.
  public private(set) var size: Size
  /// When the last status query went out, and when the terminal last answered one.
  private var lastProbe: ContinuousClock.Instant?
  private var lastAnswer: ContinuousClock.Instant?
  private var silent = false
  private let started = ContinuousClock.now
  private var pastLimit = false
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
    ccurses_guard_save_modes()
    // ncurses reads the window size itself when it starts and keeps it in 16-bit fields: a
    // size a client claims beyond what Muster draws is handed to it as LINES and COLUMNS
    // instead (the environment overrides the terminal's report).
    let reported = Self.reportedSize()
    let drawn = reported.limited(to: .largestDrawn)
    let overrides = reported.width > drawn.width || reported.height > drawn.height
    let saved = (
      getenv("LINES").map { String(cString: $0) }, getenv("COLUMNS").map { String(cString: $0) }
    )
    if overrides {
      setenv("LINES", String(drawn.height), 1)
      setenv("COLUMNS", String(drawn.width), 1)
    }
    // ncurses controls the terminal through these streams' descriptors.
    guard let output = fdopen(STDOUT_FILENO, "w") else {
      throw CursesTerminalError.notATerminal(stream: "output")
    }
    guard let inputFile = fdopen(STDIN_FILENO, "r") else {
      throw CursesTerminalError.notATerminal(stream: "input")
    }
    // Nothing a library prints (libgpm, SQLite, the runtime's last words) may reach the
    // screen behind the renderer: standard error goes to the report destination meanwhile.
    ccurses_capture_stderr()
    let screen = newterm(nil, output, inputFile)
    if overrides {
      for (name, value) in [("LINES", saved.0), ("COLUMNS", saved.1)] {
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
      }
    }
    guard let screen else {
      ccurses_release_stderr()
      throw CursesTerminalError.unknownTerminal(name)
    }
    guard ccurses_has_string_capability("cup") != 0 else {
      endwin()
      delscreen(screen)
      ccurses_release_stderr()
      throw CursesTerminalError.incapableTerminal(name)
    }
    self.screen = screen
    self.output = output
    self.inputFile = inputFile
    self.options = options
    window = ccurses_stdscr()
    // A window of no size (a pty nobody sized) is drawn at the size ncurses chose.
    size =
      reported.width > 0 && reported.height > 0
      ? reported
      : Size(width: Int(ccurses_columns(window)), height: Int(ccurses_lines(window)))
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
    // The Linux console's mouse is gpm's, which is the local console's, never an SSH
    // client's (and libgpm prints on the terminal when it cannot size it).
    if options.mouse, !name.hasPrefix("linux") { ccurses_enable_mouse() }
    setUpBracketedPaste(terminalName: name)
    define_key("\u{1B}[0n", Self.statusAnswerCode)
    define_key("\u{1B}[3n", Self.statusAnswerCode)
    ccurses_guard_set_restore(restoringBytes())
    describeForCrashReports()
    let drainLimit = options.clientTimeout.map { Self.milliseconds($0) } ?? 0
    ccurses_start_watchdog(Self.endingGrace, drainLimit)
  }

  /// How long the main thread has to end after SIGTERM or SIGHUP before the watchdog ends
  /// the process (a frame being drawn, output to a terminal that does not read).
  static let endingGrace: Int32 = 700

  /// How often a status query goes to a client whose liveness is watched: every ten
  /// seconds, or often enough for three queries within a shorter timeout.
  private var probeInterval: Duration {
    min(.seconds(10), (options.clientTimeout ?? .seconds(30)) / 3)
  }

  /// The key code ncurses gives the terminal's answer to a status query (`ESC [ 0 n`).
  static let statusAnswerCode = InputDecoder.statusAnswerCode

  private static func milliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
  }

  /// The window size standard output's terminal reports; zero when it reports none.
  private static func reportedSize() -> Size {
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard ccurses_window_size(STDOUT_FILENO, &rows, &columns) == 0 else {
      return Size(width: 0, height: 0)
    }
    return Size(width: Int(columns), height: Int(rows))
  }

  /// What puts the terminal back if Muster cannot end the ordinary way: the main screen,
  /// plain attributes, the cursor, no mouse reports, no bracketed paste, the keypad reset.
  private func restoringBytes() -> String {
    let names: [String] = ["sgr0", "rmcup", "cnorm", "rmkx"]
    let capabilities = names.compactMap { name -> String? in
      ccurses_string_capability(name).map { String(cString: $0) }
    }
    return capabilities.joined() + "\u{1B}[?1006l\u{1B}[?1000l" + (pasteBrackets?.disable ?? "")
  }

  deinit {
    close()
  }

  /// The size ncurses draws: the window's, up to `Size.largestDrawn`.
  private var drawnSize: Size {
    Size(
      width: max(0, Int(ccurses_columns(window))), height: max(0, Int(ccurses_lines(window))))
  }

  /// The signal that ended the session (SIGTERM, SIGHUP, SIGINT), or `nil`.
  public var endingSignal: Int32? {
    let signal = ccurses_ending_signal()
    return signal == 0 ? nil : signal
  }

  /// Why the session ended when the user did not end it, or `nil`.
  public var ending: CursesEnding? {
    if ccurses_output_stalled() != 0 { return .outputStalled }
    if silent { return .clientSilent }
    if pastLimit { return .sessionLimit }
    return endingSignal.map(CursesEnding.signal)
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
    ccurses_guard_terminal_closed()
    ccurses_stop_watchdog()
    ccurses_release_stderr()
  }

  // MARK: - Input

  /// Whether bytes wait on standard input (a paste, or keys typed faster than frames).
  public var hasPendingInput: Bool {
    ccurses_wait_for_input(STDIN_FILENO, -1, 0) > 0
  }

  /// Waits up to `timeout` for the next event; `nil` when input has ended or a signal asked
  /// Muster to end.
  public func nextEvent(timeout: Duration, wakeup: Wakeup?) throws -> TerminalEvent? {
    let deadline = ContinuousClock.now + timeout
    while true {
      if endingSignal != nil || silent || pastLimit { return nil }
      if let limit = options.sessionLimit, ContinuousClock.now - started >= limit {
        pastLimit = true
        return nil
      }
      ccurses_forward_stderr()
      if ccurses_take_resize() != 0, let event = resized() { return event }
      if let event = readPending() { return event }
      if isClientSilent() { return nil }
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else { return .idle }
      // Rounded up, so a wait never ends just short of the deadline and spins.
      let (seconds, attoseconds) = remaining.components
      let milliseconds = Int32(
        clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
      switch ccurses_wait_for_input(
        STDIN_FILENO, wakeup?.descriptor ?? -1, min(milliseconds, 60_000))
      {
      case 0: return .idle
      case 2:
        wakeup?.drain()
        return .woken
      case -2: return readPending() ?? nil
      default: continue
      }
    }
  }

  /// After SIGWINCH: the size the terminal reports, limited to what Muster draws before
  /// ncurses sees it; `nil` when nothing changed (or the terminal reports no size).
  private func resized() -> TerminalEvent? {
    let reported = Self.reportedSize()
    guard reported.width > 0, reported.height > 0, reported != size else { return nil }
    size = reported
    describeForCrashReports()
    let drawn = reported.limited(to: .largestDrawn)
    if drawn != drawnSize {
      resize_term(Int32(drawn.height), Int32(drawn.width))
    }
    invalidate()
    return .resized(reported)
  }

  private func describeForCrashReports() {
    SessionGuard.describe("\(options.label), window \(size.width)x\(size.height)")
  }

  /// Whether the client has gone silent; sends a status query every `probeInterval` while
  /// a client timeout is set.
  ///
  /// True once a terminal that answered the queries has not answered for the timeout. A
  /// terminal that never answers is never taken for a silent one.
  private func isClientSilent() -> Bool {
    guard let timeout = options.clientTimeout else { return false }
    let now = ContinuousClock.now
    if let answered = lastAnswer, now - answered > timeout {
      silent = true
      return true
    }
    if lastProbe.map({ now - $0 >= probeInterval }) ?? true {
      lastProbe = now
      fputs("\u{1B}[5n", output)
      fflush(output)
    }
    return false
  }

  /// The next event ncurses has ready (a pending resize included), without waiting for input.
  private func readPending() -> TerminalEvent? {
    var decoder = InputDecoder(
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
    decoder.statusAnswered = { [unowned self] in lastAnswer = .now }
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
    let size = drawnSize
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
