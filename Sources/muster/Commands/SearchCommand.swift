import ArgumentParser
import MusterDomain

/// `muster search QUERY`: the browser's search, on the command line.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Find records by any spelling of a name, or by words in their text.",
    discussion: """
      Ranking: a name or alias equal to the query (spelled any way), then names it starts,
      then names with a later word it starts, then records whose text holds every word.
      Ties go to the most recent.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "What to look for.")
  var query: String

  @Option(help: "Only records of this kind (actors, sites, events, ...).")
  var kind: [KindArgument] = []

  @Option(help: "How many hits at most.")
  var limit = 50

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func validate() throws {
    guard limit >= 0 else { throw ValidationError("--limit must not be negative") }
  }

  func run() throws {
    try reportingFailures {
      let catalog = try DatabaseLocation.openForReading(global)
      let results = try catalog.search(
        SearchRequest(text: query, kinds: Set(kind.map(\.kind)), limit: limit))
      if json {
        try JSONOutput.print(results)
        return
      }
      var table = TextTable()
      for hit in results.hits {
        table.append([
          hit.record.kind.singular, hit.title, hit.category, hit.grade.map { "\($0)" } ?? "",
          hit.snippet == hit.title ? "" : hit.snippet, hit.record.rawValue,
        ])
      }
      for line in table.render() { Console.line(line) }
      let counts = RecordKind.allCases.compactMap { kind in
        results.counts[kind].map { "\($0) \($0 == 1 ? kind.singular : kind.plural)" }
      }
      Console.line(
        "\(results.total) match\(results.total == 1 ? "" : "es")"
          + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")))
    }
  }
}
