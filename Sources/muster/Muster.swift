import ArgumentParser
import Foundation
import MusterCurses

/// `muster`: a terminal browser for force deployments.
@main
struct Muster: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "muster",
    abstract: "Browse who holds which position, since when, according to whom.",
    discussion: """
      With no command, opens the browser on the database. The default database is \
      $XDG_DATA_HOME/muster/muster.db (~/.local/share/muster/muster.db), created from the \
      bundled dataset on first use.

      Exit codes: 0 success, 64 usage, 65 bad data, 66 missing input, 69 no usable \
      terminal, 74 I/O error, 75 changed meanwhile (reload and retry), 128+N ended by \
      signal N.
      """,
    version: "muster \(version)",
    subcommands: [
      BrowseCommand.self, ImportCommand.self, CheckCommand.self, ListCommand.self,
      ShowCommand.self, TimelineCommand.self, ChangesCommand.self, SearchCommand.self,
      ExportCommand.self, ClaimCommand.self, ActorCommand.self, SiteCommand.self,
      AliasCommand.self, MergeCommand.self, SplitCommand.self, LogCommand.self, UndoCommand.self,
      NoteCommand.self, ReconcileCommand.self, RenderCommand.self, KeysCommand.self,
      KioskCommand.self, SSHConfigCommand.self,
    ],
    defaultSubcommand: BrowseCommand.self)

  @OptionGroup var global: GlobalOptions

  /// Runs the command line.
  ///
  /// Past a file-size limit (`ulimit -f`) a write fails with an error the command reports
  /// and rolls back, instead of SIGXFSZ ending the process.
  ///
  /// With a terminal on either side, a crash reports to the system log and says one plain
  /// line, never running the runtime's interactive backtracer on the user's terminal
  /// (`SessionGuard`); without one (scripts, pipes) the runtime's own report goes to
  /// standard error.
  static func main() {
    signal(SIGXFSZ, SIG_IGN)
    if isatty(STDIN_FILENO) == 1 || isatty(STDOUT_FILENO) == 1 {
      SessionGuard.installCrashHandling()
    }
    main(nil)
  }
}
