#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A streaming RFC 4180 reader over bytes: fields separated by commas, records by CRLF or
/// LF, fields optionally quoted with `"` and `""` for a quote inside.
///
/// Written for speed because yaslab/CSV.swift read a 100k-row ACLED file in 4.9 s (49 s a
/// million rows, twice the whole import budget; see `make bench`): this reader works on raw
/// bytes in 1 MiB chunks, copies runs of plain bytes at once, and decodes each field once.
/// Memory stays bounded by the largest record. The tests check it against CSV.swift.
///
/// Errors inside a record do not stop the reader: the record comes back with a `problem`,
/// and a quoted field that never closes (an unbalanced quote) is abandoned after
/// `maximumRecordBytes`, reading on from the line after the record's start.
public struct CSVReader: Sendable {
  /// One record: its fields, the line it starts on, and any syntax problem.
  public struct Record: Sendable {
    /// The fields, decoded as UTF-8 (invalid bytes become U+FFFD).
    public var fields: [String]
    /// The 1-based line the record starts on.
    public var line: Int
    /// What is wrong with the record's syntax, if anything; the fields are then a best effort.
    public var problem: String?
    /// Whether the input ends inside the record, with no line break after it: a last line
    /// written without one, or a file cut short in the middle of a row.
    public var endsWithoutLineBreak = false

    /// Whether the record is an empty line.
    public var isBlank: Bool { fields.count == 1 && fields[0].isEmpty && problem == nil }
  }

  /// The largest record kept before an unbalanced quote is assumed.
  public static let maximumRecordBytes = 4 << 20
  private let chunkSize: Int
  private let descriptor: Int32?
  private var buffer: [UInt8] = []
  private var position = 0
  /// The file offset of `buffer[0]`.
  private var bufferOffset = 0
  private var isExhausted = false
  private var line = 1

  /// Reads from an open file descriptor, which the caller closes, `chunkSize` bytes at a time.
  public init(fileDescriptor: Int32, chunkSize: Int = 1 << 20) {
    descriptor = fileDescriptor
    self.chunkSize = max(1, chunkSize)
  }

  /// Reads from bytes in memory.
  public init(bytes: [UInt8]) {
    descriptor = nil
    chunkSize = bytes.count
    buffer = bytes
    isExhausted = true
  }

  /// Bytes consumed so far, for progress.
  public var bytesRead: Int { bufferOffset + position }

  /// Makes sure an unread byte is buffered; `false` at the end of the input.
  private mutating func fill() throws(CSVReadError) -> Bool {
    if position < buffer.count { return true }
    guard !isExhausted, let descriptor else { return false }
    let offset = bufferOffset + buffer.count
    var got = 0
    buffer = [UInt8](unsafeUninitializedCapacity: chunkSize) { storage, initialized in
      got = pread(descriptor, storage.baseAddress, chunkSize, off_t(offset))
      initialized = max(got, 0)
    }
    bufferOffset = offset
    position = 0
    if got < 0 {
      throw CSVReadError(message: "cannot read the file: \(String(cString: strerror(errno)))")
    }
    if got == 0 {
      isExhausted = true
      return false
    }
    return true
  }

  /// Rewinds to an absolute offset (to re-read after an abandoned record).
  private mutating func seek(to offset: Int) {
    if offset >= bufferOffset && offset <= bufferOffset + buffer.count {
      position = offset - bufferOffset
    } else {
      buffer = []
      position = 0
      bufferOffset = offset
      isExhausted = false
    }
  }

  enum State {
    case fieldStart
    case unquoted
    case quoted
    case afterQuote
  }

  /// The next record, or `nil` at the end of the input.
  public mutating func next() throws(CSVReadError) -> Record? {
    var scan = Scan(line: line)
    let startLine = line
    let startOffset = bytesRead
    var sawAnything = false
    while try fill() {
      sawAnything = true
      let finished = buffer.withUnsafeBufferPointer { pointer in
        scan.run(pointer, from: &position)
      }
      line = scan.line
      if finished {
        return Record(fields: scan.fields, line: startLine, problem: scan.problem)
      }
      if scan.state == .quoted && scan.recordBytes > Self.maximumRecordBytes {
        return try abandon(startOffset: startOffset, startLine: startLine)
      }
      if scan.state == .quoted, position < buffer.count, buffer[position] == UInt8(ascii: "\"") {
        // A quote at the very end of a chunk: look at the next byte to decide.
        position += 1
        if try fill(), buffer[position] == UInt8(ascii: "\"") {
          scan.field.append(UInt8(ascii: "\""))
          position += 1
        } else {
          scan.state = .afterQuote
        }
      }
    }
    guard sawAnything,
      !(scan.fields.isEmpty && scan.field.isEmpty && scan.state == .fieldStart)
    else {
      return nil
    }
    // The input ends inside a record: a last line without a line break, or a trailing comma.
    if scan.state == .quoted {
      scan.problem = "unbalanced quotes: a quoted field starting on line \(startLine) never ends"
    }
    scan.endField()
    line = scan.line
    return Record(
      fields: scan.fields, line: startLine, problem: scan.problem, endsWithoutLineBreak: true)
  }

