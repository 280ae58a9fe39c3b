import ArgumentParser
import Foundation
import MusterCurses
import MusterDomain
import MusterExport
import MusterStore
import MusterTerminal
import MusterUI

#if canImport(Glibc)
  import Glibc
#endif

/// Opens the browser (bare `muster` runs this).
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse",
    abstract: "Open the browser on the database (the default command).",
    discussion: """
      Needs a terminal on standard input and output and a TERM that can position the \
      cursor; otherwise it exits with status 69. Colours follow the terminal (256, 16, 8 or \
      none); NO_COLOR or --no-color turn them off. Borders are ASCII with --ascii or when \
      the locale is not UTF-8. SIGTERM, SIGHUP and SIGINT end it with the terminal \
      restored, status 128 plus the signal's number.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "Start with the time cursor at this date (default: the last dated record).")
  var asOf: DateArgument?

  @Option(help: "How many days up to the cursor count as \"seen here\" (d changes it).")
  var presenceDays = Presence.defaultWindow

  func validate() throws {
    guard (1...3650).contains(presenceDays) else {
      throw ValidationError("--presence-days must be from 1 to 3650, not \(presenceDays)")
    }
  }

  @Option(
    help: ArgumentHelp(
      "Where crash reports and anything a library prints go while the browser runs: a syslog socket or a file.",
      valueName: "path"))
  var log = SessionGuard.systemLog

  func run() throws {
    try reportingFailures {
      try SessionGuard.reportTo(log, required: log != SessionGuard.systemLog)
      let (catalog, writer) = try DatabaseLocation.openForBrowsing(global)
      let author = Analyst.name(ProcessInfo.processInfo.environment)
      let desk = writer.map { writer in
        EffectRunner.Desk(
          writer: writer,
          exporter: FileExporter(
            exporter: Exporter(catalog: catalog), author: author,
            folder: FileManager.default.currentDirectoryPath),
          author: author, now: { Int(time(nil)) })
      }
      let history = FileQueryHistory(
        databasePath: catalog.path, environment: ProcessInfo.processInfo.environment)
      let noColor = global.noColor || !(getenv("NO_COLOR").map { $0.pointee == 0 } ?? true)
      var state = AppState(mode: .interactive, screenSize: Size(width: 80, height: 24))
      state.asOf = asOf?.asOf
      state.presenceDays = presenceDays
      let status = try Browser.run(
        state, catalog: catalog, searchCatalog: try? SQLiteCatalog.openReadOnly(at: catalog.path),
        history: history, desk: desk, terminal: CursesOptions(label: "browser"),
        noColor: noColor, ascii: global.ascii)
      if status != 0 { throw ExitCode(status) }
    }
  }
}

/// Runs the browser on the real terminal; shared by `browse` and the kiosk.
enum Browser {
  /// Opens the terminal, runs the session and restores the terminal whatever happens;
  /// the exit status (0, or 128 plus the signal that ended it).
  static func run(
    _ initial: AppState, catalog: any CatalogReading, searchCatalog: (any CatalogReading)?,
    history: (any QueryHistory)?, desk: EffectRunner.Desk? = nil,
    terminal terminalOptions: CursesOptions,
    noColor: Bool, ascii: Bool
  ) throws -> Int32 {
    let mode = initial.mode
    let localeIsUTF8 = CursesLocale.prepare()
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(options: terminalOptions)
    } catch let error as CursesTerminalError {
      throw CommandFailure(error.description, code: ExitStatus.noTerminal)
    }
    defer { terminal.close() }
    let options = RenderOptions(
      theme: noColor || terminal.colorDepth == 0 ? .monochrome : .standard,
      glyphs: ascii || !localeIsUTF8 ? .ascii : .unicode, outlines: BundledOutlines.world)
    var state = initial
    state.windowSize = terminal.size
    // Searches run on their own connection and thread, so typing never waits for one.
    var session = Session(
      state: state, options: options,
      runner: EffectRunner(
        catalog: catalog, history: mode == .interactive ? history : nil,
        desk: mode == .interactive ? desk : nil),
      searchWorker: searchCatalog.map(SearchWorker.init(catalog:)))
    try session.run(on: terminal)
    terminal.close()
    switch terminal.ending {
    case nil:
      return 0
    case .signal(let number):
      return 128 + number
    case .some(let ending):
      // The client is gone or out of time: as for a hang-up, and the operator is told.
      SessionGuard.report(ending.description)
      return 128 + SIGHUP
    }
  }
}

/// Who is at the keyboard: the author of notes and the owner of pins.
enum Analyst {
  /// `$USER`, else the account's name, else `analyst`.
  static func name(_ environment: [String: String]) -> String {
    if let user = environment["USER"], !user.isEmpty { return user }
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return "analyst"
  }
}
