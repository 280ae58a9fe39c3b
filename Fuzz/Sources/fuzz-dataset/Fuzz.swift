import FuzzSupport
import MusterDomain
import MusterExport
import MusterImport

/// The native dataset reader and validator on any text: problems, never a crash.
@_cdecl("fuzz_dataset_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  runFuzzer(argc, argv, fuzz)
}

/// One input.
func fuzz(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = pointer else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let result = DatasetReader.read(text, file: "fuzz.yaml")
  for problem in result.problems { precondition(problem.line >= 0 && problem.column >= 0) }
  if result.problems.isEmpty {
    // What reads cleanly writes back out and reads again to the same records.
    if let yaml = try? DatasetEncoder.yaml(result.dataset) {
      let again = DatasetReader.read(yaml, file: "again.yaml")
      precondition(again.problems.isEmpty, "\(again.problems)")
      precondition(again.dataset.recordCount == result.dataset.recordCount)
    }
  }
  return 0
}
