import MusterConcurrency
import MusterDomain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The event dataset exports Muster imports, as CSV or JSON.
public enum EventDatasetFormat: String, CaseIterable, Sendable {
  case acled
  case ucdp

  /// The format a header row belongs to, or `nil`.
  public static func detect(header: [String]) -> EventDatasetFormat? {
    let names = Set(EventDatasetColumns(header: header, file: "").names)
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

  var aliases: [String: String] {
    switch self {
    case .acled: ACLEDRows.aliases
    case .ucdp: [:]
    }
  }
}

/// Streams an ACLED or UCDP export into the store, one row at a time.
///
/// Memory stays bounded whatever the file's size: rows are read in 1 MiB chunks and handed
/// to the store's sink one by one. Bad rows are reported with their line, column and value
/// and counted by reason; with `strict` the first one stops the import and nothing is
/// written. An import that imports nothing, or skips more rows than `maxSkipped` allows,
/// fails and writes nothing.
public struct EventDatasetImport {
  /// How many skipped rows an import accepts before it fails.
  public enum SkipLimit: Hashable, Sendable, CustomStringConvertible {
    /// A fraction of the rows read (0.01 is 1 %).
    case fraction(Double)
    /// A number of rows.
    case rows(Int)

    /// `1%` or `20 rows`.
    public var description: String {
      switch self {
      case .fraction(let fraction):
        let percent = fraction * 100
        return percent == percent.rounded() ? "\(Int(percent))%" : "\(percent)%"
      case .rows(let count): return count == 1 ? "1 row" : "\(count) rows"
      }
    }

    /// Whether `skipped` of `rows` is over the limit.
    func isExceeded(skipped: Int, of rows: Int) -> Bool {
      switch self {
      case .fraction(let fraction): Double(skipped) > fraction * Double(rows)
      case .rows(let count): skipped > count
      }
    }
  }

  /// How an import goes.
  public struct Options: Sendable {
    /// The format, or `nil` to detect it from the header.
    public var format: EventDatasetFormat?
    /// Whether the first bad row stops the import (writing nothing).
    public var strict: Bool
    /// How the file writes slash dates (`05/09/2020`), or `nil` to find out from its rows.
    public var dateOrder: DateOrder?
    /// The most rows that may be skipped before the import fails (default 1 %).
    public var maxSkipped: SkipLimit
    /// Whether an import over `maxSkipped` goes ahead anyway.
    public var allowSkipped: Bool
    /// The outlets known under several names: each source is named by its canonical name.
    public var sourceAliases: SourceAliases

