import ArgumentParser
import Foundation
import MusterDomain
import MusterExport

/// `muster export`: records in a file format.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write records out: the native dataset, JSON, ACLED CSV, GeoJSON or a brief.",
    discussion: """
      --format dataset (YAML) and json write records in Muster's native dataset format, \
      with every record they refer to, so `muster import` reads them back into an empty \
      database. csv writes events as an ACLED export (31 columns); an event imported from \
      ACLED comes back as its own row. geojson writes located sites as points with who \
      holds them, in what status and how well graded, as of --as-of. markdown writes a \
      brief of one site or actor (the first --query matches): its state as of the date, \
      its claims in date order with sources and grades, its relations.

      --query takes the search syntax (words, "phrases", actor: site: kind: since: until: \
      grade:) or a record id; without it every record is exported. Files are written \
      atomically (a temporary file, then a rename) and an existing file is never replaced \
      without --force.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "The format: dataset, json, csv, geojson or markdown.")
  var format: ExportFormat = .dataset

  @Option(help: "Only the records this search finds (or this record id).")
  var query: String?

  @Option(help: "Describe state as of this date (default: the end of the data).")
  var asOf: DateArgument?

  @Option(name: .shortAndLong, help: "The file to write (default: standard output).")
  var output: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  func run() throws {
    try reportingFailures {
      let catalog = try DatabaseLocation.openForReading(global)
      let exporter = Exporter(catalog: catalog)
      var selection = ExportSelection.everything
      if let query {
        if let record = RecordReference(query), try catalog.contains(record) {
          selection = .records([record])
        } else {
          let parsed: SearchQuery
          do {
            parsed = try SearchQuery.parse(query)
          } catch {
            throw CommandFailure("--query: \(error)", code: ExitStatus.usage)
          }
          selection = .records(try exporter.records(matching: parsed))
        }
      }
      let day = try defaultAsOf(catalog, asOf)
      let (text, left) = try exporter.text(format, selection, asOf: day)
      if left > 0 {
        Console.error(
          "\(left) record\(left == 1 ? "" : "s") found \(left == 1 ? "is" : "are") not "
            + (format == .csv ? "events" : "located sites")
            + " and \(left == 1 ? "is" : "are") left out; --format json holds every kind")
      }
      guard let output else {
        Console.raw(text)
        return
      }
      try ExportFile.write(text, to: output, replacing: force)
      Console.line("wrote \(output)")
    }
  }
}

extension ExportFormat: ExpressibleByArgument {}
