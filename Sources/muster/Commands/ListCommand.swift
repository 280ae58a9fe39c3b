import ArgumentParser
import MusterDomain

/// `muster list KIND`: one page of records of one kind.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List actors, sites, deployments, events, sources, documents, relations or notes.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "What to list: actors, sites, deployments, events, sources, documents, ...")
  var kind: KindArgument

  @Option(
    help:
      "Describe state as of this date (default: the end of the data); events after it are left out."
  )
  var asOf: DateArgument?

  @Flag(help: "Most recent first instead of by name (events: newest first).")
  var recent = false

  @Option(help: "How many rows at most.")
  var limit = 1000

  @Option(help: "How many rows to skip.")
  var offset = 0

  @OptionGroup var format: ListingFormat

  func validate() throws {
    try requireNonNegative(("--limit", limit), ("--offset", offset))
  }

  func run() throws {
    try reportingFailures {
      let catalog = try DatabaseLocation.openForReading(global)
      let day = try defaultAsOf(catalog, asOf)
      var query = EntityQuery(
        kind: kind.kind, order: recent ? .recent : .name, asOf: day, offset: offset, limit: limit)
      // Events after the day had not happened yet: left out, as the timeline leaves them.
      query.endsAtAsOf = asOf != nil
      let page = try catalog.entities(query)
      if format.json {
        try JSONOutput.print(page)
        return
      }
      var table = TextTable()
      let isDated = [.event, .deployment, .document, .relation].contains(kind.kind)
      for row in page.rows {
        let date = isDated ? [row.date.map { "\($0)" } ?? ""] : []
        table.append(
          date + [
            row.title, row.category, row.fact, row.grade.map { "\($0)" } ?? "",
            row.record.rawValue,
          ])
      }
      for line in table.render() { Console.line(line) }
      let shown = page.rows.count
      let asOfText = day.map { " as of \($0)" } ?? ""
      Console.line(
        "\(shown) of \(page.total) \(kind.kind.plural)\(asOfText)"
          + (page.offset + shown < page.total ? " (more with --offset \(page.offset + shown))" : "")
      )
    }
  }
}
