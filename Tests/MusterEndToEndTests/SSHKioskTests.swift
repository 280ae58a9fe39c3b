import Foundation
import MusterTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The kiosk served by a real OpenSSH server on loopback, configured with what `muster
/// ssh-config` prints, for a throwaway account with key authentication.
@Suite(.serialized) struct SSHKioskTests {
  @Test func aKioskAccountGetsTheKioskAndNothingElse() throws {
    let server = try KioskServer()
    defer { server.stop() }

    let tmux = try TmuxSession(command: server.sshCommand(extra: "-tt") + "; sleep 600")
    try tmux.waitFor("KIOSK", timeout: .seconds(15))
    #expect(try tmux.screen().joined(separator: "\n").contains("Detail › "))
    let before = try KioskEscapes.snapshot(of: server.databaseFolder)
    let homeExisted = FileManager.default.fileExists(atPath: "/nonexistent")

    try KioskEscapes.tryAll(
      on: tmux, isInKiosk: { try server.musterProcesses().count == 1 },
      unchanged: {
        try KioskEscapes.snapshot(of: server.databaseFolder) == before
          && FileManager.default.fileExists(atPath: "/nonexistent") == homeExisted
      })

    // A command asked for runs muster instead (which finds no terminal and says so).
    let command = try Spawn.run(
      ["sh", "-c", server.sshCommand(extra: "-T") + " /bin/sh -c id"], environment: server.path)
    #expect(!command.output.contains("uid="), "\(command.output)")
    #expect(command.output.contains("muster:"), "\(command.output)")

    // Port forwarding is refused: a connection through it gets nothing from sshd.
    let port = KioskServer.freePort()
    _ = try Spawn.run(
      [
        "sh", "-c",
        server.sshCommand(extra: "-N -L 127.0.0.1:\(port):127.0.0.1:\(server.port)")
          + " 2> '\(server.folder.file("forward.err"))' & echo $! > '\(server.folder.file("forward.pid"))'",
      ], environment: server.path)
    defer { server.kill(pidFile: "forward.pid") }
    let banner = eventually(timeout: .seconds(5)) {
      KioskServer.connect(port: port).map { $0.contains("SSH-2.0") } ?? false
    }
    #expect(!banner, "a connection through -L reached sshd")
    #expect(
      eventually(timeout: .seconds(5)) {
        server.text("forward.err").contains("prohibited")
          || server.text("log").contains("refused local port forward")
      }, "\(server.text("forward.err"))")

    // When the client dies, the kiosk goes within a second.
    let client = try #require(
      try server.clientPID(), "no ssh client running for \(server.user)")
    Glibc.kill(client, SIGKILL)
    #expect(eventually(timeout: .seconds(1)) { (try? server.musterProcesses())?.isEmpty == true })
  }
}

/// An sshd on a free loopback port, its own host key, a throwaway account.
final class KioskServer {
  let folder: TemporaryFolder
  let user = "mk\(UInt32.random(in: 10_000...99_999))"
  let port = KioskServer.freePort()
  var databaseFolder: String { folder.file("db") }
  var logFile: String { folder.file("kiosk.log") }
  let path = ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8"]

