import CCurses
import MusterTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal, through ncurses: the only place Muster calls curses.
///
/// Not thread-safe: make every call from the main thread, as ncurses requires.
public final class CursesTerminal: Terminal {
  /// How many colours the terminal shows: 256, 16, 8, or 0 for none.
  public let colorDepth: Int

  let screen: OpaquePointer
  let window: UnsafeMutablePointer<WINDOW>
  let output: UnsafeMutablePointer<FILE>
  let inputFile: UnsafeMutablePointer<FILE>
  var shown: ScreenBuffer?
  var isInvalid = true
  var isClosed = false
  var styleCache: [Style: (attr_t, Int16)] = [:]
  var pairs: [PairKey: Int16] = [:]
  var pasteBrackets: (enable: String, disable: String)?
  let options: CursesOptions
  /// The size the terminal reports: any size a client claims, up to 65535 each way.
  public internal(set) var size: Size
  /// When the last status query went out, and when the terminal last answered one.
  var lastProbe: ContinuousClock.Instant?
  var lastAnswer: ContinuousClock.Instant?
  /// Events decoded from one read but not yet handed over (Esc and the key after it).
  var pendingEvents: [TerminalEvent] = []
  var silent = false
  let started = ContinuousClock.now
  var pastLimit = false
  let attributes = (
    bold: ccurses_attr_bold(), dim: ccurses_attr_dim(), reverse: ccurses_attr_reverse(),
    underline: ccurses_attr_underline()
  )

  /// Key codes Muster defines for the bracketed-paste markers.
  static let pasteStartCode = InputDecoder.pasteStartCode
  static let pasteEndCode = InputDecoder.pasteEndCode

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
  var probeInterval: Duration {
    min(.seconds(10), (options.clientTimeout ?? .seconds(30)) / 3)
  }

  /// The key code ncurses gives the terminal's answer to a status query (`ESC [ 0 n`).
  static let statusAnswerCode = InputDecoder.statusAnswerCode

  static func milliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
  }

  /// The window size standard output's terminal reports; zero when it reports none.
  static func reportedSize() -> Size {
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard ccurses_window_size(STDOUT_FILENO, &rows, &columns) == 0 else {
      return Size(width: 0, height: 0)
    }
    return Size(width: Int(columns), height: Int(rows))
  }

  /// What puts the terminal back if Muster cannot end the ordinary way: the main screen,
  /// plain attributes, the cursor, no mouse reports, no bracketed paste, the keypad reset.
  func restoringBytes() -> String {
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
  var drawnSize: Size {
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

  func describeForCrashReports() {
    SessionGuard.describe("\(options.label), window \(size.width)x\(size.height)")
  }

  func setUpBracketedPaste(terminalName name: String) {
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
}
