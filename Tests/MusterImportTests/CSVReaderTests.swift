import Foundation
import MusterImport
import MusterTestSupport
import Testing

@Suite struct CSVReaderTests {
  func records(_ text: String) throws -> [CSVReader.Record] {
    var reader = CSVReader(bytes: Array(text.utf8))
    var records: [CSVReader.Record] = []
    while let record = try reader.next() { records.append(record) }
    return records
  }

  func rows(_ text: String) throws -> [[String]] {
    try records(text).map(\.fields)
  }

  @Test(arguments: [1, 2, 3, 5, 8])
  func chunkBoundariesAnywhereGiveTheSameRecords(chunkSize: Int) throws {
    let text = "id,notes\r\n1,\"say \"\"hi\"\"\r\nthere\"\r\n2,\"\"\"\"\r\n3,plain,\n"
    let folder = try TemporaryFolder()
    let path = try folder.write(text, to: "chunks.csv")
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    var reader = CSVReader(fileDescriptor: descriptor, chunkSize: chunkSize)
    var found: [CSVReader.Record] = []

    while let record = try reader.next() { found.append(record) }

    #expect(found.map(\.fields) == (try rows(text)))
    #expect(found.map(\.fields)[1] == ["1", "say \"hi\"\r\nthere"])
    #expect(found.map(\.line) == [1, 2, 4, 5])
    #expect(reader.bytesRead == text.utf8.count)
  }

  @Test func plainQuotedAndEmptyFields() throws {
    #expect(try rows("a,b,c\n1,,3\n") == [["a", "b", "c"], ["1", "", "3"]])
    #expect(try rows("\"x, y\",\"say \"\"hi\"\"\",z") == [["x, y", "say \"hi\"", "z"]])
    #expect(try rows("a,\n,b\n") == [["a", ""], ["", "b"]])
    #expect(try rows("a,b,") == [["a", "b", ""]])
  }

  @Test func quotedNewlinesAndCRLFEndings() throws {
    let found = try records("id,notes\r\n1,\"line one\r\nline two\"\r\n2,plain\r\n")

    #expect(
      found.map(\.fields) == [["id", "notes"], ["1", "line one\r\nline two"], ["2", "plain"]])
    #expect(found.map(\.line) == [1, 2, 4])
  }

  @Test func unicodeFieldsSurvive() throws {
    #expect(try rows("البوكمال,Dağören,\"Şanlıurfa\"\n") == [["البوكمال", "Dağören", "Şanlıurfa"]])
  }

  @Test func malformedRecordsSayWhatIsWrongAndReadingGoesOn() throws {
    let found = try records("a\"b,c\n\"x\"y,z\nok,1\n")

    #expect(found[0].problem?.contains("a quote inside an unquoted field") == true)
    #expect(found[1].problem?.contains("text after a closing quote") == true)
    #expect(found[2].fields == ["ok", "1"])
    #expect(found[2].problem == nil)
  }

  @Test func anUnbalancedQuoteAtTheEndIsReported() throws {
    let found = try records("a,b\n1,\"never closed\n2,3\n")

    #expect(found.count == 2)
    #expect(found[1].line == 2)
    #expect(found[1].problem?.contains("unbalanced quotes") == true)
  }

  @Test func blankLinesAreRecognised() throws {
    let found = try records("a,b\n\n1,2\n")

    #expect(found.map(\.isBlank) == [false, true, false])
  }

  @Test func anEmptyInputHasNoRecords() throws {
    #expect(try records("").isEmpty)
  }

  /// Well-formed CSV built from random fields reads the same as with yaslab/CSV.swift and
  /// gives back the fields it was built from, whatever the chunk boundaries.
  @Test(arguments: 1...40)
  func randomWellFormedInputMatchesTheLibraryAndTheOriginal(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed))
    let pieces = ["a", "b", " ", ",", "\"", "\n", "\r\n", "é", "ب", "x y", "\"\"", "1.5", ""]
    var table: [[String]] = []
    let columns = Int.random(in: 1...5, using: &generator)
    for _ in 0..<Int.random(in: 1...12, using: &generator) {
      table.append(
        (0..<columns).map { _ in
          (0..<Int.random(in: 0...6, using: &generator)).map { _ in
            pieces.randomElement(using: &generator) ?? ""
          }.joined()
        })
    }
    let text =
      table.map { row in
        row.map { field in
          field.unicodeScalars.contains(where: { ",\"\n\r".unicodeScalars.contains($0) })
            || field.isEmpty && columns == 1
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
      }.joined(separator: "\n") + "\n"

    let ours = try rows(text)

    #expect(ours == table)
    #expect(try libraryRows(text) == table)
  }
}

/// A small deterministic random generator (SplitMix64) for reproducible tests.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
