import MusterConcurrency
import MusterDomain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The CSV exports Muster imports.
public enum EventDatasetFormat: String, CaseIterable, Sendable {
  case acled
  case ucdp

  /// The format a header row belongs to, or `nil`.
  public static func detect(header: [String]) -> EventDatasetFormat? {
    let names = Set(header.map { $0.trimmingASCIIWhitespace().lowercased() })
    if names.contains("event_id_cnty") { return .acled }
    if names.contains("date_start") && names.contains("side_a") { return .ucdp }
    return nil
  }

  var requiredColumns: [String] {
    switch self {
    case .acled: ACLEDRows.required
    case .ucdp: UCDPRows.required
    }
  }
}

/// Streams an ACLED or UCDP export into the store, one row at a time.
///
/// Memory stays bounded whatever the file's size: rows are read in 1 MiB chunks and handed
/// to the store's sink one by one. Bad rows are reported with their line, column and value;
/// with `strict` the first one stops the import and nothing is written.
public struct EventDatasetImport {
  /// How an import goes.
  public struct Options: Sendable {
    /// The format, or `nil` to detect it from the header.
    public var format: EventDatasetFormat?
    /// Whether the first bad row stops the import (writing nothing).
    public var strict: Bool

    /// Options from their fields.
    public init(format: EventDatasetFormat? = nil, strict: Bool = false) {
      self.format = format
      self.strict = strict
    }
  }

  /// Where an import has got to.
  public struct Progress: Sendable {
    /// Rows read so far.
    public var rows: Int
    /// Bytes read so far.
    public var bytes: Int
    /// The file's size.
    public var totalBytes: Int
  }

  /// What an import did.
  public struct Outcome: Sendable {
    /// The format read.
    public var format: EventDatasetFormat
    /// What the store did; `skipped` counts the bad rows.
    public var summary: EventDatasetImportSummary
    /// How many problems were reported.
    public var problemCount: Int
  }

  /// The import was cancelled (Ctrl-C); nothing was written.
  public struct Cancelled: Error {}

  /// Imports `path` through `writer`, all in one transaction.
  ///
  /// Each bad row's problems go to `report` as they are found (so a file full of bad rows
  /// costs no memory); `progress` is called every few thousand rows; `isCancelled` is asked
  /// as often and makes the import stop and roll back.
  public static func run(
    path: String, options: Options, writer: any EventDatasetImporting,
    report: (ImportProblem) -> Void = { _ in }, progress: (Progress) -> Void = { _ in },
    isCancelled: () -> Bool = { false }
  ) throws -> Outcome {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw ImportProblems([
        ImportProblem(
          file: path, line: 0, column: 0,
          message: "cannot open the file: \(String(cString: strerror(errno)))")
      ])
    }
    var ownsDescriptor = true
    defer { if ownsDescriptor { close(descriptor) } }
    var status = stat()
    fstat(descriptor, &status)
    let totalBytes = Int(status.st_size)
    var reader = CSVReader(fileDescriptor: descriptor)
    // The reading thread owns the descriptor from here; it closes it when done.
    guard var header = try reader.next() else {
      throw ImportProblems([
        ImportProblem(
          file: path, line: 0, column: 0,
          message: "the file is empty; expected a header row of ACLED or UCDP columns")
      ])
    }
    if let first = header.fields.first, first.hasPrefix("\u{FEFF}") {
      header.fields[0] = String(first.dropFirst())
    }
    let columns = EventDatasetColumns(header: header.fields, file: path)
    guard let format = options.format ?? EventDatasetFormat.detect(header: header.fields) else {
      throw ImportProblems([
        ImportProblem(
          file: path, line: 1, column: 1,
          message: "unknown header: not an ACLED export (no event_id_cnty column) nor a UCDP "
            + "GED export (no date_start and side_a columns)")
      ])
    }
    let missing = columns.missing(format.requiredColumns)
    guard missing.isEmpty else {
      throw ImportProblems([
        ImportProblem(
          file: path, line: 1, column: 1,
          message: "the header lacks \(format.rawValue.uppercased()) columns: "
            + missing.joined(separator: ", "))
      ])
    }

