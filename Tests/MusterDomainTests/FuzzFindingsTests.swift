import MusterDomain
import Testing

/// Inputs the fuzzers found (Tests/Fuzz), kept as regression tests.
@Suite struct QueryFuzzFindingsTests {
  /// The text of `bytes` parses, and the query prints back to a text that parses to it.
  func roundTrips(_ bytes: [UInt8]) throws {
    let text = String(decoding: bytes, as: UTF8.self)
    let query = try SearchQuery.parse(text)
    #expect(!query.isEmpty)
    let again = try SearchQuery.parse(query.description)
    #expect(again == query, "\(text.debugDescription) -> \(query.description.debugDescription)")
  }

  @Test func aQueryWithControlsAndBrokenUTF8PrintsBackToItself() throws {
    try roundTrips([
      97, 99, 116, 111, 114, 58, 114, 117, 115, 115, 105, 97, 32, 115, 105, 116, 101, 58, 127, 0,
      175, 98, 34, 60, 61, 98, 85, 34, 117, 110, 49, 255, 255, 255, 9, 204, 190, 206, 204, 32, 43,
      241, 97, 41, 32, 115, 105, 116, 101, 58, 151, 204,
    ])
  }

  /// A quoted value starting with a combining mark (U+07EC after the quote).
  @Test func aQuotedValueStartingWithACombiningMarkPrintsBackToItself() throws {
    try roundTrips([
      97, 99, 116, 53, 114, 191, 114, 117, 115, 115, 105, 97, 32, 115, 105, 116, 101, 58, 34, 223,
      172, 97, 108, 98, 97, 109, 97, 108, 34, 32, 115, 105, 110, 99, 101, 58, 51, 50, 48, 49, 45,
      49, 50, 32, 103, 114, 97, 100, 101, 53, 60, 61, 67, 51, 10,
    ])
  }
}
