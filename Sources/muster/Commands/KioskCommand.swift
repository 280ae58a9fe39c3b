import ArgumentParser
import Foundation
import MusterCurses
import MusterDomain
import MusterStore
import MusterTerminal
import MusterUI

#if canImport(Glibc)
  import Glibc
#endif

/// `muster kiosk`: the browser, read-only and unescapable, for wall displays and public SSH
/// logins.
struct KioskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kiosk",
    abstract: "Show the browser read-only, with no way out, for a wall display or an SSH login.",
    discussion: """
      The database is --db, by default /var/lib/muster/muster.db; it is opened read-only (and with PRAGMA query_only); notes, pins, export, \
      the search history and quitting do not exist here. Ctrl-C, Ctrl-Z, Ctrl-\\, Ctrl-S, \
      Ctrl-Q and Ctrl-D are keys that do nothing; SIGINT, SIGTSTP and SIGQUIT are ignored; \
      SIGTERM and SIGHUP end it with the terminal restored, as does the terminal closing.

      Nothing is read from the environment but TERM and the locale (LANG, LC_*): the rest \
      is cleared at start. After --idle seconds without a key it goes back to its home \
      view and tours the timeline, newest first, one event every --tour-step seconds, \
      until a key is pressed. Another process's commits show within two seconds.

      A client that stops taking part ends its kiosk after --client-timeout seconds: its \
      terminal has not taken output for that long, or a terminal that answers status \
      queries (most do) has stopped answering them. --max-session bounds any session, \
      however active. A window larger than 500x200 is drawn 500x200. A crash shows one \
      plain line and reports to --log (the system log by default), as do dropped clients.

      See docs/ssh-kiosk.md and `muster ssh-config` for serving it over SSH.
      """)

  static let defaultDatabase = "/var/lib/muster/muster.db"

  /// `--db` (default here: /var/lib/muster/muster.db, never the XDG one), `--no-color`,
  /// `--ascii`.
  @OptionGroup var global: GlobalOptions

  var db: String { global.db ?? Self.defaultDatabase }

  @Option(help: ArgumentHelp("Seconds without a key before the tour starts.", valueName: "seconds"))
  var idle = 120

  @Option(help: ArgumentHelp("Seconds between the tour's steps.", valueName: "seconds"))
  var tourStep = 10

  @Option(
    help: ArgumentHelp(
      "Seconds a client may stop taking output or answering status queries before its kiosk ends.",
      valueName: "seconds"))
  var clientTimeout = 60

  @Option(
    help: ArgumentHelp(
      "Seconds any one session may last (0: no limit).", valueName: "seconds"))
  var maxSession = 0

  @Option(
    help: ArgumentHelp(
      "Where crash reports, dropped clients and anything a library prints go: a syslog socket or a file.",
      valueName: "path"))
  var log = SessionGuard.systemLog

  func validate() throws {
    guard idle >= 1 else { throw ValidationError("--idle must be at least 1 second") }
    guard tourStep >= 1 else { throw ValidationError("--tour-step must be at least 1 second") }
    guard clientTimeout >= 1 else {
      throw ValidationError("--client-timeout must be at least 1 second")
    }
    guard maxSession >= 0 else { throw ValidationError("--max-session must not be negative") }
  }

  func run() throws {
    Self.clearEnvironment()
    try reportingFailures {
      try SessionGuard.reportTo(log, required: log != SessionGuard.systemLog)
      let catalog = try SQLiteCatalog.openReadOnly(at: db)
      var state = AppState(mode: .kiosk, screenSize: Size(width: 80, height: 24))
      state.tour = TourState(idleAfter: idle, step: tourStep)
      let terminal = CursesOptions(
        ignoresInterrupts: true, clientTimeout: .seconds(clientTimeout),
        sessionLimit: maxSession > 0 ? .seconds(maxSession) : nil, label: "kiosk")
      let status = try Browser.run(
        state, catalog: catalog, searchCatalog: try? SQLiteCatalog.openReadOnly(at: db),
        history: nil, terminal: terminal, noColor: global.noColor, ascii: global.ascii)
      if status != 0 { throw ExitCode(status) }
    }
  }

  /// Clears every environment variable but `TERM`, `LANG` and `LC_*`, so nothing else
  /// (TERMINFO, HOME, XDG_*, EDITOR, PAGER, NO_COLOR, ...) can reach Muster or ncurses.
  static func clearEnvironment() {
    var names: [String] = []
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.firstIndex(of: "=") { names.append(String(text[..<equals])) }
      entry += 1
    }
    for name in names where !isTrusted(name) { unsetenv(name) }
  }

  /// Whether a variable is one a kiosk reads.
  static func isTrusted(_ name: String) -> Bool {
    name == "TERM" || name == "LANG" || name.hasPrefix("LC_")
  }
}
