import CCurses

#if canImport(Glibc)
  import Glibc
#endif

/// Where a terminal session's reports go, and what happens when Muster crashes.
///
/// A crash must never hand a remote user the Swift runtime's interactive backtracer (with
/// its source paths, registers and debugger prompt), so Muster replaces the runtime's crash
/// handling: the terminal is put back, one plain line says what happened, and the report
/// (signal, address, frames, and the runtime's last message, which standard error carried
/// to the log rather than to the screen) goes to the system log or the operator's file.
public enum SessionGuard {
  /// The system log's socket on Linux.
  public static let systemLog = "/dev/log"

  /// Why the report destination could not be used.
  public struct DestinationError: Error, CustomStringConvertible {
    /// The path that could not be opened.
    public let path: String

    /// The message for the user.
    public var description: String {
      "cannot write reports to \(path): give --log a syslog socket (such as /dev/log) or a "
        + "file the account may write"
    }
  }

  /// Replaces the runtime's crash handling with Muster's.
  ///
  /// Reports go to the system log until `reportTo(_:required:)` names another place. Call
  /// once, early.
  public static func installCrashHandling() {
    _ = ccurses_set_report_destination(systemLog, "muster")
    ccurses_install_crash_handlers()
  }

  /// Sends reports to `path`: a syslog socket, or a file that lines are appended to.
  ///
  /// When the destination cannot be opened, throws if it is `required` (one the user
  /// named), else reports go nowhere (a host without a system log).
  public static func reportTo(_ path: String, required: Bool) throws(DestinationError) {
    guard ccurses_set_report_destination(path, "muster") == 0 || !required else {
      throw DestinationError(path: path)
    }
  }

  /// Reports one line to the destination.
  public static func report(_ line: String) {
    ccurses_report(line)
  }

  /// Says what the session is (such as `kiosk`), for the line a crash report starts with.
  public static func describe(_ context: String) {
    ccurses_set_crash_context(context)
  }
}
