import Foundation
import Synchronization

/// Ctrl-C during a long import: the first one asks the import to stop and roll back; a
/// second one ends the process at once (SQLite's journal still keeps the database whole).
enum Interruption {
  private static let flag = Atomic<Bool>(false)

  /// Whether Ctrl-C was pressed since `install()`.
  static var happened: Bool { flag.load(ordering: .relaxed) }

  static func install() {
    flag.store(false, ordering: .relaxed)
    // A parent may have left SIGINT blocked (children inherit the signal mask): unblock it,
    // or Ctrl-C would never arrive.
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    signal(SIGINT) { _ in
      Interruption.flag.store(true, ordering: .relaxed)
      signal(SIGINT, SIG_DFL)
    }
  }

  static func restore() {
    signal(SIGINT, SIG_DFL)
  }
}
