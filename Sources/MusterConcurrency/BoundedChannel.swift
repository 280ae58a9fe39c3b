import Dispatch
import Synchronization

/// A bounded hand-over of values from one producing thread to one consuming thread.
///
/// At most `capacity` values wait, so a fast producer blocks instead of filling memory.
/// The consumer can ask the producer to stop; the producer checks `isStopped` between
/// values. Used by imports, where reading, writing and indexing run on threads of their own.
public final class BoundedChannel<Element: Sendable>: Sendable {
  private let values = Mutex<[Element]>([])
  private let filled: DispatchSemaphore
  private let free: DispatchSemaphore
  private let stopped = Atomic<Bool>(false)

  /// A channel holding at most `capacity` values at a time.
  public init(capacity: Int) {
    filled = DispatchSemaphore(value: 0)
    free = DispatchSemaphore(value: capacity)
  }

  /// Whether the consumer asked the producer to stop.
  public var isStopped: Bool { stopped.load(ordering: .relaxed) }

  /// Producer side: waits for room, then hands over a value.
  public func send(_ value: Element) {
    free.wait()
    values.withLock { $0.append(value) }
    filled.signal()
  }

  /// Consumer side: waits for the next value.
  public func receive() -> Element {
    filled.wait()
    let value = values.withLock { $0.removeFirst() }
    free.signal()
    return value
  }

  /// Consumer side: the next value if one waits, without waiting.
  public func receiveIfReady() -> Element? {
    guard filled.wait(timeout: .now()) == .success else { return nil }
    let value = values.withLock { $0.removeFirst() }
    free.signal()
    return value
  }

  /// Values never received give their room back first: libdispatch refuses to dispose of a
  /// semaphore below the value it was made with.
  deinit {
    let waiting = values.withLock { $0.count }
    for _ in 0..<waiting { free.signal() }
  }

  /// Asks the producer to stop at its next check.
  public func stop() {
    stopped.store(true, ordering: .relaxed)
  }
}
