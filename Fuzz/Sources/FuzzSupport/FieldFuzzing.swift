import Foundation
import MusterDomain
import MusterImport

/// Takes what a field reader hands the store, checking it as the store would.
final class CheckingSink: FieldImporting, FieldEventSink {
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

/// Runs the reader of `format` over the bytes as a file: rows or reported problems, never a
/// crash and never another error.
public func fuzzFieldImport(_ pointer: UnsafePointer<UInt8>?, _ size: Int, format: FieldFormat)
  -> CInt
{
  guard let pointer else { return 0 }
  let path = "/dev/shm/muster-fuzz-\(format.rawValue)-\(getpid()).csv"
  guard FileManager.default.createFile(atPath: path, contents: Data(bytes: pointer, count: size))
  else { return 0 }
  defer { unlink(path) }
  do {
    _ = try FieldImport.run(
      path: path, options: FieldImport.Options(format: format), writer: CheckingSink(),
      report: { precondition($0.line >= 0) })
  } catch is ImportProblems {
  } catch {
    preconditionFailure("unexpected error: \(error)")
  }
  return 0
}
