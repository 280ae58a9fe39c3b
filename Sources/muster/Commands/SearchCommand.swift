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

      Ranking: a name equal to the words (spelled any way), then an alias, then names they \
      start, then names with a later word they start, then names the words spell under \
      the transliteration key (another romanisation: Dayr al-Zawr for Deir ez-Zor, Ghods \
      for Quds; or another script: الرقة for Raqqa), then close misspellings of name \
      words (one edit for words of 4-7 letters, two above), then records whose text holds \
      every word (from the third letter on as a prefix, or as another spelling of a name \
      word). Ties go to the most recent. Results come grouped by kind, the group with the \
      best hit first, as in the browser. --explain shows each hit's tier and the name it \
      matched, and the query's keys.

      A query that cannot be read is an error naming its column (exit status 64).
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "What to look for.")
  var query: String

  @Option(help: "Only records of this kind (actors, sites, events, ...).")
  var kind: [KindArgument] = []

  @Option(help: "How many hits at most.")
  var limit = 50

  @Flag(help: "Show each hit's tier and the name or alias it matched, and the query's keys.")
  var explain = false

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
      if explain {
        let words = parsed.words.joined(separator: " ")
        Console.line("folded: " + SearchKey.compactAlternatives(words).joined(separator: ", "))
        Console.line(
          "keys: "
            + TransliterationKey.queryKeys(words).map(TransliterationKey.display)
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            .joined(separator: ", "))
      }
      var table = TextTable()
      for hit in results.hits {
        var row = [
          hit.record.kind.singular, hit.title, hit.category, hit.grade.map { "\($0)" } ?? "",
          hit.snippet == hit.title ? "" : hit.snippet, hit.record.rawValue,
        ]
        if explain {
          row.insert(hit.tier.name, at: 0)
          row[5] = hit.matched?.phrase(for: hit.tier) ?? ""
        }
        table.append(row)
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
