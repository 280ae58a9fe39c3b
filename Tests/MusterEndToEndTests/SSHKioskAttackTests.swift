import Foundation
import MusterTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The kiosk behind a real sshd on loopback, attacked through what an SSH client controls:
/// the window size it reports, signals that crash the kiosk, and a client that stops.
@Suite(.serialized) struct SSHKioskAttackTests {
  /// The kiosk's one process for the account, once it runs.
  func kioskPID(_ server: KioskServer) throws -> pid_t {
    _ = eventually(timeout: .seconds(10)) { (try? server.musterProcesses().count) == 1 }
    return try #require(server.musterProcesses().first.flatMap { pid_t($0) })
  }

  func peakMemoryKilobytes(_ pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
      return nil
    }
    return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
      .flatMap { Int($0.filter(\.isNumber)) }
  }

  @Test func windowSizesAClientClaimsLeaveTheKioskAliveBoundedAndAnswering() throws {
    let server = try KioskServer()
    defer { server.stop() }
    let client = try server.client()
    #expect(client.waitFor("of 22 actors", timeout: .seconds(15)), "\(client.text.suffix(300))")
    let pid = try kioskPID(server)

    for (step, (columns, rows)) in [(40_000, 40), (40, 32_768), (65_535, 65_535), (10_000, 10_000)]
      .enumerated()
    {
      let before = client.byteCount
      client.resize(columns: columns, rows: rows)
      #expect(
        client.waitFor("window \(columns)x\(rows)", after: before), "\(client.text.suffix(300))")
      #expect(kill(pid, 0) == 0, "the kiosk ended at \(columns)x\(rows)")
      client.resize(columns: 120, rows: 40)
      let back = client.byteCount
      // A key, then Ctrl-L: the whole screen comes again (a move alone may send one digit).
      client.type("j\u{0C}")
      #expect(
        client.waitFor("\(step + 2) of 22 actors", after: back), "\(client.text.suffix(300))")
    }

    let peak = try #require(peakMemoryKilobytes(pid))
    #expect(peak < KioskAttackTests.memoryBoundKilobytes, "peak \(peak) kB")
    #expect(try server.musterProcesses().count == 1)
  }

  @Test(arguments: [SIGSEGV, SIGABRT])
  func aCrashOverSSHShowsOnePlainLineAndEndsTheSession(signal: Int32) throws {
    let server = try KioskServer()
    defer { server.stop() }
    let client = try server.client()
    #expect(client.waitFor("of 22 actors", timeout: .seconds(15)))
    let pid = try kioskPID(server)
    let before = client.byteCount

    kill(pid, signal)
    let clientStatus = client.waitForExit(timeout: .seconds(5))
    let shown = client.text(after: before)

    #expect(clientStatus != nil, "the SSH session did not end")
    #expect(shown.contains("muster: stopped by an internal error"), "\(shown)")
    for word in ["Crash", "Thread", "Press space", "debug", ">>>", "swift", "Backtrace"] {
      #expect(!shown.contains(word), "\(word) in \(shown.debugDescription)")
    }
    #expect(try server.musterProcesses().isEmpty)
    #expect(server.text("kiosk.log").contains("crashed: "), "\(server.text("kiosk.log"))")
  }

  @Test(arguments: ["stopped", "not reading"])
  func aClientThatStopsLosesItsKioskWithinTheClientTimeout(how: String) throws {
    let server = try KioskServer(sshConfig: ["--idle", "1", "--client-timeout", "3"])
    defer { server.stop() }
    let client = try server.client()
    client.answersStatusQueries = true
    #expect(client.waitFor("touring the timeline", timeout: .seconds(15)))
    // Answered queries keep it: well past the timeout, it still runs.
    client.read(for: .seconds(5))
    #expect(try server.musterProcesses().count == 1, "\(server.text("kiosk.log"))")

    let start = ContinuousClock.now
    if how == "stopped" {
      // SIGSTOP on the ssh client (`exec`ed, so the terminal's own process): the connection
      // stays up, nothing is read or answered.
      kill(client.pid, SIGSTOP)
    }
    // From here on the client's terminal reads nothing.
    let gone = eventually(timeout: .seconds(20)) {
      (try? server.musterProcesses())?.isEmpty == true
    }
    let took = ContinuousClock.now - start

    #expect(gone, "the kiosk still runs after \(took)")
    // The timeout (3 s) since the last answer, which came at most a query interval before.
    #expect(took < .seconds(5), "\(took)")
    #expect(server.text("kiosk.log").contains("stopped answering"), "\(server.text("kiosk.log"))")
    kill(client.pid, SIGKILL)
  }

  @Test func pamLimitsBoundHowManyKiosksOneAccountHolds() throws {
    // The setting docs/ssh-kiosk.md recommends, as `muster ssh-config` prints it; pam_limits
    // counts the account's logins in utmp, which sshd writes for every terminal session.
    let server = try KioskServer(usesPAM: true)
    defer { server.stop() }
    let printed = try CommandRunner.muster(
      ["ssh-config", "--user", server.user, "--max-logins", "2"], home: server.folder.path)
    let limits = try #require(
      printed.output.split(separator: "\n").first { $0.hasPrefix(server.user + " ") })
    let limitsFile = "/etc/security/limits.d/muster-test-\(server.user).conf"
    try (String(limits) + "\n").write(toFile: limitsFile, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: limitsFile) }
    if !FileManager.default.fileExists(atPath: "/run/utmp") {
      _ = FileManager.default.createFile(atPath: "/run/utmp", contents: nil)
    }

    var clients: [PseudoTerminal] = []
    for _ in 0..<2 {
      let client = try server.client()
      #expect(client.waitFor("KIOSK", timeout: .seconds(15)), "\(client.text.suffix(300))")
      clients.append(client)
    }
    let third = try server.client()

    #expect(third.waitForExit(timeout: .seconds(15)) != nil, "a third kiosk was let in")
    #expect(third.text.contains("too many logins"), "\(third.text.suffix(300))")
    #expect(!third.text.contains("KIOSK"))
    #expect(try server.musterProcesses().count == 2)
  }
}
