import Dispatch
import MusterDomain
import Synchronization

/// What the reading thread hands the writing thread: parsed events and problems, in file
/// order, a batch at a time.
enum RowItem: Sendable {
  case event(FieldEvent, line: Int)
  case problems([ImportProblem])
}

/// A batch of rows and how far into the file they reach.
struct RowBatch: Sendable {
  var items: [RowItem] = []
  var rows = 0
  var bytesRead = 0
  /// Set on the last batch: the reading thread has finished (or failed).
  var isLast = false
  var failure: CSVReadError?
}

/// A bounded hand-over between one reading thread and one writing thread.
///
/// Reading, parsing and folding run on a thread of their own while the store writes on the
/// caller's, so the two cores of a small machine both work on an import. At most
/// `capacity` batches wait, so memory stays bounded whatever the file's size.
final class RowPipeline: Sendable {
  private let batches = Mutex<[RowBatch]>([])
  private let filled: DispatchSemaphore
  private let free: DispatchSemaphore
  private let stopped = Atomic<Bool>(false)

  init(capacity: Int) {
    filled = DispatchSemaphore(value: 0)
    free = DispatchSemaphore(value: capacity)
  }

  /// Whether the writer asked the reader to stop.
  var isStopped: Bool { stopped.load(ordering: .relaxed) }

  /// Reader side: waits for room, then hands over a batch.
  func send(_ batch: RowBatch) {
    free.wait()
    batches.withLock { $0.append(batch) }
    filled.signal()
  }

  /// Writer side: waits for the next batch.
  func receive() -> RowBatch {
    filled.wait()
    let batch = batches.withLock { $0.removeFirst() }
    free.signal()
    return batch
  }

  /// Writer side: asks the reader to stop, and drains what it still sends until its last.
  func stop(drainingUntilLast: Bool) {
    stopped.store(true, ordering: .relaxed)
    guard drainingUntilLast else { return }
    while !receive().isLast {}
  }
}
