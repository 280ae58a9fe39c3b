import ArgumentParser
import Foundation
import MusterDomain
import MusterImport
import MusterStore

/// `muster import FILE`: loads a dataset or an ACLED or UCDP export, all or nothing.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Load a native dataset or an ACLED or UCDP export into the database.",
    discussion: """
      The format is detected from the file when --format is not given. The whole import is \
      one transaction: if it fails, is cancelled (Ctrl-C) or the machine dies, the database \
      stays exactly as it was. A database that does not exist yet is created empty.

      Native datasets: records are matched by id; a record already in the database is \
      replaced. Nothing is written when the file has any problem (see `muster check`).

      ACLED and UCDP exports: rows are matched by event_id_cnty (ACLED) or id (UCDP); a row \
      already imported is updated only when its timestamp changed. Bad rows are skipped and \
      reported with their line, column and value (all of them with --report FILE); with \
      --strict the first bad row stops the import and nothing is written.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(
    help: "The file to import (.yaml, .yml, .json, or an ACLED or UCDP .csv).", completion: .file())
  var file: String

  @Option(help: "The file's format (default: detected).")
  var format: ImportFormat?

  @Flag(help: "Stop at the first bad row of a CSV export, writing nothing.")
  var strict = false

  @Option(help: "Write every bad row's problem to this file.", completion: .file())
  var report: String?

  func run() throws {
    try reportingFailures {
      guard FileManager.default.fileExists(atPath: file) else {
        throw CommandFailure("\(file): no such file", code: ExitStatus.missingInput)
      }
      switch try format ?? ImportFormat.detect(file) {
      case .dataset: try importDataset()
      case .acled: try importEventDataset(.acled)
      case .ucdp: try importEventDataset(.ucdp)
      }
    }
  }

  func importDataset() throws {
    let text = try InputFile.read(file)
    let writer = try DatabaseLocation.openWritable(global, seeded: false)
    let catalog = writer.catalog
    let result = DatasetReader.read(text, file: file) { reference in
      (try? catalog.contains(reference)) ?? false
    }
    guard result.problems.isEmpty else { throw ImportProblems(result.problems) }
    let summary = try writer.write(result.dataset)
    Console.line(Self.describe(summary, into: catalog.path))
  }

  func importEventDataset(_ format: EventDatasetFormat) throws {
    let writer = try DatabaseLocation.openWritable(global, seeded: false)
    let reportFile = try report.map { try ReportFile(path: $0) }
    var shown = 0
    let progressBar = Console.isTerminal(2) ? ProgressBar() : nil
    Interruption.install()
    defer { Interruption.restore() }
    let outcome: EventDatasetImport.Outcome
    do {
      outcome = try EventDatasetImport.run(
        path: file, options: EventDatasetImport.Options(format: format, strict: strict),
        writer: writer,
        report: { problem in
          reportFile?.write(problem.description)
          if reportFile == nil && shown < 5 {
            progressBar?.clear()
            Console.error(problem.description)
            shown += 1
          }
        },
        progress: { progressBar?.show($0) }, isCancelled: { Interruption.happened })
    } catch is EventDatasetImport.Cancelled {
      progressBar?.clear()
      try? reportFile?.discard()
      throw CommandFailure("cancelled; nothing was imported", code: 130)
    } catch {
      progressBar?.clear()
      try? reportFile?.discard()
      throw error
    }
    progressBar?.clear()
    try reportFile?.finish()
    let summary = outcome.summary
    var line = "\(Estimate.grouped(summary.imported)) imported"
    if summary.skipped > 0 {
      line +=
        ", \(Estimate.grouped(summary.skipped)) skipped (details: \(report ?? "--report FILE"))"
    }
    Console.line(line)
    Console.line(
      "  \(Estimate.grouped(summary.inserted)) new, \(Estimate.grouped(summary.updated)) updated, "
        + "\(Estimate.grouped(summary.unchanged)) unchanged; \(summary.newActors) new actors, "
        + "\(summary.newSites) new sites, \(summary.newSources) new sources; "
        + "\(format.rawValue.uppercased()) into \(writer.catalog.path)")
  }

  static func describe(_ summary: WriteSummary, into path: String) -> String {
    let parts = RecordKind.allCases.compactMap { kind -> String? in
      let added = summary.inserted[kind] ?? 0
      let replaced = summary.updated[kind] ?? 0
      guard added + replaced > 0 else { return nil }
      return replaced > 0
        ? "\(added + replaced) \(kind.plural) (\(replaced) replaced)" : "\(added) \(kind.plural)"
    }
    let list = parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    return "imported \(list) into \(path)"
  }
}

/// The formats `muster import` reads.
enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
  case dataset
  case acled
  case ucdp

  /// The format of a file: by its extension, else by its first line.
  static func detect(_ path: String) throws -> ImportFormat {
    let lowered = path.lowercased()
    if [".yaml", ".yml", ".json"].contains(where: lowered.hasSuffix) { return .dataset }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CommandFailure("\(path): cannot be read (permissions?)", code: ExitStatus.ioError)
    }
    defer { try? handle.close() }
    let start = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
    let firstLine = String(decoding: start.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    var reader = CSVReader(bytes: Array(firstLine.utf8))
    if let header = try reader.next(), let format = EventDatasetFormat.detect(header: header.fields)
    {
      return format == .acled ? .acled : .ucdp
    }
    let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix("muster:") || trimmed.hasPrefix("{") || trimmed.hasPrefix("#")
      || trimmed.hasPrefix("---")
    {
      return .dataset
    }
    throw CommandFailure(
      "\(path): unknown format; expected a native dataset (.yaml, .json) or an ACLED or UCDP "
        + "CSV export (a header with event_id_cnty, or with date_start and side_a); "
        + "or pass --format", code: ExitStatus.badData)
  }
}

/// Reading an input file with errors a user can act on.
enum InputFile {
  static func read(_ path: String) throws -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandFailure("\(path): no such file", code: ExitStatus.missingInput)
    }
    guard !isDirectory.boolValue else {
      throw CommandFailure("\(path): is a folder, not a file", code: ExitStatus.missingInput)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandFailure("\(path): cannot be read (permissions?)", code: ExitStatus.ioError)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandFailure(
        "\(path): is not UTF-8 text; expected a YAML or JSON file in UTF-8",
        code: ExitStatus.badData)
    }
    return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
  }
}
