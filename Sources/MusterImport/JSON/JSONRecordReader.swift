#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the records of a JSON file of flat objects one at a time, in bounded memory: a bare
/// array of objects (`[{...}, {...}]`) or an API page holding one (`{"TotalCount": 16566,
/// "Result": [{...}, ...]}`, as UCDP's API serves GED).
///
/// Each record is its keys and values in order; strings are unescaped, numbers and
/// booleans are their text, `null` is empty, and a nested object or array is its JSON text.
/// A syntax error names its line and column and ends the reading (the rest of the file
/// cannot be trusted).
public struct JSONRecordReader: Sendable {
  /// One object of the array.
  public struct Record: Sendable {
    /// Its keys and values, in the file's order.
    public var pairs: [(key: String, value: String)]
    /// The line its opening brace is on.
    public var line: Int
  }

  /// The keys under which a page keeps its records.
  static let resultKeys: Set<String> = ["result", "results", "data"]

  private var input: ByteInput
  private var inArray = false
  /// Whether the array is a page's `Result` (a closing brace follows it).
  private var isPage = false
  private var finished = false

  /// A reader over an open file descriptor; the caller closes it.
  public init(fileDescriptor: Int32, chunkSize: Int = 1 << 20) {
    input = ByteInput(fileDescriptor: fileDescriptor, chunkSize: chunkSize)
  }

  /// A reader over bytes in memory.
  public init(bytes: [UInt8]) {
    input = ByteInput(bytes: bytes)
  }

  /// Bytes consumed so far.
  public var bytesRead: Int { input.offset }

  /// The next record, or `nil` after the last one.
  public mutating func next() throws(JSONReadError) -> Record? {
    guard !finished else { return nil }
    if !inArray {
      try enterArray()
    } else {
      try input.skipWhitespace()
      switch try input.peek() {
      case UInt8(ascii: ","): input.advance()
      case UInt8(ascii: "]"):
        input.advance()
        try finish()
        return nil
      default: throw input.error("expected a comma or the end of the array")
      }
    }
    try input.skipWhitespace()
    if try input.peek() == UInt8(ascii: "]") {
      input.advance()
      try finish()
      return nil
    }
    guard try input.peek() == UInt8(ascii: "{") else {
      throw input.error("expected an object (a record) in the array")
    }
    let line = input.line
    var pairs: [(key: String, value: String)] = []
    input.advance()
    try input.skipWhitespace()
    if try input.peek() == UInt8(ascii: "}") {
      input.advance()
      return Record(pairs: [], line: line)
    }
    while true {
      try input.skipWhitespace()
      let key = try input.string()
      try input.skipWhitespace()
      guard try input.peek() == UInt8(ascii: ":") else { throw input.error("expected a colon") }
      input.advance()
      try input.skipWhitespace()
      pairs.append((key, try input.valueText()))
      try input.skipWhitespace()
      let byte = try input.peek()
      input.advance()
      if byte == UInt8(ascii: "}") { break }
      guard byte == UInt8(ascii: ",") else { throw input.error("expected a comma or '}'") }
    }
    return Record(pairs: pairs, line: line)
  }

  /// After the array: the rest of a page (its other keys, its closing brace).
  private mutating func finish() throws(JSONReadError) {
    finished = true
    guard isPage else { return }
    while true {
      try input.skipWhitespace()
      let byte = try input.peek()
      input.advance()
      if byte == UInt8(ascii: "}") { return }
      guard byte == UInt8(ascii: ",") else { throw input.error("expected a comma or '}'") }
      try input.skipWhitespace()
      _ = try input.string()
      try input.skipWhitespace()
      guard try input.peek() == UInt8(ascii: ":") else { throw input.error("expected a colon") }
      input.advance()
      try input.skipWhitespace()
      _ = try input.valueText()
    }
  }

  /// Finds the array of records: the document itself, or a page's `Result`.
  private mutating func enterArray() throws(JSONReadError) {
    try input.skipWhitespace()
    // A byte-order mark.
    if try input.peek() == 0xEF {
      for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
        guard try input.peek() == expected else {
          throw input.error("expected an array of records or a page with a Result array")
        }
        input.advance()
      }
      try input.skipWhitespace()
    }
    switch try input.peek() {
    case UInt8(ascii: "["):
      input.advance()
      inArray = true
    case UInt8(ascii: "{"):
      input.advance()
      while true {
        try input.skipWhitespace()
        if try input.peek() == UInt8(ascii: "}") {
          throw input.error("the page has no Result array of records")
        }
        let key = try input.string()
        try input.skipWhitespace()
        guard try input.peek() == UInt8(ascii: ":") else { throw input.error("expected a colon") }
        input.advance()
        try input.skipWhitespace()
        if Self.resultKeys.contains(key.lowercased()), try input.peek() == UInt8(ascii: "[") {
          input.advance()
          inArray = true
          isPage = true
          return
        }
        _ = try input.valueText()
        try input.skipWhitespace()
        if try input.peek() == UInt8(ascii: ",") { input.advance() }
      }
    default:
      throw input.error("expected an array of records or a page with a Result array")
    }
  }
}

/// The JSON could not be read, at a line and column.
public struct JSONReadError: Error, CustomStringConvertible, Sendable {
  /// 1-based line.
  public let line: Int
  /// 1-based column, in bytes.
  public let column: Int
  /// What was wrong, and what was expected.
  public let message: String

