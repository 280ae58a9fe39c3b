import MusterDomain

/// The reading thread of an import: reads records, parses rows into events, folds their
/// search text, and sends them in batches; problems travel in file order with the events.
struct RowReading: Sendable {
  let columns: EventDatasetColumns
  let format: EventDatasetFormat
  let file: String
  let strict: Bool
  /// The slash-date order the user gave, if any.
  let dateOrder: DateOrder?
  /// The file, for a second pass that settles the slash-date order.
  let descriptor: Int32

  /// Reads every row into `pipeline`.
  ///
  /// The writer sends each batch it is done with back
  /// through `spent`, and this thread lets them go: their strings are freed by the thread
  /// that made them, and the writer, the import's busiest thread, spends no time on it.
  func run(
    _ records: inout EventDatasetRecords, into pipeline: RowPipeline, spent: RowPipeline
  ) {
    var batch = RowBatch()
    var rows = 0
    var acled = ACLEDRows(columns: columns, dateOrder: dateOrder) {
      () throws(ImportProblem) -> DateOrder in
      try DateOrderScan.settle(descriptor: descriptor, file: file, columns: columns)
    }
    let ucdp = UCDPRows(columns: columns)
    func flush(last: Bool, failure: ImportProblem? = nil) {
      while spent.receiveIfReady() != nil {}
      batch.rows = rows
      batch.bytesRead = records.bytesRead
      batch.isLast = last
      batch.failure = failure
      pipeline.send(batch)
      batch = RowBatch()
      batch.items.reserveCapacity(512)
    }
    do throws(ImportProblem) {
      while !pipeline.isStopped, let record = try records.next() {
        if EventDatasetRecords.isBlank(record) { continue }
        rows += 1
        var problems: [ImportProblem] = []
        var event: ImportedEvent?
        if let (message, reason) = record.problem {
          // A row cut short is placed at the column the file ends in.
          let column = reason == "cut short" ? record.fields.count : 0
          problems.append(
            ImportProblem(
              file: file, line: record.line, column: column, message: message, reason: reason))
        } else {
          var row = EventDatasetRow(columns: columns, fields: record.fields, line: record.line)
          switch format {
          case .acled: event = try acled.event(&row)
          case .ucdp: event = ucdp.event(&row)
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
                file: file, line: record.line, column: 0, message: "the row could not be read",
                reason: "unreadable row"))
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

/// Finds how a file writes slash dates (`05/09/2020`) from the rows that settle it: a day
/// above 12, or a reading that would fall after the row's upload `timestamp`.
enum DateOrderScan {
  /// Reads the whole file once more (on its own offsets) and returns the one order its
  /// rows settle; throws when none settles it or rows settle both.
  static func settle(
    descriptor: Int32, file: String, columns: EventDatasetColumns
  ) throws(ImportProblem) -> DateOrder {
    var records = try EventDatasetRecords(descriptor: descriptor, file: file)
    var first: (line: Int, text: String)?
    var settled: [DateOrder: (line: Int, text: String)] = [:]
    while let record = try records.next() {
      guard record.problem == nil else { continue }
      let row = EventDatasetRow(columns: columns, fields: record.fields, line: record.line)
      let text = row.text("event_date")
      guard text.contains("/") else { continue }
      if first == nil { first = (record.line, text) }
      let latest = Int(row.text("timestamp")).map { Day(daysSinceEpoch: $0 / 86_400) }
      if let order = EventDatasetDate.settles(text, latest: latest), settled[order] == nil {
        settled[order] = (record.line, text)
        if settled.count == 2 { break }
      }
    }
    let column = (columns.positions["event_date"] ?? 0) + 1
    if let dmy = settled[.dmy], let mdy = settled[.mdy] {
      throw ImportProblem(
        file: file, line: max(dmy.line, mdy.line), column: column,
        message: "event_date is written day first on line \(dmy.line) (\(dmy.text)) and month "
          + "first on line \(mdy.line) (\(mdy.text)); expected one order for the whole file",
        reason: "mixed date orders")
    }
    if let order = settled.keys.first { return order }
    let example = first ?? (0, "")
    throw ImportProblem(
      file: file, line: example.line, column: column,
      message: "event_date '\(example.text)' could be day first or month first, and no row of "
        + "the file settles which (none has a day above 12); expected --date-order dmy or "
        + "--date-order mdy", reason: "ambiguous dates")
  }
}
