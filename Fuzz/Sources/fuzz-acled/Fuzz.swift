import Foundation
import FuzzSupport
import MusterDomain
import MusterImport

/// Takes what the reader hands the store, checking it as the store would.
final class Sink: FieldImporting, FieldEventSink {
  var count = 0

  func importFieldEvents(
    expectedEvents: Int, _ produce: (any FieldEventSink) throws -> Void
  ) throws -> FieldImportSummary {
    try produce(self)
    var summary = FieldImportSummary()
    summary.inserted = count
    return summary
  }

  func add(_ event: FieldEvent) throws -> FieldWriteOutcome {
    precondition(!event.externalID.isEmpty)
    precondition(event.date.first <= event.date.last)
    _ = event.foldedText
    count += 1
    return .inserted
  }
}

let path = "/dev/shm/muster-fuzz-acled-\(getpid()).csv"

/// The ACLED reader on any bytes: rows or reported problems, never a crash.
@_cdecl("fuzz_acled_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  runFuzzer(argc, argv, fuzz)
}

/// One input.
func fuzz(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = pointer else { return 0 }
  let file = Data(bytes: data, count: size)
  guard FileManager.default.createFile(atPath: path, contents: file) else { return 0 }
  defer { unlink(path) }
  do {
    _ = try FieldImport.run(
      path: path, options: FieldImport.Options(format: .acled), writer: Sink(),
      report: { precondition($0.line >= 0) })
  } catch is ImportProblems {
  } catch {
    preconditionFailure("unexpected error: \(error)")
  }
  return 0
}
