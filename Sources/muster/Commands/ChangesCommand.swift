import ArgumentParser
import MusterDomain

/// `muster changes`: what moved between two dates.
struct ChangesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "changes",
    abstract: "What moved between two dates: control gained and lost, bases, actors appearing "
      + "or going quiet, each with its evidence.",
    discussion: """
      Lists changes after --from up to and including --to: positions that began or ended \
      (analysts' claims and positions inferred from ACLED territory events, marked ~), and \
      actors seen at a place as of --to but not as of --from, or the other way round, by \
      the presence window. See docs/inference.md.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "The date before the changes (as of its last day).")
  var from: DateArgument

  @Option(help: "The last date of the changes (as of its last day; default: the end of the data).")
  var to: DateArgument?

  @Option(help: "Only at this site (an id such as site:albu-kamal).")
  var site: String?

  @Option(help: "Only of this actor (an id such as actor:hezbollah).")
  var actor: String?

  @Option(help: "How many days of events put an actor at a place.")
  var presenceDays = Presence.defaultWindow

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func validate() throws {
    guard (1...3650).contains(presenceDays) else {
      throw ValidationError("--presence-days must be from 1 to 3650, not \(presenceDays)")
    }
    for (name, id, kind) in [("--site", site, RecordKind.site), ("--actor", actor, .actor)] {
      if let id, RecordReference(id)?.kind != kind {
        throw ValidationError(
          "\(name) '\(id)' is not a \(kind.rawValue) id, such as \(kind.rawValue):name")
      }
    }
  }

  func run() throws {
    try reportingFailures {
      let catalog = try DatabaseLocation.openForReading(global)
      let end = try defaultAsOf(catalog, to) ?? from.asOf
      guard from.asOf < end else {
        throw CommandFailure(
          "--from \(from.asOf) is not before --to \(end); expected an earlier --from",
          code: ExitStatus.usage)
      }
      let changes = try catalog.changes(
        ChangesQuery(
          from: from.asOf, to: end, site: site.map { ID($0) }, actor: actor.map { ID($0) },
          presenceDays: presenceDays))
      if json {
        try JSONOutput.print(changes)
        return
      }
      // One line a change, the kind padded to its longest name; the rest as it comes (a
      // month of a million events moves thousands: aligning every column costs more than
      // it helps).
      let kindWidth = PositionChange.Kind.allCases.map(\.rawValue.count).max() ?? 0
      var lines: [String] = []
      for change in changes {
        let kind = change.kind.rawValue
        var line =
          "\(change.day)  " + kind + String(repeating: " ", count: max(0, kindWidth - kind.count))
        line +=
          "  " + (change.isInferred ? "~" : "") + "\(change.actor.title) at \(change.site.title)"
        let notes = [change.detail, change.isInferred ? "inferred" : nil].compactMap { $0 }
        if !notes.isEmpty { line += "  (" + notes.joined(separator: ", ") + ")" }
        if let grade = change.grade { line += "  \(grade)" }
        if !change.evidence.isEmpty {
          line += "  " + change.evidence.map(\.record.rawValue).joined(separator: ", ")
        }
        lines.append(line)
      }
      // One write for them all (sanitised line by line all the same).
      Console.lines(lines)
      Console.line(
        "\(changes.count) change\(changes.count == 1 ? "" : "s") after \(from.asOf) to \(end)")
    }
  }
}
