import ArgumentParser
import MusterDomain

/// `muster reconcile`: records that different datasets name, which matching says are (or
/// may be) the same actor or place, with the evidence.
struct ReconcileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reconcile",
    abstract: "List actors and places that different datasets name and that may be one.",
    discussion: """
      Compares each actor and place an ACLED or UCDP import made with the records of the \
      other datasets (and the bundled or analysts' own) that share a name, an alias or a \
      transliteration key with it, by the rules in docs/reconciliation.md: the same name, \
      or for a place the same name within 5 km, is certain; the same name in another \
      romanisation, a name one or two letters apart, or a place without coordinates to \
      compare is proposed with a score. ACLED's state forces are read by country and \
      period (a unit after the period is that unit); unidentified armed groups and \
      collectives such as Protesters (Iraq) are never matched. Certain pairs come first, \
      then by score. Reads only: nothing is merged.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "Only records of this kind (actors or sites).")
  var kind: [KindArgument] = []

  @Flag(help: "Only the certain pairs.")
  var certain = false

  @Option(help: "How many pairs at most.")
  var limit = 200

  @OptionGroup var format: ListingFormat

  func validate() throws {
    try requireNonNegative(("--limit", limit))
    for argument in kind where ![.actor, .site].contains(argument.kind) {
      throw ValidationError("--kind must be actors or sites, not \(argument.kind.plural)")
    }
  }

  func run() throws {
    try reportingFailures {
      let catalog = try DatabaseLocation.openForReading(global)
      let kinds = kind.isEmpty ? [RecordKind.actor, .site] : kind.map(\.kind)
      var proposals = try catalog.reconcileProposals(kinds: Set(kinds))
      if certain { proposals = proposals.filter(\.isCertain) }
      let total = proposals.count
      let certainCount = proposals.filter(\.isCertain).count
      proposals = Array(proposals.prefix(limit))
      if format.json {
        try JSONOutput.print(proposals)
        return
      }
      var table = TextTable()
      for proposal in proposals {
        table.append([
          proposal.isCertain ? "certain" : String(Int((proposal.score * 100).rounded())) + "%",
          proposal.first.record.kind.singular,
          Self.describe(proposal.first), "=", Self.describe(proposal.second), proposal.reason,
        ])
      }
      for line in table.render() { Console.line(line) }
      Console.line(
        "\(total) pair\(total == 1 ? "" : "s"): \(certainCount) certain, "
          + "\(total - certainCount) proposed"
          + (total > proposals.count ? " (\(proposals.count) shown)" : ""))
    }
  }

  /// `Hezbollah (acled, 340 events) actor:acled:hezbollah`.
  static func describe(_ record: ReconcileRecord) -> String {
    "\(record.name) (\(record.dataset), \(record.events) event\(record.events == 1 ? "" : "s")) "
      + record.record.rawValue
  }
}
