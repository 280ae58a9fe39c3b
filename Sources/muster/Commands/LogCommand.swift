import ArgumentParser
import Foundation
import MusterDomain

/// `muster log`: the history of changes, newest first.
struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "List the history: who changed which record when (claims, imports).",
    discussion: """
      One line a change, newest first: its number, when (UTC), who, what and the record. \
      --json adds each record's values before and after. A change's number is what \
      `muster claim ... --based-on` takes.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("Only changes on or after this day.", valueName: "date"))
  var since: DateArgument?

  @Option(
    help: ArgumentHelp("Only changes of this record (an id, or an imported file).", valueName: "id")
  )
  var record: String?

  @Option(help: "How many changes at most.")
  var limit = 200

  @OptionGroup var format: ListingFormat

  func validate() throws {
    try requireNonNegative(("--limit", limit))
  }

  func run() throws {
    try reportingFailures {
      let catalog = try DatabaseLocation.openForReading(global)
      let changes = try catalog.changeLog(
        ChangeLogQuery(
          since: since.map { $0.date.first.daysSinceEpoch * 86_400 }, record: record,
          limit: limit))
      if format.json {
        try JSONOutput.print(changes)
        return
      }
      Console.lines(
        changes.map {
          "\($0.sequence)  \(Timestamp.format($0.time))  \($0.author)  \($0.action)  "
            + "\($0.record)  \($0.summary)"
        })
      Console.line("\(changes.count) change\(changes.count == 1 ? "" : "s")")
    }
  }
}

/// `muster undo`: your own last change, undone.
struct UndoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo",
    abstract: "Undo your own last change (a claim, an actor, site or alias added).",
    discussion: """
      Each record the change wrote goes back to what it was, and a record it made is \
      removed, in one transaction recorded in the history as an undo (`u` in the browser \
      does the same). Run again to undo the change before. An import cannot be undone and \
      a merge is undone with `muster split`; a record someone changed since is left alone \
      (exit 75, saying who and when).
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "Undo this analyst's last change instead of $USER's.")
  var author: String?

  @OptionGroup var format: ListingFormat

  func run() throws {
    try reportingFailures {
      let writer = try DatabaseLocation.openWritable(global)
      do {
        try printChanges(
          try writer.undoLast(
            by: author ?? Analyst.name(ProcessInfo.processInfo.environment), at: Int(time(nil))),
          json: format.json)
      } catch let stale as StaleChange {
        throw CommandFailure(stale.description, code: ExitStatus.conflict)
      }
    }
  }
}
