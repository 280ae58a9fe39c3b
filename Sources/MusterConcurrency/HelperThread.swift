import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A thread of its own for one long task that helps another: an import's reading thread and
/// its full-text builder, which feed the thread that writes the rows.
///
/// The thread runs a little below normal priority (nice +5). On a two-core machine an
/// import has three busy threads, and the writing thread's work is the longest; at equal
/// priority the scheduler kept it waiting 4.0 s of a 43 s import at a million rows, and
/// 1.1 s with its helpers below it (`/proc/PID/task/TID/schedstat`). The helpers still get
/// the other core, and any core the writer leaves. On Linux the nice value is a thread's
/// own, so the rest of the process keeps its priority; a new thread is started rather than
/// one of Dispatch's, which are reused and could not be set back without privileges.
///
/// `join()` waits until the thread has ended and let go of everything its work held (the
/// file it read, say); a helper dropped without joining is detached.
public final class HelperThread: Sendable {
  /// How much lower than normal the helper runs, as a nice increment.
  public static let niceness: Int32 = 5

  /// The thread while it may still be joined; `nil` once joined (or for the fallback).
  private let thread: Mutex<pthread_t?>
  /// Signalled when the work ends, for the fallback on a Dispatch queue.
  private let fallbackDone: DispatchSemaphore?

  private init(thread: pthread_t?, fallbackDone: DispatchSemaphore?) {
    self.thread = Mutex(thread)
    self.fallbackDone = fallbackDone
  }

  /// Starts `body` on a new thread below normal priority.
  ///
  /// Falls back to a Dispatch queue if no thread can be created.
  public static func start(_ body: @escaping @Sendable () -> Void) -> HelperThread {
    let box = Unmanaged.passRetained(Work(body)).toOpaque()
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    let created = pthread_create(
      &thread, nil,
      { raw in
        guard let raw else { return nil }
        let work = Unmanaged<Work>.fromOpaque(raw).takeRetainedValue()
        #if os(Linux)
          // `who` 0 is the calling thread alone on Linux.
          _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, HelperThread.niceness)
        #endif
        work.body()
        return nil
      }, box)
    guard created == 0 else {
      let work = Unmanaged<Work>.fromOpaque(box).takeRetainedValue()
      let done = DispatchSemaphore(value: 0)
      DispatchQueue.global(qos: .userInitiated).async {
        work.body()
        done.signal()
      }
      return HelperThread(thread: nil, fallbackDone: done)
    }
    return HelperThread(thread: thread, fallbackDone: nil)
  }

  /// Waits until the thread has ended; returns at once if it was joined before.
  public func join() {
    if let thread = thread.withLock({ $0.take() }) {
      pthread_join(thread, nil)
    } else if let fallbackDone {
      fallbackDone.wait()
      fallbackDone.signal()
    }
  }

  deinit {
    if let thread = thread.withLock({ $0.take() }) {
      pthread_detach(thread)
    }
  }

  private final class Work: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
}