  /// `line L, column C: message`.
  public var description: String { "line \(line), column \(column): \(message)" }

  /// Whether the input ended inside the JSON (a file cut short), rather than being wrong.
  public var isEndOfInput: Bool { message == ByteInput.endedEarly }
}

/// A file's bytes a chunk at a time, with the line and column of the next one.
struct ByteInput: Sendable {
  private let fileDescriptor: Int32?
  private let chunkSize: Int
  private var buffer: [UInt8]
  private var position = 0
  private var consumedBefore = 0
  private(set) var line = 1
  private var lineStart = 0
  /// Why the file could not be read, when reading it failed (not merely ended).
  private(set) var readFailure: String?

  /// The message when the input ends inside the JSON.
  static let endedEarly = "the file ends inside a record: it may have been cut short"

  /// The most bytes one value may hold (a runaway string is an error, not all memory).
  static let valueLimit = 8 << 20

  init(fileDescriptor: Int32, chunkSize: Int) {
    self.fileDescriptor = fileDescriptor
    self.chunkSize = chunkSize
    buffer = []
  }

  init(bytes: [UInt8]) {
    fileDescriptor = nil
    chunkSize = 0
    buffer = bytes
  }

  var offset: Int { consumedBefore + position }

  func error(_ message: String) -> JSONReadError {
    JSONReadError(line: line, column: offset - lineStart + 1, message: message)
  }

  /// The next byte without consuming it; an error at the end of the input.
  mutating func peek() throws(JSONReadError) -> UInt8 {
    if position >= buffer.count {
      guard refill() else {
        if let readFailure { throw error("cannot read the file: \(readFailure)") }
        throw error(Self.endedEarly)
      }
    }
    return buffer[position]
  }

  mutating func advance() {
    if buffer[position] == UInt8(ascii: "\n") {
      line += 1
      lineStart = offset + 1
    }
    position += 1
  }

  private mutating func refill() -> Bool {
    guard let fileDescriptor else { return false }
    consumedBefore += position
    // Reads at its own offset, so two readers can share one descriptor.
    let offset = consumedBefore
    let size = chunkSize
    var count = 0
    buffer = [UInt8](unsafeUninitializedCapacity: size) { storage, initialized in
      count = pread(fileDescriptor, storage.baseAddress, size, off_t(offset))
      initialized = max(count, 0)
    }
    position = 0
    if count < 0 { readFailure = String(cString: strerror(errno)) }
    return count > 0
  }

  mutating func skipWhitespace() throws(JSONReadError) {
    while true {
      if position >= buffer.count, !refill() { return }
      switch buffer[position] {
      case 0x20, 0x09, 0x0A, 0x0D: advance()
      default: return
      }
    }
  }

  /// A string, unescaped.
  mutating func string() throws(JSONReadError) -> String {
    guard try peek() == UInt8(ascii: "\"") else { throw error("expected a string in quotes") }
    advance()
    var bytes: [UInt8] = []
    while true {
      let byte = try peek()
      advance()
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: bytes, as: UTF8.self)
      case UInt8(ascii: "\\"):
        let escaped = try peek()
        advance()
        switch escaped {
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "b"): bytes.append(0x08)
        case UInt8(ascii: "f"): bytes.append(0x0C)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800...0xDBFF).contains(scalar) {
            // A surrogate pair: the low half follows as another \u escape.
            guard try peek() == UInt8(ascii: "\\") else { throw error("a lone surrogate") }
            advance()
            guard try peek() == UInt8(ascii: "u") else { throw error("a lone surrogate") }
            advance()
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
          bytes.append(contentsOf: Array(String(character).utf8))
        default: bytes.append(escaped)
        }
      default:
        bytes.append(byte)
      }
      if bytes.count > Self.valueLimit { throw error("a string longer than 8 MiB") }
    }
  }

  private mutating func hex4() throws(JSONReadError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = try peek()
      advance()
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("expected four hexadecimal digits after \\u")
      }
      value = value << 4 | digit
    }
    return value
  }

  /// A value as text: a string unescaped, a number or boolean as written, `null` empty, an
  /// object or array as its JSON text.
  mutating func valueText() throws(JSONReadError) -> String {
    switch try peek() {
    case UInt8(ascii: "\""):
      return try string()
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      return try nested()
    default:
      var bytes: [UInt8] = []
      while true {
        if position >= buffer.count, !refill() { break }
        let byte = buffer[position]
        guard byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]"),
          byte > 0x20
        else { break }
        bytes.append(byte)
        advance()
        if bytes.count > 64 { throw error("expected a number, true, false or null") }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      switch text {
      case "null": return ""
      case "true", "false": return text
      default:
        guard !text.isEmpty, Double(text) != nil else {
          throw error(
            "expected a value: a string, a number, true, false, null, an object or an array")
        }
        return text
      }
    }
  }

  /// An object or array, kept as its JSON text.
  private mutating func nested() throws(JSONReadError) -> String {
    var bytes: [UInt8] = []
    var depth = 0
    var inString = false
    var escaped = false
    repeat {
      let byte = try peek()
      advance()
      bytes.append(byte)
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
        depth += 1
      } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
        depth -= 1
      }
      if bytes.count > Self.valueLimit { throw error("a value longer than 8 MiB") }
    } while depth > 0
    return String(decoding: bytes, as: UTF8.self)
  }
}
