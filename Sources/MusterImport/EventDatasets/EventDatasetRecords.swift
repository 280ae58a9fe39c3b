#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The rows of an export as fields in its header's order, whether the file is CSV (the
/// datasets' downloads, and what spreadsheets save) or JSON (UCDP's API pages and bare arrays
/// of rows, ACLED's API `data`).
///
/// A JSON file's header is its first record's keys; a later record's keys are matched to it
/// by name, a missing key is an empty field and an unknown one is ignored.
struct EventDatasetRecords: Sendable {
  /// One row.
  struct Record: Sendable {
    var fields: [String]
    var line: Int
    /// A problem that keeps the whole row out (syntax, field count, cut short), with its reason.
    var problem: (message: String, reason: String)?
  }

  /// One of the two is set; each is mutated in place (an enum's payload would be copied
  /// out and back for every row).
  private var csv: CSVReader?
  private var json: JSONRecordReader?
  /// A JSON file's keys, lowercased, and their columns.
  private var keyIndex: [String: Int] = [:]
  /// The first JSON record, read to make the header and not yet handed out.
  private var pending: JSONRecordReader.Record?
  /// The header row: column names as the file writes them.
  let header: [String]
  private let file: String
  private var finished = false

  /// Opens the records of `descriptor` (which the caller keeps and closes); throws when the
  /// file has no header or its JSON cannot be read.
  init(descriptor: Int32, file: String) throws(ImportProblem) {
    self.file = file
    if Self.startsWithJSON(descriptor) {
      var reader = JSONRecordReader(fileDescriptor: descriptor)
      let first: JSONRecordReader.Record?
      do {
        first = try reader.next()
      } catch {
        throw ImportProblem(
          file: file, line: error.line, column: error.column, message: error.message,
          reason: "unreadable JSON")
      }
      guard let first else {
        throw ImportProblem(
          file: file, line: 0, column: 0,
          message: "the file holds no records; expected an array of ACLED or UCDP rows")
      }
      header = first.pairs.map(\.key)
      for (index, key) in header.enumerated() where keyIndex[key.lowercased()] == nil {
        keyIndex[key.lowercased()] = index
      }
      json = reader
      pending = first
    } else {
      var reader = CSVReader(fileDescriptor: descriptor)
      let first: CSVReader.Record?
      do {
        first = try reader.next()
      } catch {
        throw ImportProblem(file: file, line: 0, column: 0, message: error.description)
      }
      guard let first, !first.isBlank else {
        throw ImportProblem(
          file: file, line: 0, column: 0,
          message: "the file is empty; expected a header row of ACLED or UCDP columns")
      }
      header = first.fields
      csv = reader
    }
  }

  /// Whether the file's first byte past a byte-order mark and white space opens JSON.
  static func startsWithJSON(_ descriptor: Int32) -> Bool {
    var bytes = [UInt8](repeating: 0, count: 512)
    let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 512, 0) }
    guard count > 0 else { return false }
    var index = 0
    if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    while index < count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    return index < count && (bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "{"))
  }

  /// Bytes read so far.
  var bytesRead: Int { csv?.bytesRead ?? json?.bytesRead ?? 0 }

  /// The next row, or `nil` after the last; throws when the rest of the file cannot be
  /// read (a read error, or JSON that is not JSON).
  mutating func next() throws(ImportProblem) -> Record? {
    guard !finished else { return nil }
    if csv != nil {
      let next: CSVReader.Record?
      do {
        next = try csv?.next()
      } catch {
        throw ImportProblem(file: file, line: 0, column: 0, message: error.description)
      }
      return next.map(csvRecord)
    }
    let next: JSONRecordReader.Record?
    if let first = pending {
      pending = nil
      next = first
    } else {
      do {
        next = try json?.next()
      } catch  where error.isEndOfInput {
        // A file cut short: the row it ends in is reported, and there is nothing after.
        finished = true
        return Record(
          fields: [], line: error.line,
          problem: ("the file ends inside this record: it may have been cut short", "cut short"))
      } catch {
        throw ImportProblem(
          file: file, line: error.line, column: error.column, message: error.message,
          reason: "unreadable JSON")
      }
    }
    guard let record = next else { return nil }
    var fields = [String](repeating: "", count: header.count)
    for (key, value) in record.pairs {
      if let index = keyIndex[key] ?? keyIndex[key.lowercased()] { fields[index] = value }
    }
    return Record(fields: fields, line: record.line, problem: nil)
  }

  private func csvRecord(_ record: CSVReader.Record) -> Record {
    var result = Record(fields: record.fields, line: record.line, problem: nil)
    let cutShort =
      record.endsWithoutLineBreak
      && (record.fields.count < header.count || record.problem?.hasPrefix("unbalanced") == true)
    if cutShort {
      result.problem = (
        "the file ends inside this row (\(record.fields.count) of \(header.count) fields): it "
          + "may have been cut short", "cut short"
      )
    } else if let syntax = record.problem {
      result.problem = (syntax, "CSV syntax")
    } else if !Self.isBlank(result), record.fields.count != header.count {
      result.problem = (
        "\(record.fields.count) fields; expected \(header.count) as in the header",
        "wrong number of fields"
      )
    }
    return result
  }

  /// Whether a record is an empty line or a row of empty fields (as spreadsheets leave
  /// below the data), to be passed over.
  static func isBlank(_ record: Record) -> Bool {
    record.problem == nil && record.fields.allSatisfy(\.isEmpty)
  }
}
