import ArgumentParser
import Foundation
import MusterImport
import MusterStore

/// `muster check FILE`: validates a dataset, or dry-runs an ACLED or UCDP import; writes
/// nothing.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract:
      "Validate a dataset or dry-run an ACLED or UCDP import; list every problem as "
      + "FILE:LINE:COLUMN; write nothing.",
    discussion: """
      Native datasets: references to records that are not in the file are looked up in the \
      database (--db) when it exists; it is opened read-only and never created. Exits 65 \
      when there are problems.

      ACLED and UCDP exports: the file is imported into a scratch database in $TMPDIR, \
      removed afterwards, exactly as `muster import` would import it (same options); every \
      bad row is listed, then the summary the import would print. Your database is not \
      opened. Exits 65 when the import would fail (nothing importable, or more than \
      --max-skipped bad rows).
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The file to check.", completion: .file())
  var file: String

  @Option(help: "The file's format (default: detected).")
  var format: ImportFormat?

  @OptionGroup(title: "ACLED and UCDP exports") var exportOptions: EventDatasetOptions

  func run() throws {
    try reportingFailures {
      guard FileManager.default.fileExists(atPath: file) else {
        throw CommandFailure("\(file): no such file", code: ExitStatus.missingInput)
      }
      switch try format ?? ImportFormat.detect(file) {
      case .dataset: try checkDataset()
      case .acled: try dryRun(.acled)
      case .ucdp: try dryRun(.ucdp)
      }
    }
  }

  func checkDataset() throws {
    let text = try InputFile.read(file)
    let path = try DatabaseLocation.path(global)
    let catalog =
      FileManager.default.fileExists(atPath: path)
      ? try SQLiteCatalog.openReadOnly(at: path) : nil
    let result = DatasetReader.read(text, file: file) { reference in
      (try? catalog?.contains(reference)) ?? false
    }
    guard result.problems.isEmpty else { throw ImportProblems(result.problems) }
    Console.line("\(file): ok, \(result.dataset.recordCount) records")
  }

  /// Imports into a scratch database that is removed afterwards; every problem is listed
  /// (to the report file when one is named).
  func dryRun(_ format: EventDatasetFormat) throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let writer = try SQLiteCatalog.openWritable(at: scratch.path + "/check.db")
    var options = try exportOptions.options(format: format, strict: false)
    options.format = format
    let run = EventDatasetRun(
      file: file, format: format, options: options, reportPath: exportOptions.report,
      showsEveryProblem: true)
    let outcome = try run.run(writer: writer)
    EventDatasetRun.printSummary(
      outcome, into: "checked; nothing was written", imported: "importable",
      reportPath: exportOptions.report)
  }
}

/// A private folder in `$TMPDIR`, for work that must leave nothing behind.
struct ScratchFolder {
  let path: String

  init() throws {
    let base =
      ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 }
      ?? "/tmp"
    var template = Array("\(base)/muster-check-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw CommandFailure(
        "cannot make a scratch folder in \(base): \(String(cString: strerror(errno)))",
        code: ExitStatus.ioError)
    }
    path = String(cString: made)
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
