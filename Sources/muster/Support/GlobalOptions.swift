import ArgumentParser

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The database file (default: $XDG_DATA_HOME/muster/muster.db).", valueName: "path"),
    completion: .file(extensions: ["db"]))
  var db: String?

  @Flag(name: .long, help: "Do not use colour (also when NO_COLOR is set).")
  var noColor = false

  @Flag(name: .long, help: "Draw with ASCII characters only.")
  var ascii = false
}