  /// The state of reading one record; a struct of its own so the scanning loop works on
  /// plain stored properties (closures over local variables would cost a runtime
  /// exclusivity check on every access).
  struct Scan {
    var fields: [String] = []
    var field: [UInt8] = []
    var state = State.fieldStart
    var problem: String?
    var line: Int
    var recordBytes = 0

    init(line: Int) {
      self.line = line
      fields.reserveCapacity(32)
      field.reserveCapacity(512)
    }

    mutating func endField() {
      if state == .unquoted, field.last == UInt8(ascii: "\r") { field.removeLast() }
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      state = .fieldStart
    }

    /// After a comma or a line feed, ends the field and says whether the record ended too;
    /// `nil` for any other byte.
    @inline(__always)
    mutating func separator(_ byte: UInt8) -> Bool? {
      switch byte {
      case UInt8(ascii: ","):
        endField()
        return false
      case UInt8(ascii: "\n"):
        line += 1
        endField()
        return true
      default:
        return nil
      }
    }

    /// Scans from `index` until the record ends (returns true) or the bytes run out.
    mutating func run(_ pointer: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Bool {
      let end = pointer.count
      while index < end {
        switch state {
        case .fieldStart:
          if pointer[index] == UInt8(ascii: "\"") {
            state = .quoted
            index += 1
          } else {
            state = .unquoted
          }
        case .unquoted:
          var run = index
          while run < end {
            let byte = pointer[run]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n")
              || byte == UInt8(ascii: "\"")
            {
              break
            }
            run += 1
          }
          field.append(contentsOf: UnsafeBufferPointer(rebasing: pointer[index..<run]))
          recordBytes += run - index
          index = run
          guard run < end else { return false }
          index = run + 1
          if let endsRecord = separator(pointer[run]) {
            if endsRecord { return true }
          } else {
            problem =
              problem ?? "a quote inside an unquoted field; expected the whole field in quotes"
            field.append(UInt8(ascii: "\""))
          }
        case .quoted:
          var run = index
          while run < end && pointer[run] != UInt8(ascii: "\"") {
            if pointer[run] == UInt8(ascii: "\n") { line += 1 }
            run += 1
          }
          field.append(contentsOf: UnsafeBufferPointer(rebasing: pointer[index..<run]))
          recordBytes += run - index
          index = run
          // A quote at the very end of the chunk is decided after the next fill.
          guard run + 1 < end else { return false }
          if pointer[run + 1] == UInt8(ascii: "\"") {
            field.append(UInt8(ascii: "\""))
            index = run + 2
          } else {
            state = .afterQuote
            index = run + 1
          }
        case .afterQuote:
          let byte = pointer[index]
          index += 1
          if let endsRecord = separator(byte) {
            if endsRecord { return true }
          } else if byte != UInt8(ascii: "\r") {
            problem =
              problem ?? "text after a closing quote; expected a comma or the end of the line"
            field.append(byte)
          }
        }
      }
      return false
    }
  }

  /// Gives up on a record with an unbalanced quote and reads on from the line after its start.
  private mutating func abandon(startOffset: Int, startLine: Int) throws(CSVReadError) -> Record {
    seek(to: startOffset)
    line = startLine
    while try fill() {
      let byte = buffer[position]
      position += 1
      if byte == UInt8(ascii: "\n") {
        line += 1
        break
      }
    }
    return Record(
      fields: [], line: startLine,
      problem: "unbalanced quotes: a quoted field starting on line \(startLine) never ends")
  }
}

/// The input could not be read at all.
public struct CSVReadError: Error, CustomStringConvertible {
  /// What went wrong.
  public let message: String

  /// The message.
  public var description: String { message }
}
