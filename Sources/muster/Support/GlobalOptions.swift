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

/// How a listing prints: a table, or JSON for scripts.
struct ListingFormat: ParsableArguments {
  @Flag(help: "Print JSON instead of a table.")
  var json = false
}

/// `--limit` and `--offset` must not be negative.
func requireNonNegative(_ values: (name: String, value: Int)...) throws {
  for (name, value) in values where value < 0 {
    throw ValidationError("\(name) must not be negative")
  }
}
