import ArgumentParser
import MusterDomain

/// Opens the browser (bare `muster` runs this).
struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse", abstract: "Open the browser on the database (the default command).")

  @OptionGroup var global: GlobalOptions

  func run() throws {
    try reportingFailures {
      let catalog = try DatabaseLocation.openForReading(global)
      let summary = try catalog.summary()
      Console.line("The browser arrives in a later version; meanwhile, this database holds:")
      Console.line("")
      Console.line(SummaryText.lines(summary, path: catalog.path).joined(separator: "\n"))
    }
  }
}

/// A database's summary as text.
enum SummaryText {
  static func lines(_ summary: CatalogSummary, path: String) -> [String] {
    var lines = ["\(summary.title ?? "Muster database")  (\(path))"]
    var table = TextTable()
    for kind in RecordKind.allCases {
      table.append(["  \(kind.plural)", "\(summary.count(of: kind))"])
    }
    lines += table.render()
    if let span = summary.span {
      lines.append("  from \(span.first) to \(span.last)")
    }
    return lines
  }
}
