import ArgumentParser
import MusterDomain
import MusterUI

/// `muster show ID`: everything about one record.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one record: its fields, state as of a date, claims with sources and grades.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The record's id, such as site:imam-ali-base.")
  var id: String

  @Option(help: "Describe state as of this date (default: the end of the data).")
  var asOf: DateArgument?

  @Option(
    help:
      "How many days up to the date count as \"seen here\" (actors at a site, sites of an actor).")
  var presenceDays = Presence.defaultWindow

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func validate() throws {
    guard (1...3650).contains(presenceDays) else {
      throw ValidationError("--presence-days must be from 1 to 3650, not \(presenceDays)")
    }
  }

  func run() throws {
    try reportingFailures {
      guard let record = RecordReference(id) else {
        throw CommandFailure(
          "'\(id)' is not a record id; expected a kind and a name, such as site:albu-kamal "
            + "(kinds: \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")))",
          code: ExitStatus.usage)
      }
      let catalog = try DatabaseLocation.openForReading(global)
      let day = try defaultAsOf(catalog, asOf)
      guard let detail = try catalog.detail(of: record, asOf: day, presenceDays: presenceDays)
      else {
        throw CommandFailure("no record \(id) in \(catalog.path)", code: ExitStatus.missingInput)
      }
      if json {
        try JSONOutput.print(detail)
        return
      }
      Console.line("\(id)")
      for line in DetailFormatter(asOf: day, presenceDays: presenceDays).lines(for: detail) {
        Console.line(line.plainText)
      }
    }
  }
}
