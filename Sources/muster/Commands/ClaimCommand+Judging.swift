import ArgumentParser
import Foundation
import MusterDomain

/// `muster claim cite`: another document that makes the claim.
struct ClaimCiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cite", abstract: "Add a document that makes a claim (its grade follows).")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The claim's id (deployment:...).")
  var claim: String

  @OptionGroup var evidence: EvidenceOptions
  @OptionGroup var change: ClaimChangeOptions

  func validate() throws {
    try evidence.require(for: "the document to cite")
  }

  func run() throws {
    let time = Int(time(nil))
    try applyClaimEdit(global, change, at: time) { _ in
      let (citation, newEvidence) = try evidence.citation(at: time)
      return .cite(try claimID(claim), citation, evidence: newEvidence)
    }
  }
}

/// `muster claim status`: how the analysts judge a claim.
struct ClaimStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Accept, contest or reject a claim (or mark it unverified).",
    discussion: """
      A claim inferred from field data can be accepted as it is or rejected (inferred puts \
      it back); a rejected claim is listed but holds nothing. The judgement of an inferred \
      claim outlives the next import that derives it again.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The claim's id (deployment:...).")
  var claim: String

  @Argument(help: "accepted, contested, rejected, unverified (or inferred).")
  var status: AnalystStatus

  @OptionGroup var change: ClaimChangeOptions

  func run() throws {
    try applyClaimEdit(global, change, at: Int(time(nil))) { _ in
      .setStatus(try claimID(claim), status)
    }
  }
}

/// `muster claim grade`: how credible one of its documents makes a claim.
struct ClaimGradeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Change how credible one of its documents makes a claim (1 to 6).")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The claim's id (deployment:...).")
  var claim: String

  @Option(help: ArgumentHelp("The cited document.", valueName: "document-id"))
  var document: String

  @Option(help: ArgumentHelp("1 (confirmed) to 6 (cannot be judged).", valueName: "1-6"))
  var credibility: Credibility

  @OptionGroup var change: ClaimChangeOptions

  func validate() throws {
    guard RecordReference(document)?.kind == .document else {
      throw ValidationError("--document: '\(document)' is not a document id, such as document:x")
    }
  }

  func run() throws {
    try applyClaimEdit(global, change, at: Int(time(nil))) { _ in
      .regrade(try claimID(claim), document: ID(document), credibility)
    }
  }
}

/// A strength on the command line: `2000`, `1500-2500`, `<=2000`, `>=500`.
struct EstimateArgument: ExpressibleByArgument {
  let estimate: Estimate

  init?(argument: String) {
    let text = argument.trimmingASCIIWhitespace().replacingOccurrences(of: ",", with: "")
    func number(_ part: some StringProtocol) -> Int? {
      Int(part).flatMap { $0 >= 0 ? $0 : nil }
    }
    if text.hasPrefix("<="), let high = number(text.dropFirst(2)) {
      estimate = Estimate(high: high)
    } else if text.hasPrefix(">="), let low = number(text.dropFirst(2)) {
      estimate = Estimate(low: low)
    } else if let best = number(text) {
      estimate = Estimate(best: best)
    } else {
      let parts = text.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2, let low = number(parts[0]), let high = number(parts[1]), low <= high
      else { return nil }
      estimate = Estimate(low: low, high: high)
    }
  }
}

extension StrengthUnit: ExpressibleByArgument {}
