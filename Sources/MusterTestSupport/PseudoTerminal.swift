import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program on a pseudo-terminal of its own: the test holds the master side, so it sees
/// every byte the program writes, types any bytes, sets any window size (up to 65535 each
/// way, as an SSH client may), stops reading, and signals the program.
public final class PseudoTerminal: @unchecked Sendable {
  /// The program's process id (the leader of a new session, the terminal its controlling one).
  public let pid: pid_t
  private let master: Int32
  private var output: [UInt8] = []
  private var exitStatus: Int32?
  /// Whether to answer status queries (`ESC [ 5 n`) as a terminal does (`ESC [ 0 n`).
  public var answersStatusQueries = false
  private var scannedForQueries = 0

  /// Starts `arguments` (the program is looked up on `PATH`) with `environment`, on a
  /// terminal of `columns` x `rows`.
  public init(
    _ arguments: [String], environment: [String: String], columns: Int, rows: Int
  ) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(
      ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0,
      ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.EIO) }
    defer { close(slave) }
    guard let name = ttyname(slave).map({ String(cString: $0) }) else {
      close(master)
      throw POSIXError(.ENOTTY)
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // After setsid, opening the terminal makes it the new session's controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    let setSession: Int32 = 0x80  // POSIX_SPAWN_SETSID, which Swift does not import.
    let pid: pid_t
    do {
      pid = try spawn(arguments, environment: environment, actions: &actions, flags: setSession)
    } catch {
      close(master)
      throw error
    }
    self.pid = pid
    self.master = master
  }

  deinit {
    if exitStatus == nil {
      kill(pid, SIGKILL)
      _ = waitForExit(timeout: .seconds(5))
    }
    Glibc.close(master)
  }

  /// Everything the program wrote so far, as text (invalid UTF-8 repaired).
  public var text: String { String(decoding: output, as: UTF8.self) }

  /// What the program wrote after the first `offset` bytes (a `byteCount` taken earlier).
  public func text(after offset: Int) -> String {
    String(decoding: output[min(offset, output.count)...], as: UTF8.self)
  }

  /// How many bytes the program wrote so far.
  public var byteCount: Int { output.count }

  /// Reads what the program writes for `duration`, or until `condition` holds of all the
  /// text so far; whether it held.
  @discardableResult
  public func read(
    for duration: Duration = .seconds(10), until condition: ((String) -> Bool)? = nil
  ) -> Bool {
    let deadline = ContinuousClock.now + duration
    while ContinuousClock.now < deadline {
      if let condition, condition(text) { return true }
      var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&entry, 1, 20) > 0 else {
        if hasExited { return condition?(text) ?? false }
        continue
      }
      var buffer = [UInt8](repeating: 0, count: 65_536)
      let count = Glibc.read(master, &buffer, buffer.count)
      // EIO: the program and every other holder of the terminal have gone.
      guard count > 0 else { return condition?(text) ?? false }
      output += buffer[..<count]
      answerStatusQueries()
    }
    return condition?(text) ?? false
  }

  private func answerStatusQueries() {
    let query: [UInt8] = [0x1B, 0x5B, 0x35, 0x6E]
    guard answersStatusQueries else {
      scannedForQueries = output.count
      return
    }
    var index = max(0, scannedForQueries - query.count + 1)
    while index + query.count <= output.count {
      if output[index] == 0x1B, Array(output[index..<index + query.count]) == query {
        type("\u{1B}[0n")
        index += query.count
      } else {
        index += 1
      }
    }
    scannedForQueries = max(scannedForQueries, index)
  }

  /// Reads until `text` has appeared in the output since `offset` (a `byteCount` taken
  /// earlier); whether it did within `timeout`.
  @discardableResult
  public func waitFor(_ needle: String, after offset: Int = 0, timeout: Duration = .seconds(10))
    -> Bool
  {
    read(for: timeout) { _ in self.text(after: offset).contains(needle) }
  }

  /// Types bytes, as a terminal sends keys.
  public func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
  }

  /// Sets the window size; the kernel sends the program SIGWINCH.
  public func resize(columns: Int, rows: Int) {
    var size = winsize(
      ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0,
      ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
  }

  /// Sends the program a signal.
  public func signal(_ number: Int32) {
    kill(pid, number)
  }

  /// Whether the program has ended (reaping it if so).
  public var hasExited: Bool {
    if exitStatus != nil { return true }
    var status: Int32 = 0
    guard waitpid(pid, &status, WNOHANG) == pid else { return false }
    exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return true
  }

  /// Waits for the program to end, reading its output meanwhile; its exit status (128 + N
  /// when signal N ended it), or `nil` if it is still running after `timeout`.
  public func waitForExit(timeout: Duration) -> Int32? {
    let deadline = ContinuousClock.now + timeout
    while !hasExited, ContinuousClock.now < deadline {
      read(for: .milliseconds(10))
    }
    return exitStatus
  }

  /// The program's resident memory now and at its peak, in kilobytes (from /proc).
  public var memory: (resident: Int, peak: Int)? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
      return nil
    }
    func kilobytes(_ field: String) -> Int? {
      status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
        .flatMap { Int($0.filter(\.isNumber)) }
    }
    guard let resident = kilobytes("VmRSS"), let peak = kilobytes("VmHWM") else { return nil }
    return (resident, peak)
  }
}
