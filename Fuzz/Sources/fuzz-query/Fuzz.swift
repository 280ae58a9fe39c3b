import FuzzSupport
import MusterDomain

/// The search and filter language on any text: a query or an error naming a column.
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
  return 0
}