    var problemCount = 0
    var skipped = 0
    var rows = 0
    var bytesRead = 0
    let pipeline = RowPipeline(capacity: 16)
    let idColumn = (columns.positions[format == .acled ? "event_id_cnty" : "id"] ?? 0) + 1
    ownsDescriptor = false
    let strict = options.strict
    let headerRead = reader
    let readingThread = HelperThread.start {
      var reader = headerRead
      readRows(
        &reader, columns: columns, format: format, file: path, strict: strict, into: pipeline)
      close(descriptor)
    }
    // Runs after the pipeline is drained (below): the import returns only once the reading
    // thread has closed the file and let go of what it read.
    defer { readingThread.join() }
    var sawLast = false
    defer { if !sawLast { pipeline.stop(drainingUntilLast: true) } }
    let summary = try writer.importEvents(expectedEvents: totalBytes / 550) { sink in
      var lastProgress = 0
      while true {
        let batch = pipeline.receive()
        sawLast = batch.isLast
        if isCancelled() { throw Cancelled() }
        for item in batch.items {
          switch item {
          case .event(let event, let line):
            if try sink.add(event) == .duplicate {
              let problem = ImportProblem(
                file: path, line: line, column: idColumn,
                message: "duplicate id '\(event.externalID)': an earlier row has the same id")
              if strict { throw ImportProblems([problem]) }
              skipped += 1
              problemCount += 1
              report(problem)
            }
          case .problems(let problems):
            if strict { throw ImportProblems(problems) }
            skipped += 1
            problemCount += problems.count
            problems.forEach(report)
          }
        }
        rows = batch.rows
        bytesRead = batch.bytesRead
        if let failure = batch.failure {
          throw ImportProblems([
            ImportProblem(file: path, line: 0, column: 0, message: failure.description)
          ])
        }
        if batch.isLast { break }
        if rows - lastProgress >= 4096 {
          lastProgress = rows
          progress(Progress(rows: rows, bytes: bytesRead, totalBytes: totalBytes))
        }
      }
      progress(Progress(rows: rows, bytes: bytesRead, totalBytes: totalBytes))
    }
    var result = summary
    result.skipped = skipped
    return Outcome(format: format, summary: result, problemCount: problemCount)
  }
}

extension EventDatasetImport {
  /// The reading thread: reads records, parses rows into events, folds their search text,
  /// and sends them in batches; problems travel in file order with the events.
  static func readRows(
    _ reader: inout CSVReader, columns: EventDatasetColumns, format: EventDatasetFormat,
    file: String,
    strict: Bool, into pipeline: RowPipeline
  ) {
    var batch = RowBatch()
    var rows = 0
    func flush(last: Bool, failure: CSVReadError? = nil) {
      batch.rows = rows
      batch.bytesRead = reader.bytesRead
      batch.isLast = last
      batch.failure = failure
      pipeline.send(batch)
      batch = RowBatch()
      batch.items.reserveCapacity(512)
    }
    do {
      while !pipeline.isStopped, let record = try reader.next() {
        if record.isBlank { continue }
        rows += 1
        var problems: [ImportProblem] = []
        var event: ImportedEvent?
        if let syntax = record.problem {
          problems.append(ImportProblem(file: file, line: record.line, column: 0, message: syntax))
        } else if record.fields.count != columns.names.count {
          problems.append(
            ImportProblem(
              file: file, line: record.line, column: 0,
              message:
                "\(record.fields.count) fields; expected \(columns.names.count) as in the header"))
        } else {
          var row = EventDatasetRow(columns: columns, fields: record.fields, line: record.line)
          switch format {
          case .acled: event = ACLEDRows(columns: columns).event(&row)
          case .ucdp: event = UCDPRows(columns: columns).event(&row)
          }
          problems = row.problems
        }
        if var event, problems.isEmpty {
          event.indexText = event.foldedText
          batch.items.append(.event(event, line: record.line))
        } else {
          if problems.isEmpty {
            problems.append(
              ImportProblem(
                file: file, line: record.line, column: 0, message: "the row could not be read"))
          }
          batch.items.append(.problems(problems))
          if strict {
            flush(last: true)
            return
          }
        }
        if batch.items.count >= 512 { flush(last: false) }
      }
      flush(last: true)
    } catch {
      flush(last: true, failure: error)
    }
  }
}
