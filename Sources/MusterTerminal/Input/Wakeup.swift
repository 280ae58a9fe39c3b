#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A way for another thread to end a terminal's wait for input at once: a pipe the terminal
/// watches beside its input.
///
/// The search worker signals it when an answer is ready, so the session sleeps until a key
/// or an answer comes instead of polling while a search runs.
public final class Wakeup: Sendable {
  /// The end a terminal watches; readable once `signal()` has been called.
  public let descriptor: Int32
  private let writeEnd: Int32

  /// A new wakeup; `nil` if no pipe can be made (then waits end only by input or timeout).
  public init?() {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return nil }
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    descriptor = ends[0]
    writeEnd = ends[1]
  }

  deinit {
    close(descriptor)
    close(writeEnd)
  }

  /// Ends the terminal's current or next wait.
  public func signal() {
    var byte: UInt8 = 1
    _ = write(writeEnd, &byte, 1)
  }

  /// Takes every signal so far; a wait after this sleeps again.
  public func drain() {
    var bytes = [UInt8](repeating: 0, count: 64)
    while read(descriptor, &bytes, bytes.count) > 0 {}
  }
}
