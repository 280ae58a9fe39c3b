import ArgumentParser
import Foundation
import MusterDomain
import MusterStore

/// `muster claim`: record, end, hand over, cite and judge positions, each change kept in
/// the history (`muster log`).
struct ClaimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "claim",
    abstract: "Record, end, hand over, cite and judge positions (claims).",
    discussion: """
      Each change is one transaction, signed with $USER (or --author) and the time, and \
      recorded in the history with the claim before and after (`muster log`). A bad value \
      names the flag and what was expected and writes nothing (exit 64); a missing record \
      exits 66; a change the data refuses (an end before the start, a handover to the same \
      actor, a claim inferred from field data) exits 65. With --based-on N (the last \
      history entry of the claim you saw), a claim someone changed since is left alone: \
      it says who and when, and exits 75.

      Actors and sites are named by id (actor:hezbollah) or by any spelling search knows \
      (an alias, another romanisation, Arabic script), when that names one record.
      """,
    subcommands: [
      ClaimAddCommand.self, ClaimEndCommand.self, ClaimHandoverCommand.self,
      ClaimCiteCommand.self, ClaimStatusCommand.self, ClaimGradeCommand.self,
    ])
}

/// What every claim command takes besides its own options.
struct ClaimChangeOptions: ParsableArguments {
  @Option(help: "Sign the change with this name instead of $USER.")
  var author: String?

  @Option(
    help: ArgumentHelp(
      "Refuse the change if the claim changed after this history entry.", valueName: "n"))
  var basedOn: Int64?

  @OptionGroup var format: ListingFormat

  var signature: String { author ?? Analyst.name(ProcessInfo.processInfo.environment) }
}

extension ParsableCommand {
  /// Applies `edit` and prints the history entries it made (or why not).
  func applyClaimEdit(
    _ global: GlobalOptions, _ options: ClaimChangeOptions, at time: Int,
    _ edit: (SQLiteCatalog) throws -> ClaimEdit
  ) throws {
    try reportingFailures {
      let writer = try DatabaseLocation.openWritable(global)
      let changes: [RecordChange]
      do {
        changes = try writer.apply(
          try edit(writer.catalog), by: options.signature, at: time, basedOn: options.basedOn)
      } catch let stale as StaleChange {
        throw CommandFailure(stale.description, code: ExitStatus.conflict)
      }
      if options.format.json {
        try JSONOutput.print(changes)
        return
      }
      for change in changes {
        Console.line("\(change.sequence)  \(change.record)  \(change.summary)")
      }
    }
  }
}

/// `--id`, when given, must be a claim's id.
func validateClaimID(_ id: String?) throws {
  if let id, RecordReference(id)?.kind != .deployment {
    throw ValidationError("--id: '\(id)' is not a claim id, such as deployment:russia-t4")
  }
}

/// A claim's id on the command line.
func claimID(_ text: String) throws -> ID<Deployment> {
  guard RecordReference(text)?.kind == .deployment else {
    throw CommandFailure(
      "'\(text)' is not a claim id; expected deployment:..., as `muster list deployments` shows",
      code: ExitStatus.usage)
  }
  return ID(text)
}

/// The record of `kind` that `text` names: its id, or any spelling search knows when that
/// spelling names one record.
func resolve<T>(_ text: String, as kind: RecordKind, flag: String, in catalog: SQLiteCatalog)
  throws -> ID<T>
{
  if let reference = RecordReference(text), reference.kind == kind {
    guard try catalog.contains(reference) else {
      throw CommandFailure("\(flag): no \(kind.rawValue) \(text)", code: ExitStatus.missingInput)
    }
    return ID(text)
  }
  let hits = try catalog.search(SearchRequest(text: text, kinds: [kind], limit: 20)).hits
    .filter { $0.tier <= .transliteration && $0.tier != .namePrefix && $0.tier != .wordPrefix }
  guard let best = hits.map(\.tier).min() else {
    throw CommandFailure(
      "\(flag): no \(kind.rawValue) is called '\(text)'; give its id or another spelling",
      code: ExitStatus.missingInput)
  }
  let named = Array(Set(hits.filter { $0.tier == best }.map(\.record)))
  guard named.count == 1 else {
    let list = hits.filter { $0.tier == best }.prefix(5).map {
      "\($0.record.rawValue) (\($0.title))"
    }
    throw CommandFailure(
      "\(flag): '\(text)' names \(named.count) \(kind.plural): "
        + list.joined(separator: ", ") + "; give the id", code: ExitStatus.usage)
  }
  return ID(named[0].rawValue)
}

/// A date on a claim: any form `muster` reads, or `early`, `mid`, `late` with a year or
/// month.
struct ClaimDateArgument: ExpressibleByArgument {
  let date: FuzzyDate

  init?(argument: String) {
    guard let date = try? FuzzyDate(parsingAnalystDate: argument) else { return nil }
    self.date = date
  }
}

