import MusterConcurrency
import MusterDomain

/// What the reading thread hands the writing thread: parsed events and problems, in file
/// order, a batch at a time.
enum RowItem: Sendable {
  case event(ImportedEvent, line: Int)
  case problems([ImportProblem])
}

/// A batch of rows and how far into the file they reach.
struct RowBatch: Sendable {
  var items: [RowItem] = []
  var rows = 0
  var bytesRead = 0
  /// Set on the last batch: the reading thread has finished (or failed).
  var isLast = false
  /// Why the rest of the file could not be read, when it could not.
  var failure: ImportProblem?
}

/// The hand-over between the reading thread and the writing thread.
///
/// Reading, parsing and folding run on a thread of their own while the store writes on the
/// caller's, so the two cores of a small machine both work on an import. At most
/// `capacity` batches wait, so memory stays bounded whatever the file's size.
typealias RowPipeline = BoundedChannel<RowBatch>

extension BoundedChannel where Element == RowBatch {
  /// Writer side: asks the reader to stop, and drains what it still sends until its last.
  func stop(drainingUntilLast: Bool) {
    stop()
    guard drainingUntilLast else { return }
    while !receive().isLast {}
  }
}
