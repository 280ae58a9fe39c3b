import ArgumentParser
import Foundation
import MusterDomain
import MusterImport
import MusterStore

/// The options `muster import` and `muster check` share for ACLED and UCDP exports.
struct EventDatasetOptions: ParsableArguments {
  @Option(
    name: .customLong("date-order"),
    help: ArgumentHelp(
      "How the file writes slash dates such as 05/09/2020: dmy (5 September) or mdy (May 9).",
      discussion: "Needed only when no row settles it (a day above 12)."))
  var dateOrder: DateOrderArgument?

  @Option(
    name: .customLong("max-skipped"),
    help: ArgumentHelp(
      "The most bad rows an import may skip: a share (1%) or a number of rows (20).",
      valueName: "limit"))
  var maxSkipped: SkipLimitArgument = SkipLimitArgument(.fraction(0.01))

  @Flag(
    name: .customLong("allow-skipped"),
    help: "Import the good rows even when more than --max-skipped are bad.")
  var allowSkipped = false

  @Option(help: "Write every bad row's problem to this file.", completion: .file())
  var report: String?

  @Option(
    name: .customLong("source-aliases"),
    help: ArgumentHelp(
      "More outlets known under several names, one a line: canonical name | other names.",
      discussion: "Added to the list Muster ships (SOHR is the Syrian Observatory for Human "
        + "Rights, ...); each source is named by its canonical name, so one outlet is one "
        + "source whichever dataset cites it.", valueName: "file"),
    completion: .file())
  var sourceAliases: String?

  func options(format: EventDatasetFormat, strict: Bool) throws -> EventDatasetImport.Options {
    var aliases = SourceAliases.shipped
    if let sourceAliases {
      do {
        aliases.add(try String(contentsOfFile: sourceAliases, encoding: .utf8))
      } catch {
        throw CommandFailure(
          "cannot read the source aliases \(sourceAliases): \(error.localizedDescription)",
          code: ExitStatus.missingInput)
      }
    }
    return EventDatasetImport.Options(
      format: format, strict: strict, dateOrder: dateOrder?.order, maxSkipped: maxSkipped.limit,
      allowSkipped: allowSkipped, sourceAliases: aliases)
  }
}

/// `dmy` or `mdy`.
struct DateOrderArgument: ExpressibleByArgument {
  let order: DateOrder

  init?(argument: String) {
    guard let order = DateOrder(rawValue: argument.lowercased()) else { return nil }
    self.order = order
  }

  static var allValueStrings: [String] { DateOrder.allCases.map(\.rawValue) }
}

/// `1%`, `0.5%` or `20`.
struct SkipLimitArgument: ExpressibleByArgument {
  let limit: EventDatasetImport.SkipLimit

  init(_ limit: EventDatasetImport.SkipLimit) { self.limit = limit }

  init?(argument: String) {
    if argument.hasSuffix("%") {
      guard let percent = Double(argument.dropLast()), percent >= 0, percent <= 100 else {
        return nil
      }
      limit = .fraction(percent / 100)
    } else {
      guard let rows = Int(argument), rows >= 0 else { return nil }
      limit = .rows(rows)
    }
  }

  var defaultValueDescription: String { limit.description }
}

/// One run of an ACLED or UCDP import, with its problems reported and its summary said.
struct EventDatasetRun {
  let file: String
  let format: EventDatasetFormat
  let options: EventDatasetImport.Options
  let reportPath: String?
  /// Whether every problem goes to stderr when there is no report file (a check), rather
  /// than the first five (an import).
  var showsEveryProblem = false

