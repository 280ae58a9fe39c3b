import Foundation
import MusterDomain
import MusterImport

/// Takes what a field reader hands the store, checking it as the store would.
final class CheckingSink: EventDatasetImporting, ImportedEventSink {
  var count = 0

  func importEvents(
    expectedEvents: Int, _ produce: (any ImportedEventSink) throws -> Void
  ) throws -> EventDatasetImportSummary {
    try produce(self)
    var summary = EventDatasetImportSummary()
    summary.inserted = count
    return summary
  }

  func add(_ event: ImportedEvent) throws -> ImportedEventOutcome {
    precondition(!event.externalID.isEmpty)
    for participant in event.participants { precondition(!participant.name.isEmpty) }
    for coalition in event.coalitions {
      precondition(coalition.members.count > 1)
      precondition(
        coalition.members.allSatisfy { member in
          event.participants.contains { $0.name == member }
        })
    }
    precondition(event.date.first <= event.date.last)
    _ = event.foldedText
    count += 1
    return .inserted
  }
}

/// Runs the reader of `format` over the bytes as a file: rows or reported problems, never a
/// crash and never another error.
public func fuzzEventDatasetImport(
  _ pointer: UnsafePointer<UInt8>?, _ size: Int, format: EventDatasetFormat
)
  -> CInt
{
  guard let pointer else { return 0 }
  let path = "/dev/shm/muster-fuzz-\(format.rawValue)-\(getpid()).csv"
  guard FileManager.default.createFile(atPath: path, contents: Data(bytes: pointer, count: size))
  else { return 0 }
  defer { unlink(path) }
  do {
    _ = try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(format: format), writer: CheckingSink(),
      report: { precondition($0.line >= 0) })
  } catch is ImportProblems {
  } catch is EventDatasetImport.TooManySkipped {
  } catch {
    preconditionFailure("unexpected error: \(error)")
  }
  return 0
}
