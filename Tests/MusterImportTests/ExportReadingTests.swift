import Foundation
import MusterDomain
import Testing

@testable import MusterImport

/// The pieces that read real exports: dates as spreadsheets write them, JSON records, names.
@Suite struct ExportReadingTests {
  static func day(_ text: String, _ order: DateOrder? = .dmy, year: Int? = nil) -> String {
    switch EventDatasetDate.read(text, order: order, year: year) {
    case .day(let day): day.description
    case .ambiguous: "ambiguous"
    case .invalid(let reason): "invalid: \(reason)"
    }
  }

  @Test(arguments: [
    ("9-May-20", "2020-05-09"), ("09-May-20", "2020-05-09"), ("5-Aug-24", "2024-08-05"),
    ("31-12-19", "2019-12-31"), ("9 May 20", "2020-05-09"), ("May 9, 2020", "2020-05-09"),
    ("2020/05/09", "2020-05-09"), ("2020-05-09T00:00:00", "2020-05-09"),
    ("2020-05-09 00:00:00.000", "2020-05-09"), ("2020-5-9", "2020-05-09"),
    ("16 February 2023", "2023-02-16"), ("16-02-2023", "2023-02-16"), ("16.02.2023", "2023-02-16"),
    ("1-Jan-89", "1989-01-01"), ("1-Jan-88", "2088-01-01"), ("Sept 9 2020", "invalid"),
  ])
  func spreadsheetDatesRead(text: String, expected: String) {
    let read = Self.day(text, nil)
    if expected == "invalid" {
      #expect(read.hasPrefix("invalid"), "\(text): \(read)")
    } else {
      #expect(read == expected, "\(text)")
    }
  }

  @Test func theYearColumnSettlesTwoDigitYearsAndMustAgree() {
    #expect(Self.day("1-Jan-88", year: 1988) == "1988-01-01")
    #expect(Self.day("1-Jan-20", year: 2020) == "2020-01-01")
    #expect(
      Self.day("1-Jan-20", year: 2021)
        == "invalid: the year '20' does not match the year column's 2021")
    #expect(Self.day("31-Feb-20").hasPrefix("invalid: 2020-2 has no day 31"))
    #expect(Self.day("13-13-2020") == "invalid: 13 is not a month")
  }

  @Test func slashDatesWaitForTheFilesOrder() {
    #expect(Self.day("05/09/2020", nil) == "ambiguous")
    #expect(Self.day("13/05/2020", nil) == "ambiguous")
    #expect(Self.day("05/09/2020", .dmy) == "2020-09-05")
    #expect(Self.day("05/09/2020", .mdy) == "2020-05-09")
    #expect(Self.day("13/05/2020", .mdy).hasPrefix("invalid"))
    #expect(Self.day("07/07/2020", nil) == "2020-07-07")
  }

  @Test func aRowSettlesTheOrderByADayAboveTwelveOrItsUploadStamp() {
    #expect(EventDatasetDate.settles("13/05/2020", latest: nil) == .dmy)
    #expect(EventDatasetDate.settles("05/13/2020", latest: nil) == .mdy)
    #expect(EventDatasetDate.settles("05/09/2020", latest: nil) == nil)
    #expect(EventDatasetDate.settles("05/09/2020", latest: Day(iso: "2020-05-12")) == .mdy)
    #expect(EventDatasetDate.settles("05/09/2020", latest: Day(iso: "2020-12-01")) == nil)
    #expect(EventDatasetDate.settles("2020-05-09", latest: nil) == nil)
  }

  @Test func namesAreMadeOneSpelling() {
    #expect(NameText.normalized("Hay'at\u{00A0}Tahrir  al-Sham ") == "Hay'at Tahrir al-Sham")
    #expect(NameText.normalized("\u{2009}IS\u{3000}") == "IS")
    #expect(NameText.normalized("Dag\u{0306}o\u{0308}ren") == "Da\u{011F}\u{00F6}ren")
    #expect(NameText.normalized("Plain name") == "Plain name")
    #expect(NameText.normalized("Tab\tname") == "Tab name")
  }

  static func records(_ text: String) throws(JSONReadError) -> [[String: String]] {
    var reader = JSONRecordReader(bytes: Array(text.utf8))
    var records: [[String: String]] = []
    while let record = try reader.next() {
      records.append(Dictionary(record.pairs.map { ($0.key, $0.value) }) { first, _ in first })
    }
    return records
  }

  @Test func jsonRecordsComeFromAPageOrABareArray() throws {
    let page = try Self.records(
      #"{"TotalCount": 2, "NextPageUrl": "x?page=2", "Result": [{"id": 1, "a": "b"}, {"id": 2.5e1, "a": null}]}"#
    )
    #expect(page == [["id": "1", "a": "b"], ["id": "2.5e1", "a": ""]])

    let bare = try Self.records("\u{FEFF} [ {\"x\": true, \"n\": {\"k\": [1, \"]\"]}} ]")
    #expect(bare == [["x": "true", "n": #"{"k": [1, "]"]}"#]])
    #expect(try Self.records("[]").isEmpty)
  }

  @Test func jsonStringsAreUnescaped() throws {
    let records = try Self.records(
      #"[{"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00"}]"#)
    #expect(records.first?["s"] == "a\"b\\c/d\né😀")
  }

  @Test(arguments: [
    (#"[{"a": 1} {"b": 2}]"#, 1, 11, "expected a comma or the end of the array"),
    ("[{\"a\": 1},\n {\"b\" 2}]", 2, 7, "expected a colon"),
    (#"[{"a": tru}]"#, 1, 11, "expected a value"),
    (#"{"TotalCount": 1}"#, 1, 17, "the page has no Result array of records"),
    (#"[1, 2]"#, 1, 2, "expected an object (a record) in the array"),
    (#"[{"a": "\ud83d"}]"#, 1, 15, "a lone surrogate"),
  ])
  func jsonErrorsSayWhereAndWhat(text: String, line: Int, column: Int, message: String) {
    let error = #expect(throws: JSONReadError.self) { try Self.records(text) }
    #expect(error?.line == line, "\(text): \(String(describing: error))")
    #expect(error?.column == column, "\(text): \(String(describing: error))")
    #expect(error?.message.hasPrefix(message) == true, "\(text): \(String(describing: error))")
    #expect(error?.isEndOfInput == false)
  }

  @Test func aBrokenByteOrderMarkIsAnErrorNotACrash() {
    // Found by fuzz-json: 0xEF then a NUL read past the end of the input.
    for bytes: [UInt8] in [[0xEF, 0x00], [0xEF], [0xEF, 0xBB, 0xBF]] {
      var reader = JSONRecordReader(bytes: bytes)
      let error = #expect(throws: JSONReadError.self) { try reader.next() }
      #expect(error?.line == 1)
    }
  }

  @Test func aJSONFileCutShortSaysSo() {
    let error = #expect(throws: JSONReadError.self) {
      try Self.records(#"[{"a": 1}, {"b": "half"#)
    }
    #expect(error?.isEndOfInput == true)
  }

  @Test func jsonReadsInSmallChunksAsInOne() throws {
    let text = #"{"Result": [{"k": "välue ✓", "n": -1.5}, {"k": "\u0041"}]}"#
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "muster-json-\(getpid()).json"
    ).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { unlink(path) }
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    var reader = JSONRecordReader(fileDescriptor: descriptor, chunkSize: 3)
    var values: [String] = []
    while let record = try reader.next() { values += record.pairs.map(\.value) }
    #expect(values == ["välue ✓", "-1.5", "A"])
    #expect(reader.bytesRead == text.utf8.count)
  }
}
