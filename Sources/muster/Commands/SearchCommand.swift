import ArgumentParser
import MusterDomain

/// `muster search QUERY`: the browser's search, on the command line.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Find records by any spelling of a name, or by words in their text.",
    discussion: """
      The query is words, "quoted phrases" and filters, all of which must hold: \
      actor:NAME, site:NAME (and the sites inside it), kind:KIND (a record kind or an \
      event kind such as strike or statement), since:DATE, until:DATE (2020-12-17, \
      2020-12, 2020) and grade:GRADE (B2, <=C3, A-C, 1-3). A filter alone lists what \
      passes it, newest first.

      Ranking: a name or alias equal to the words (spelled any way), then names they \
      start, then names with a later word they start, then records whose text holds every \
      word (from the third letter on as a prefix). Ties go to the most recent. Results \
      come grouped by kind, the group with the best hit first, as in the browser.

      A query that cannot be read is an error naming its column (exit status 64).
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "What to look for.")
  var query: String

  @Option(help: "Only records of this kind (actors, sites, events, ...).")
  var kind: [KindArgument] = []

  @Option(help: "How many hits at most.")
  var limit = 50

  @OptionGroup var format: ListingFormat

  func validate() throws {
    try requireNonNegative(("--limit", limit))
  }

  func run() throws {
    try reportingFailures {
      let parsed: SearchQuery
      do {
        parsed = try SearchQuery.parse(query)
      } catch {
        throw CommandFailure("query: \(error)", code: ExitStatus.usage)
      }
      let catalog = try DatabaseLocation.openForReading(global)
      let results = try catalog.search(
        SearchRequest(query: parsed, kinds: Set(kind.map(\.kind)), limit: limit))
      if format.json {
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
      let counts = SearchGroup.allCases.compactMap { group in
        results.groupCounts[group].map { "\($0) \(group.title.lowercased())" }
      }
      Console.line(
        "\(results.total) match\(results.total == 1 ? "" : "es")"
          + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")))
    }
  }
}
