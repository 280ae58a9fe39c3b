import ArgumentParser
import MusterDomain

/// `muster timeline`: events and deployment changes in date order.
struct TimelineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "timeline",
    abstract: "Events and deployment starts and ends in date order, up to a date.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "Show what had happened as of this date (default: everything).")
  var asOf: DateArgument?

  @Option(help: "How many entries at most: the latest ones up to the date.")
  var limit = 100

  @OptionGroup var format: ListingFormat

  func validate() throws {
    try requireNonNegative(("--limit", limit))
  }

  func run() throws {
    try reportingFailures {
      let catalog = try DatabaseLocation.openForReading(global)
      let from = asOf.map { TimelinePosition.before($0.asOf.advanced(by: 1)) }
      let page = try catalog.timeline(
        TimelineQuery(from: from, direction: .backward, limit: limit))
      if format.json {
        try JSONOutput.print(page)
        return
      }
      var table = TextTable()
      for entry in page.entries {
        let date =
          entry.date.precision == .day
          ? "\(entry.date)" : "\(entry.date) (\(entry.date.precision.rawValue))"
        let status = entry.analystStatus == .contested ? "contested" : ""
        table.append([
          date, entry.title, entry.grade.map { "\($0)" } ?? "", status, entry.record.rawValue,
        ])
      }
      for line in table.render() { Console.line(line) }
      if page.hasMore {
        Console.line("(earlier entries not shown; raise --limit)")
      }
    }
  }
}
