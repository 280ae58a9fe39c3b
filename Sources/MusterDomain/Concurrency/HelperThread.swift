import Dispatch

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
public enum HelperThread {
  /// How much lower than normal the helper runs, as a nice increment.
  public static let niceness: Int32 = 5

  /// Starts `body` on a new detached thread below normal priority.
  ///
  /// Falls back to a Dispatch queue if no thread can be created.
  public static func start(_ body: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(Task(body)).toOpaque()
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    let created = pthread_create(
      &thread, nil,
      { raw in
        guard let raw else { return nil }
        let task = Unmanaged<Task>.fromOpaque(raw).takeRetainedValue()
        #if os(Linux)
          // `who` 0 is the calling thread alone on Linux.
          _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, HelperThread.niceness)
        #endif
        task.body()
        return nil
      }, box)
    guard created == 0 else {
      let task = Unmanaged<Task>.fromOpaque(box).takeRetainedValue()
      DispatchQueue.global(qos: .userInitiated).async { task.body() }
      return
    }
    #if canImport(Glibc)
      pthread_detach(thread)
    #else
      if let thread { pthread_detach(thread) }
    #endif
  }

  private final class Task: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
}
