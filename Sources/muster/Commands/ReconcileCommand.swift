import ArgumentParser
import Foundation
import MusterDomain
import MusterStore

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
      then by score; each is named FIRST=SECOND.

      --accept FIRST=SECOND merges the pair: the analysts' record is kept (else the one \
      with more events); the other's events, positions, relations, notes and pins move to \
      it and its names become aliases. --accept-all-above SCORE merges every listed pair \
      scored at least SCORE (certain pairs score 1). --reject FIRST=SECOND hides a pair \
      for good. --split ID undoes the merge of the record ID, restoring both records and \
      their links. A re-import of a merged record's dataset finds the record kept.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "Only records of this kind (actors or sites).")
  var kind: [KindArgument] = []

  @Flag(help: "Only the certain pairs.")
  var certain = false

  @Option(help: "How many pairs at most.")
  var limit = 200

  @Option(help: ArgumentHelp("Merge this pair.", valueName: "first=second"))
  var accept: [String] = []

  @Option(help: ArgumentHelp("Hide this pair for good.", valueName: "first=second"))
  var reject: [String] = []

  @Option(
    help: ArgumentHelp("Merge every listed pair scored at least this (0-1).", valueName: "score"))
  var acceptAllAbove: Double?

  @Option(help: ArgumentHelp("Undo the merge of this record.", valueName: "id"))
  var split: [String] = []

  @Flag(help: "List the merges in force instead: merged record, record kept, why, who, when.")
  var merges = false

  @Option(help: "Sign reviews and merges with this name instead of $USER.")
  var author: String?

  @OptionGroup var format: ListingFormat

  var isWriting: Bool {
    !accept.isEmpty || !reject.isEmpty || acceptAllAbove != nil || !split.isEmpty
  }

  func validate() throws {
    try requireNonNegative(("--limit", limit))
    if let score = acceptAllAbove, !(0...1).contains(score) {
      throw ValidationError("--accept-all-above must be a score from 0 to 1, not \(score)")
    }
    for pair in accept + reject where Self.pair(pair) == nil {
      throw ValidationError(
        "'\(pair)' is not a pair; expected two record ids joined by =, such as "
          + "actor:hezbollah=actor:ucdp:hezbollah")
    }
    for id in split where RecordReference(id) == nil {
      throw ValidationError("--split: '\(id)' is not a record id, such as site:albu-kamal")
    }
    for argument in kind where ![.actor, .site].contains(argument.kind) {
      throw ValidationError("--kind must be actors or sites, not \(argument.kind.plural)")
    }
  }

  /// `first=second` as two references of the same kind.
  static func pair(_ text: String) -> (RecordReference, RecordReference)? {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let first = RecordReference(parts[0]),
      let second = RecordReference(parts[1]), first.kind == second.kind
    else { return nil }
    return (first, second)
  }

  func run() throws {
    try reportingFailures {
      if isWriting {
        try write()
        return
      }
      let catalog = try DatabaseLocation.openForReading(global)
      if merges {
        try listMerges(catalog)
        return
      }
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

  /// `--merges`: one line a merge, newest first.
  func listMerges(_ catalog: SQLiteCatalog) throws {
    let found = try catalog.merges()
    if format.json {
      try JSONOutput.print(found)
      return
    }
    var table = TextTable()
    for merge in found {
      table.append([
        merge.merged, "→", merge.kept, merge.reason, merge.author,
        Timestamp.format(merge.createdAt),
      ])
    }
    for line in table.render() { Console.line(line) }
    Console.line("\(found.count) merge\(found.count == 1 ? "" : "s")")
  }

  /// The merges, splits and reviews asked for, in that order: splits, rejections, merges.
  func write() throws {
    let writer = try DatabaseLocation.openWritable(global)
    let signer = author ?? Analyst.name(ProcessInfo.processInfo.environment)
    let now = Int(time(nil))
    for id in split {
      guard let record = RecordReference(id) else { continue }
      guard let kept = try writer.split(record, by: signer, at: now) else { continue }
      Console.line("split \(record.rawValue) from \(kept.rawValue)")
    }
    for text in reject {
      guard let (first, second) = Self.pair(text) else { continue }
      try writer.review(first, second, decision: "rejected", author: signer, at: now)
      Console.line("rejected \(text)")
    }
    var pairs = accept.compactMap(Self.pair)
    if let score = acceptAllAbove {
      let kinds = kind.isEmpty ? [RecordKind.actor, .site] : kind.map(\.kind)
      for proposal in try writer.catalog.reconcileProposals(kinds: Set(kinds))
      where proposal.score >= score {
        let kept = proposal.keeper.record
        let other = kept == proposal.first.record ? proposal.second.record : proposal.first.record
        pairs.append((kept, other))
      }
    }
    var merged: Set<RecordReference> = []
    for (first, second) in pairs {
      // A record already merged in this run is not merged again.
      guard !merged.contains(first), !merged.contains(second) else { continue }
      let (kept, other) = try keeperFirst(first, second, in: writer.catalog)
      try writer.merge(other, into: kept, reason: "accepted", author: signer, at: now)
      merged.insert(other)
      Console.line("merged \(other.rawValue) into \(kept.rawValue)")
    }
  }

  /// The pair with the record to keep first: as the listing would keep it.
  func keeperFirst(_ first: RecordReference, _ second: RecordReference, in catalog: SQLiteCatalog)
    throws -> (RecordReference, RecordReference)
  {
    for proposal in try catalog.reconcileProposals(kinds: [first.kind])
    where Set([proposal.first.record, proposal.second.record]) == Set([first, second]) {
      let kept = proposal.keeper.record
      return (kept, kept == first ? second : first)
    }
    return (first, second)
  }

  /// `Hezbollah (acled, 340 events) actor:acled:hezbollah`.
  static func describe(_ record: ReconcileRecord) -> String {
    "\(record.name) (\(record.dataset), \(record.events) event\(record.events == 1 ? "" : "s")) "
      + record.record.rawValue
  }
}