  /// A server whose block `muster ssh-config` prints with `extra` options.
  ///
  /// With `usesPAM`, sshd runs the account's PAM session (pam_limits among it).
  init(sshConfig extra: [String] = ["--idle", "600"], usesPAM: Bool = false) throws {
    try #require(getuid() == 0, "the SSH test creates an account: it needs root")
    try #require(
      FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"),
      "openssh-server is needed (make test installs it)")
    folder = try TemporaryFolder("muster-ssh")
    let files = FileManager.default
    for name in ["bin", "db", "keys"] {
      try files.createDirectory(atPath: folder.file(name), withIntermediateDirectories: true)
    }
    chmod(folder.path, 0o755)
    // The binary where the account can run it; the database readable, its folder not
    // writable by the account.
    let muster = folder.file("bin/muster")
    try CommandRunner.copyMuster(to: muster)
    let database = folder.file("db/muster.db")
    let created = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
    for name in try files.contentsOfDirectory(atPath: databaseFolder) {
      chmod(databaseFolder + "/" + name, 0o644)
    }
    try run(
      "useradd --system --no-create-home --home-dir /nonexistent --shell /bin/sh \(user)"
        + " && usermod -p '*' \(user) && mkdir -p /run/sshd"
        + " && ssh-keygen -q -t ed25519 -N '' -f '\(folder.file("host_key"))'"
        + " && ssh-keygen -q -t ed25519 -N '' -f '\(folder.file("client_key"))'"
        + " && cp '\(folder.file("client_key.pub"))' '\(folder.file("keys/\(user)"))'"
        + " && chmod 644 '\(folder.file("keys/\(user)"))'")
    // The kiosk's reports, in a file only the account (and root) may read.
    try run("touch '\(logFile)' && chown \(user) '\(logFile)' && chmod 600 '\(logFile)'")
    let printed = try CommandRunner.muster(
      ["ssh-config", "--user", user, "--db", database, "--muster", muster, "--log", logFile]
        + extra, home: folder.path)
    try #require(printed.status == 0, "\(printed.errors)")
    // The Match block as printed; the test's own settings before it.
    let block = printed.output.components(separatedBy: "\n\n").first ?? ""
    try """
    Port \(port)
    ListenAddress 127.0.0.1
    HostKey \(folder.file("host_key"))
    PidFile \(folder.file("sshd.pid"))
    AuthorizedKeysFile \(folder.file("keys"))/%u
    StrictModes no
    UsePAM \(usesPAM ? "yes" : "no")
    LogLevel VERBOSE
    \(block)

    """.write(toFile: folder.file("sshd_config"), atomically: true, encoding: .utf8)
    try run("/usr/sbin/sshd -t -f '\(folder.file("sshd_config"))'")
    try run("/usr/sbin/sshd -f '\(folder.file("sshd_config"))' -E '\(folder.file("log"))'")
    _ = eventually(timeout: .seconds(5)) { KioskServer.connect(port: port) != nil }
  }

  func run(_ command: String) throws {
    let result = try Spawn.run(["sh", "-c", command], environment: path)
    try #require(result.status == 0, "\(command): \(result.output)")
  }

  /// An ssh command line logging in as the account.
  func sshCommand(extra: String) -> String {
    "ssh \(extra) -i '\(folder.file("client_key"))' -p \(port) -o BatchMode=yes"
      + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
      + " \(user)@127.0.0.1"
  }

  func text(_ name: String) -> String {
    (try? String(contentsOfFile: folder.file(name), encoding: .utf8)) ?? ""
  }

  /// The account's muster processes that have not ended (an ended one may wait a moment as
  /// a zombie for init to collect it: it holds nothing).
  func musterProcesses() throws -> [String] {
    let result = try Spawn.run(["pgrep", "-u", user, "-x", "muster"], environment: path)
    return result.output.split(separator: "\n").map(String.init).filter { pid in
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }
  }

  /// The ssh client on a terminal of its own, logging in to the kiosk.
  func client(columns: Int = 120, rows: Int = 40) throws -> PseudoTerminal {
    try PseudoTerminal(
      ["sh", "-c", "exec " + sshCommand(extra: "-tt")],
      environment: path.merging(["TERM": "xterm-256color"]) { _, new in new },
      columns: columns, rows: rows)
  }

  /// The interactive ssh client's pid.
  func clientPID() throws -> pid_t? {
    let result = try Spawn.run(["pgrep", "-f", "ssh -tt .*\(user)@"], environment: path)
    return result.output.split(separator: "\n").compactMap { pid_t($0) }.first
  }

  func kill(pidFile: String) {
    if let pid = pid_t(text(pidFile).trimmingCharacters(in: .whitespacesAndNewlines)) {
      Glibc.kill(pid, SIGTERM)
    }
  }

  func stop() {
    kill(pidFile: "sshd.pid")
    _ = try? Spawn.run(["pkill", "-KILL", "-u", user], environment: path)
    usleep(200_000)
    _ = try? Spawn.run(["userdel", user], environment: path)
  }

  /// A port nothing listens on.
  static func freePort() -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
        _ = bind(descriptor, socketAddress, length)
        _ = getsockname(descriptor, socketAddress, &length)
      }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// What a TCP connection to the port reads within half a second, or `nil` if refused.
  static func connect(port: Int) -> String? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    let connected = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { return nil }
    var timeout = timeval(tv_sec: 0, tv_usec: 500_000)
    setsockopt(
      descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = read(descriptor, &buffer, buffer.count)
    return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
  }
}