/// `muster claim add`: a new position, with its evidence.
struct ClaimAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add",
    abstract: "Record that an actor holds a position at a site, with the document that says so.",
    discussion: """
      Example: muster claim add --actor "Russian forces" --site "Imam Ali base" \
      --role control --start 2020-12-20 --document document:nahar-2020-12 --credibility 3
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp("Who (an id or a name).", valueName: "actor"))
  var actor: String

  @Option(help: ArgumentHelp("Where (an id or a name).", valueName: "site"))
  var site: String

  @Option(help: "In what capacity.")
  var role: DeploymentRole = .presence

  @Option(help: "Its state at the start.")
  var status: DeploymentStatus = .present

  @Option(
    help: ArgumentHelp(
      "When it starts: 2020-12-17, 2020-12, 2020, late 2020, early 2020-12.", valueName: "date"))
  var start: ClaimDateArgument

  @Option(help: ArgumentHelp("When it ends, if known.", valueName: "date"))
  var end: ClaimDateArgument?

  @Option(
    help: ArgumentHelp(
      "How many: 2000, 1500-2500, <=2000 or >=500, in --strength-unit.", valueName: "n"))
  var strength: EstimateArgument?

  @Option(help: "What --strength counts.")
  var strengthUnit: StrengthUnit = .personnel

  @Option(help: "How the analysts judge it.")
  var analystStatus: AnalystStatus = .unverified

  @Option(
    help: ArgumentHelp("Its id (default: made from the actor, site and start).", valueName: "id"))
  var id: String?

  @Option(help: "Anything else an analyst should know.")
  var note: String?

  @OptionGroup var evidence: EvidenceOptions
  @OptionGroup var change: ClaimChangeOptions

  func validate() throws {
    try evidence.require(for: "the claim's evidence")
    if let end, end.date.last < start.date.first {
      throw ValidationError("--end \(end.date) is before --start \(start.date)")
    }
    try validateClaimID(id)
    guard analystStatus != .inferred else {
      throw ValidationError("--analyst-status inferred is for positions Muster infers")
    }
  }

  func run() throws {
    let time = Int(time(nil))
    try applyClaimEdit(global, change, at: time) { catalog in
      let actorID: ID<ForceActor> = try resolve(actor, as: .actor, flag: "--actor", in: catalog)
      let siteID: ID<Site> = try resolve(site, as: .site, flag: "--site", in: catalog)
      let (citation, newEvidence) = try evidence.citation(at: time)
      let madeID = Deployment.madeID(actor: actorID, site: siteID, start: start.date)
      return .add(
        Deployment(
          id: id.map { ID($0) } ?? madeID, actor: actorID, site: siteID, role: role,
          status: status,
          strength: strength.map { Strength($0.estimate, unit: strengthUnit) },
          period: ClaimPeriod(
            start: PeriodBound(start.date), end: end.map { PeriodBound($0.date) }),
          analystStatus: analystStatus, note: note, citations: [citation]),
        evidence: newEvidence)
    }
  }
}

/// `muster claim end`: a claim ends on a date.
struct ClaimEndCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "end", abstract: "End a claim on a date.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The claim's id (deployment:...).")
  var claim: String

  @Option(help: ArgumentHelp("The day (or month, or part of a year) it ends.", valueName: "date"))
  var on: ClaimDateArgument

  @OptionGroup var change: ClaimChangeOptions

  func run() throws {
    try applyClaimEdit(global, change, at: Int(time(nil))) { _ in
      .end(try claimID(claim), on: on.date)
    }
  }
}

/// `muster claim handover`: the claim ends and another actor's starts, linked.
struct ClaimHandoverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "handover",
    abstract: "Hand a claim over to another actor: it ends and the successor starts, linked.",
    discussion: """
      The successor holds the same site in the same role from --on, as the Albu Kamal \
      handover does; its evidence is the document given.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The claim's id (deployment:...).")
  var claim: String

  @Option(help: ArgumentHelp("Who takes over (an id or a name).", valueName: "actor"))
  var to: String

  @Option(help: ArgumentHelp("The day it happens.", valueName: "date"))
  var on: ClaimDateArgument

  @Option(help: "The successor's state at the start.")
  var status: DeploymentStatus = .present

  @Option(help: ArgumentHelp("The successor's id (default: made from it).", valueName: "id"))
  var id: String?

  @OptionGroup var evidence: EvidenceOptions
  @OptionGroup var change: ClaimChangeOptions

  func validate() throws {
    try evidence.require(for: "the handover's evidence")
    try validateClaimID(id)
  }

  func run() throws {
    let time = Int(time(nil))
    try applyClaimEdit(global, change, at: time) { catalog in
      let old = try claimID(claim)
      let actorID: ID<ForceActor> = try resolve(to, as: .actor, flag: "--to", in: catalog)
      guard let previous = try catalog.claim(old) else {
        throw CommandFailure("no claim \(claim)", code: ExitStatus.missingInput)
      }
      let (citation, newEvidence) = try evidence.citation(at: time)
      let madeID = Deployment.madeID(actor: actorID, site: previous.site, start: on.date)
      return .handOver(
        old,
        to: Deployment(
          id: id.map { ID($0) } ?? madeID, actor: actorID, site: previous.site,
          role: previous.role, status: status,
          period: ClaimPeriod(start: PeriodBound(on.date)), citations: [citation]),
        evidence: newEvidence)
    }
  }
}