  /// Imports through `writer`; problems go to the report file or stderr.
  func run(writer: any EventDatasetImporting) throws -> EventDatasetImport.Outcome {
    let reportFile = try reportPath.map { try ReportFile(path: $0) }
    var shown = 0
    let progressBar = Console.isTerminal(2) ? ProgressBar() : nil
    Interruption.install()
    defer { Interruption.restore() }
    do {
      let outcome = try EventDatasetImport.run(
        path: file, options: options, writer: writer,
        report: { problem in
          reportFile?.write(problem.description)
          if reportFile == nil && (showsEveryProblem || shown < 5) {
            progressBar?.clear()
            Console.error(problem.description)
            shown += 1
          }
        },
        progress: { progressBar?.show($0) }, isCancelled: { Interruption.happened })
      progressBar?.clear()
      try reportFile?.finish()
      return outcome
    } catch is EventDatasetImport.Cancelled {
      progressBar?.clear()
      try? reportFile?.discard()
      throw CommandFailure("cancelled; nothing was imported", code: 130)
    } catch let failure as EventDatasetImport.TooManySkipped {
      progressBar?.clear()
      // The report lists the rows that made the import fail: it is kept.
      try? reportFile?.finish()
      let outcome = failure.outcome
      Console.error(
        "\(Estimate.grouped(outcome.rowsRead)) rows read, "
          + "\(Estimate.grouped(outcome.summary.skipped)) skipped\(Self.reasons(outcome))"
          + Self.details(outcome, reportPath: reportPath))
      throw CommandFailure(failure.description, code: ExitStatus.badData)
    } catch let failure as ImportProblems {
      progressBar?.clear()
      try? reportFile?.finish()
      // The first problems lead the failure's list; those already shown are not repeated.
      throw ImportProblems(
        Array(failure.problems.dropFirst(min(shown, failure.problems.count - 1))))
    } catch {
      progressBar?.clear()
      try? reportFile?.finish()
      throw error
    }
  }

  /// `1,204 rows read: 1,190 imported, 3 merged into the event of an earlier row, 11
  /// skipped (8 invalid event_date, 3 duplicate id)`; `imported` is the participle.
  static func describeRows(_ outcome: EventDatasetImport.Outcome, imported: String) -> String {
    let summary = outcome.summary
    var line =
      "\(Estimate.grouped(outcome.rowsRead)) rows read: \(Estimate.grouped(summary.imported)) "
      + imported
    if summary.merged > 0 {
      line += ", \(Estimate.grouped(summary.merged)) merged into the event of an earlier row"
    }
    return line + ", \(Estimate.grouped(summary.skipped)) skipped" + reasons(outcome)
  }

  /// ` (8 invalid event_date, 3 duplicate id)`, or nothing.
  static func reasons(_ outcome: EventDatasetImport.Outcome) -> String {
    guard !outcome.skippedByReason.isEmpty else { return "" }
    return " ("
      + outcome.skippedByReason.map { "\(Estimate.grouped($0.count)) \($0.reason)" }
      .joined(separator: ", ") + ")"
  }

  static func details(_ outcome: EventDatasetImport.Outcome, reportPath: String?) -> String {
    outcome.summary.skipped > 0 ? "; details: \(reportPath ?? "--report FILE")" : ""
  }

  /// Prints the summary lines and the file's warnings.
  static func printSummary(
    _ outcome: EventDatasetImport.Outcome, into place: String, imported: String,
    reportPath: String?
  ) {
    let summary = outcome.summary
    for warning in outcome.warnings { Console.error("warning: \(warning)") }
    Console.line(
      describeRows(outcome, imported: imported) + details(outcome, reportPath: reportPath))
    Console.line(
      "  \(Estimate.grouped(summary.inserted)) new, \(Estimate.grouped(summary.updated)) updated, "
        + "\(Estimate.grouped(summary.unchanged)) unchanged; \(summary.newActors) new actors, "
        + "\(summary.newSites) new sites, \(summary.newSources) new sources; "
        + "\(outcome.format.rawValue.uppercased()) \(place)")
    if summary.joined > 0 {
      Console.line(
        "  \(summary.joined) of them merged into the same actor or place of another dataset "
          + "(see muster reconcile; --split undoes a merge)")
    }
  }
}
