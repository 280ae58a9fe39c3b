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

      ACLED and UCDP exports (CSV, or UCDP's API JSON): rows are matched by event_id_cnty \
      (ACLED) or id (UCDP); a row already imported is updated only when its timestamp \
      changed; rows sharing an id that describe one event (files with one row per actor) \
      are merged into it. Bad rows are skipped and reported with their line, column and \
      value (all of them with --report FILE), and the summary counts them by reason. An \
      import that imports nothing, or skips more than --max-skipped (default 1%) without \
      --allow-skipped, writes nothing and exits 65; with --strict the first bad row stops \
      it. Slash dates (05/09/2020) are read in the order the file's rows settle, or as \
      --date-order says.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(
    help: "The file to import (.yaml, .yml, .json, or an ACLED or UCDP export).",
    completion: .file())
  var file: String

  @Option(help: "The file's format (default: detected).")
  var format: ImportFormat?

  @Flag(help: "Stop at the first bad row of an ACLED or UCDP export, writing nothing.")
  var strict = false

  @OptionGroup(title: "ACLED and UCDP exports") var exportOptions: EventDatasetOptions

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

  /// Notes the import in the history (`muster log`): the file, who, when and what.
  func recordInHistory(_ writer: SQLiteCatalogWriter, _ summary: String) throws {
    let path = URL(fileURLWithPath: file).standardizedFileURL.path
    try writer.recordImport(
      of: path, summary: summary, by: Analyst.name(ProcessInfo.processInfo.environment),
      at: Int(time(nil)))
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
    let line = Self.describe(summary, into: catalog.path)
    try recordInHistory(writer, line)
    Console.line(line)
  }

  func importEventDataset(_ format: EventDatasetFormat) throws {
    let writer = try DatabaseLocation.openWritable(global, seeded: false)
    let run = EventDatasetRun(
      file: file, format: format,
      options: try exportOptions.options(format: format, strict: strict),
      reportPath: exportOptions.report)
    let outcome = try run.run(writer: writer)
    try recordInHistory(
      writer,
      EventDatasetRun.describeRows(outcome, imported: "imported") + " ("
        + outcome.format.rawValue.uppercased() + ")")
    EventDatasetRun.printSummary(
      outcome, into: "into \(writer.catalog.path)", imported: "imported",
      reportPath: exportOptions.report)
  }

  static func describe(_ summary: WriteSummary, into path: String) -> String {
    let parts = RecordKind.allCases.compactMap { kind -> String? in
      let added = summary.inserted[kind] ?? 0
      let replaced = summary.updated[kind] ?? 0
      guard added + replaced > 0 else { return nil }
      let count = added + replaced
      let noun = count == 1 ? kind.rawValue : kind.plural
      return replaced > 0 ? "\(count) \(noun) (\(replaced) replaced)" : "\(count) \(noun)"
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

  /// The format of a file: an ACLED or UCDP export by its header (CSV) or first record
  /// (JSON), else a native dataset by its extension or first line.
  static func detect(_ path: String) throws -> ImportFormat {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CommandFailure("\(path): cannot be read (permissions?)", code: ExitStatus.ioError)
    }
    defer { try? handle.close() }
    let start = Array((try? handle.read(upToCount: 64 * 1024)) ?? Data())
    if let format = exportFormat(start) { return format == .acled ? .acled : .ucdp }
    let lowered = path.lowercased()
    if [".yaml", ".yml", ".json"].contains(where: lowered.hasSuffix) { return .dataset }
    let firstLine = String(decoding: start.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    let trimmed = firstLine.trimmingCharacters(in: .whitespaces.union(["\u{FEFF}"]))
    if trimmed.hasPrefix("muster:") || trimmed.hasPrefix("{") || trimmed.hasPrefix("#")
      || trimmed.hasPrefix("---")
    {
      return .dataset
    }
    throw CommandFailure(
      "\(path): unknown format; expected a native dataset (.yaml, .json) or an ACLED or UCDP "
        + "export (CSV with event_id_cnty, or with date_start and side_a, in its header; or "
        + "UCDP's JSON); or pass --format", code: ExitStatus.badData)
  }

  /// The export a file's first bytes are: a CSV header, or the keys of a JSON array's
  /// first record (a bare array, or an API page's `Result`).
  static func exportFormat(_ start: [UInt8]) -> EventDatasetFormat? {
    let body = start.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(start.dropFirst(3)) : start
    let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
      var reader = JSONRecordReader(bytes: body)
      guard let record = try? reader.next() else { return nil }
      return EventDatasetFormat.detect(header: record.pairs.map(\.key))
    }
    var reader = CSVReader(bytes: Array(body.prefix { $0 != UInt8(ascii: "\n") }))
    guard let header = try? reader.next() else { return nil }
    return EventDatasetFormat.detect(header: header.fields)
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
