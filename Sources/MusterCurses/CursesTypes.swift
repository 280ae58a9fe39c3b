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
