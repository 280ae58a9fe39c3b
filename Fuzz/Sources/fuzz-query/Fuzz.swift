import FuzzSupport
import MusterDomain

/// The search and filter language on any text: a query or an error naming a column; and the
/// transliteration key and close matching on the same text as a name.
@_cdecl("fuzz_query_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  runFuzzer(argc, argv, fuzz)
}

/// One input.
func fuzz(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = pointer else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  do {
    let query = try SearchQuery.parse(text)
    // What parses prints back to text that parses to the same query.
    let again = try SearchQuery.parse(query.description)
    precondition(again == query, "\(text) -> \(query.description) -> \(again.description)")
    _ = SearchKey.queryAlternatives(query.text)
  } catch {
    _ = "\(error)"
  }
  _ = SearchKey.indexText(text)
  // Keys and close matching on any name: bounded in number, and a name meets itself.
  let keys = TransliterationKey.nameKeys(text)
  precondition(keys.count <= 64 * max(1, SearchKey.queryAlternatives(text).count))
  let query = Set(TransliterationKey.queryKeys(text))
  if keys.contains(where: { $0.wordOffset == 0 && $0.key.hasPrefix("v") }) {
    precondition(keys.contains { $0.wordOffset == 0 && query.contains($0.key) }, text)
  }
  for word in TransliterationKey.nameWords(text).prefix(8) {
    precondition(CloseMatch.distance(word, word, limit: 0) == 0)
    _ = CloseMatch.trigrams(word)
  }
  return 0
}