    /// Options from their fields.
    public init(
      format: EventDatasetFormat? = nil, strict: Bool = false, dateOrder: DateOrder? = nil,
      maxSkipped: SkipLimit = .fraction(0.01), allowSkipped: Bool = false,
      sourceAliases: SourceAliases = .shipped
    ) {
      self.sourceAliases = sourceAliases
      self.format = format
      self.strict = strict
      self.dateOrder = dateOrder
      self.maxSkipped = maxSkipped
      self.allowSkipped = allowSkipped
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

  /// How many rows were skipped for one reason.
  public struct SkipCount: Hashable, Sendable {
    /// The reason, such as `invalid event_date` or `duplicate id`.
    public var reason: String
    /// How many rows.
    public var count: Int
  }

  /// What an import did.
  public struct Outcome: Sendable {
    /// The format read.
    public var format: EventDatasetFormat
    /// What the store did; `skipped` counts the bad rows.
    public var summary: EventDatasetImportSummary
    /// How many problems were reported.
    public var problemCount: Int
    /// Rows read, not counting the header and empty lines.
    public var rowsRead: Int
    /// The skipped rows by reason, the most frequent first.
    public var skippedByReason: [SkipCount]
    /// What the file as a whole lacks (said once, not per row), such as UCDP ids.
    public var warnings: [String]
    /// The first problems found (up to ten), for a failure's message.
    public var firstProblems: [ImportProblem]
  }

  /// The import was cancelled (Ctrl-C); nothing was written.
  public struct Cancelled: Error {}

  /// More rows were skipped than the limit allows; nothing was written.
  public struct TooManySkipped: Error, CustomStringConvertible {
    /// What the import would have done.
    public var outcome: Outcome
    /// The limit it went over.
    public var limit: SkipLimit

    /// One sentence for the user.
    public var description: String {
      let skipped = outcome.summary.skipped
      return "\(skipped) of \(outcome.rowsRead) rows could not be imported, more than "
        + "--max-skipped \(limit) allows; nothing was imported (--allow-skipped imports the "
        + "\(outcome.rowsRead - skipped) good rows)"
    }
  }

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
    let records: EventDatasetRecords
    do {
      records = try EventDatasetRecords(descriptor: descriptor, file: path)
    } catch {
      throw ImportProblems([error])
    }
    let (format, columns) = try Self.columns(records.header, file: path, format: options.format)
    var outcome = Outcome(
      format: format, summary: EventDatasetImportSummary(), problemCount: 0, rowsRead: 0,
      skippedByReason: [],
      warnings: format == .ucdp ? UCDPRows(columns: columns).warnings : [], firstProblems: [])
    var skippedByReason: [String: Int] = [:]
    var accepted = 0
    var bytesRead = 0
    func skip(_ problems: [ImportProblem]) {
      outcome.summary.skipped += 1
      outcome.problemCount += problems.count
      skippedByReason[problems.first?.reason ?? "invalid row", default: 0] += 1
      for problem in problems where outcome.firstProblems.count < 10 {
        outcome.firstProblems.append(problem)
      }
      problems.forEach(report)
    }

    let pipeline = RowPipeline(capacity: 16)
    // Room for every batch the writer can finish between two of the reader's sends (the
    // 16 waiting and the one in hand), so handing one back never waits.
    let spent = RowPipeline(capacity: 64)
    let idColumn = (columns.positions[format == .acled ? "event_id_cnty" : "id"] ?? 0) + 1
    ownsDescriptor = false
    let reading = RowReading(
      columns: columns, format: format, file: path, strict: options.strict,
      dateOrder: options.dateOrder, descriptor: descriptor)
    let readingThread = HelperThread.start {
      var records = records
      reading.run(&records, into: pipeline, spent: spent)
      close(descriptor)
    }
    // Runs after the pipeline is drained (below): the import returns only once the reading
    // thread has closed the file and let go of what it read.
    defer { readingThread.join() }
    var sawLast = false
    defer { if !sawLast { pipeline.stop(drainingUntilLast: true) } }
    let summary = try writer.importEvents(expectedEvents: totalBytes / 550) { sink in
      var lastProgress = 0
      var canonicalNames: [String: String] = [:]
      while true {
        let batch = pipeline.receive()
        sawLast = batch.isLast
        if isCancelled() { throw Cancelled() }
        for item in batch.items {
          switch item {
          case .event(var event, let line):
            // Each outlet under its canonical name: `SOHR` is the Syrian Observatory. A file
            // cites a few dozen outlets a million times: each is looked up once.
            for index in event.reports.indices {
              let name = event.reports[index].sourceName
              if let known = canonicalNames[name] {
                event.reports[index].sourceName = known
              } else {
                let canonical = options.sourceAliases.canonical(name)
                if canonicalNames.count < 10_000 { canonicalNames[name] = canonical }
                event.reports[index].sourceName = canonical
              }
            }
            let problem: ImportProblem
            switch try sink.add(event) {
            case .duplicate:
              problem = ImportProblem(
                file: path, line: line, column: idColumn,
                message: "duplicate id '\(event.externalID)': an earlier row has the same id "
                  + "with another date, place or description", reason: "duplicate id")
            case .repeated:
              problem = ImportProblem(
                file: path, line: line, column: idColumn,
                message: "repeated row '\(event.externalID)': an earlier row gives the same "
                  + "event with the same actors and sources", reason: "repeated row")
            default:
              accepted += 1
              continue
            }
            if options.strict { throw ImportProblems([problem]) }
            skip([problem])
          case .problems(let problems):
            if options.strict { throw ImportProblems(problems) }
            skip(problems)
          }
        }
        outcome.rowsRead = batch.rows
        bytesRead = batch.bytesRead
        if let failure = batch.failure { throw ImportProblems([failure]) }
        if batch.isLast { break }
        spent.send(batch)
        if batch.rows - lastProgress >= 4096 {
          lastProgress = batch.rows
          progress(Progress(rows: batch.rows, bytes: bytesRead, totalBytes: totalBytes))
        }
      }
      progress(Progress(rows: outcome.rowsRead, bytes: bytesRead, totalBytes: totalBytes))
      outcome.skippedByReason = skippedByReason.map { SkipCount(reason: $0.key, count: $0.value) }
        .sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
      // Inside the transaction, so that failing here rolls everything back.
      try check(outcome, accepted: accepted, options: options, file: path)
    }
    let skipped = outcome.summary.skipped
    outcome.summary = summary
    outcome.summary.skipped = skipped
    return outcome
  }

  /// The format and columns of a header, or the problem that stops the import.
  static func columns(
    _ header: [String], file: String, format given: EventDatasetFormat?
  ) throws -> (EventDatasetFormat, EventDatasetColumns) {
    guard let format = given ?? EventDatasetFormat.detect(header: header) else {
      throw ImportProblems([
        ImportProblem(
          file: file, line: 1, column: 1,
          message: "unknown header: not an ACLED export (no event_id_cnty column) nor a UCDP "
            + "GED export (no date_start and side_a columns)")
      ])
    }
    let columns = EventDatasetColumns(header: header, file: file, aliases: format.aliases)
    let missing = columns.missing(format.requiredColumns)
    guard missing.isEmpty else {
      throw ImportProblems([
        ImportProblem(
          file: file, line: 1, column: 1,
          message: "the header lacks \(format.rawValue.uppercased()) columns: "
            + missing.joined(separator: ", "))
      ])
    }
    return (format, columns)
  }

  /// Fails an import that read no rows, imported none, or skipped too many.
  static func check(_ outcome: Outcome, accepted: Int, options: Options, file: String) throws {
    if outcome.rowsRead == 0 {
      throw ImportProblems([
        ImportProblem(
          file: file, line: 0, column: 0,
          message: "the file has no rows after its header; nothing was imported")
      ])
    }
    if accepted == 0 {
      throw ImportProblems(
        outcome.firstProblems + [
          ImportProblem(
            file: file, line: 0, column: 0,
            message: "none of the \(outcome.rowsRead) rows could be imported; nothing was "
              + "imported (the first problems are above)")
        ])
    }
    if !options.allowSkipped,
      options.maxSkipped.isExceeded(skipped: outcome.summary.skipped, of: outcome.rowsRead)
    {
      throw TooManySkipped(outcome: outcome, limit: options.maxSkipped)
    }
  }
}
