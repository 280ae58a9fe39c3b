import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program with `posix_spawn` and waits for it, output through a file.
///
/// For tmux: `Foundation.Process` never returns from `waitUntilExit()` for a command that
/// leaves a daemon holding its pipes (swift-notes.md).
public enum Spawn {
  /// Runs `arguments` (the program is looked up on `PATH`); the exit status and output.
  @discardableResult
  public static func run(_ arguments: [String], environment: [String: String]) throws
    -> CommandResult
  {
    let folder = try TemporaryFolder("muster-spawn")
    let outputPath = folder.file("out")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let pid = try spawn(arguments, environment: environment, actions: &actions)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    return CommandResult(status: exitStatus, output: output, errors: "")
  }
}

/// Starts `arguments` (the program looked up on `PATH`) with `actions` for its descriptors
/// and `flags` besides; its pid.
///
/// Test runners block signals on their threads, and a child inherits the mask: a tmux server
/// with SIGCHLD blocked never finishes kill-server. Children start with no signal blocked
/// and every handler at its default.
func spawn(
  _ arguments: [String], environment: [String: String],
  actions: inout posix_spawn_file_actions_t, flags: Int32 = 0
) throws -> pid_t {
  let argv = arguments.map { strdup($0) } + [nil]
  let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer {
    for pointer in argv + envp { free(pointer) }
  }
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var none = sigset_t()
  sigemptyset(&none)
  var all = sigset_t()
  sigfillset(&all)
  posix_spawnattr_setsigmask(&attributes, &none)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(
    &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | flags))
  var pid: pid_t = 0
  let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
  guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
  return pid
}

/// A private tmux server with one window running a command: the real binary in a real
/// terminal, for end-to-end tests.
public final class TmuxSession: @unchecked Sendable {
  /// The server's socket name (`tmux -L`).
  public let socket: String
  private let environment: [String: String]

  /// Whether tmux is installed.
  public static var isAvailable: Bool {
    (try? Spawn.run(["tmux", "-V"], environment: ["PATH": "/usr/bin:/bin"]))?.status == 0
  }

  /// Starts `command` (run by `sh -c`) in a detached window of `width`x`height`.
  public init(command: String, width: Int = 120, height: Int = 40) throws {
    socket = "muster-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    environment = [
      "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color",
    ]
    let started = try Spawn.run(
      [
        "tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y",
        "\(height)", command,
      ], environment: environment)
    guard started.status == 0 else {
      throw TmuxError(description: "tmux new-session failed: \(started.output)")
    }
    // Keep the window at the size asked for, whatever clients come and go.
    try tmux(["set-option", "-g", "window-size", "manual"])
  }

  deinit {
    _ = try? tmux(["kill-server"])
  }

  /// Runs a tmux command against this server.
  @discardableResult
  public func tmux(_ arguments: [String]) throws -> CommandResult {
    try Spawn.run(["tmux", "-L", socket] + arguments, environment: environment)
  }

  /// Sends keys by tmux name (`j`, `Enter`, `BSpace`, `C-c`).
  public func send(_ keys: String...) throws {
    try tmux(["send-keys", "-t", "0"] + keys)
  }

  /// Sends text byte for byte (escape sequences included).
  public func sendLiteral(_ text: String) throws {
    try tmux(["send-keys", "-t", "0", "-l", text])
  }

  /// The screen's rows as text, trailing spaces removed.
  public func screen() throws -> [String] {
    let captured = try tmux(["capture-pane", "-p", "-t", "0"])
    return captured.output.split(separator: "\n", omittingEmptySubsequences: false).map {
      var line = String($0)
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// Resizes the window.
  public func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
  }

  /// Waits until the screen satisfies `condition`, polling; the last screen seen.
  @discardableResult
  public func waitForScreen(
    timeout: Duration = .seconds(10), _ condition: ([String]) -> Bool
  ) throws -> [String] {
    let deadline = ContinuousClock.now + timeout
    var last = try screen()
    while !condition(last) {
      guard ContinuousClock.now < deadline else {
        throw TmuxError(
          description: "timed out waiting for the screen; it shows:\n"
            + last.joined(separator: "\n"))
      }
      usleep(50_000)
      last = try screen()
    }
    return last
  }

  /// Waits until the screen contains `text`.
  @discardableResult
  public func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> [String] {
    try waitForScreen(timeout: timeout) { $0.joined(separator: "\n").contains(text) }
  }

  /// A failure to drive tmux, with what the screen showed.
  public struct TmuxError: Error, CustomStringConvertible {
    /// What happened.
    public let description: String
  }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes; whether it held.
public func eventually(timeout: Duration, _ condition: () -> Bool) -> Bool {
  let deadline = ContinuousClock.now + timeout
  while ContinuousClock.now < deadline {
    if condition() { return true }
    usleep(20_000)
  }
  return condition()
}
