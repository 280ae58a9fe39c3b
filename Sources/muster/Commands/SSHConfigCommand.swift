import ArgumentParser
import Foundation

/// `muster ssh-config`: the sshd configuration that serves the kiosk to one account.
struct SSHConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ssh-config",
    abstract: "Print an sshd_config block and an authorized_keys line that serve the kiosk.",
    discussion: """
      Add the Match block to /etc/ssh/sshd_config (or a file in /etc/ssh/sshd_config.d/) and \
      reload sshd; or, for one key only, put the authorized_keys line (with the key in \
      place of KEY) in the account's authorized_keys. Either way every login of the account \
      runs `muster kiosk` and nothing else: no shell, no commands, no forwarding. \
      docs/ssh-kiosk.md walks through it.
      """)

  @Option(help: "The account that logs in to the kiosk.")
  var user: String

  /// `--db`: the database the kiosk shows (default: /var/lib/muster/muster.db).
  @OptionGroup var global: GlobalOptions

  var db: String { global.db ?? KioskCommand.defaultDatabase }

  @Option(help: ArgumentHelp("The muster binary (default: this one).", valueName: "path"))
  var muster: String?

  @Option(help: ArgumentHelp("Seconds without a key before the tour starts.", valueName: "seconds"))
  var idle = 120

  @Option(
    help: ArgumentHelp(
      "Seconds a client may stop taking part (a stopped or frozen client) before its kiosk ends.",
      valueName: "seconds"))
  var clientTimeout = 60

  @Option(help: ArgumentHelp("Seconds any one session may last.", valueName: "seconds"))
  var maxSession = 43_200

  @Option(
    help: ArgumentHelp(
      "Where the kiosk reports crashes and dropped clients: a syslog socket or a file.",
      valueName: "path"))
  var log = "/dev/log"

  @Option(
    help: ArgumentHelp(
      "How many kiosk sessions the account may hold at once (pam_limits maxlogins).",
      valueName: "count"))
  var maxLogins = 50

  @Option(
    help: ArgumentHelp("Close a session with no traffic after this long.", valueName: "duration"))
  var channelTimeout = "session=12h"

  func validate() throws {
    let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-.")
    guard let first = user.first, first.isLetter || first == "_",
      user.lowercased().allSatisfy(allowed.contains), user.count <= 32
    else {
      throw ValidationError("--user must be a plain account name (letters, digits, _ - .)")
    }
    for (name, value) in [("--db", db), ("--muster", musterPath), ("--log", log)] {
      guard value.hasPrefix("/") else { throw ValidationError("\(name) must be an absolute path") }
      guard !value.contains(where: { "\"'\\\n\r\t ".contains($0) || $0.isNewline }) else {
        throw ValidationError(
          "\(name) must not contain spaces, quotes or backslashes (sshd would split it)")
      }
    }
    guard idle >= 1 else { throw ValidationError("--idle must be at least 1 second") }
    guard clientTimeout >= 1 else {
      throw ValidationError("--client-timeout must be at least 1 second")
    }
    guard maxSession >= 0 else { throw ValidationError("--max-session must not be negative") }
    guard maxLogins >= 1 else { throw ValidationError("--max-logins must be at least 1") }
  }

  /// The binary to run: `--muster`, or this process's own executable.
  var musterPath: String {
    if let muster { return muster }
    return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? "/usr/local/bin/muster"
  }

  /// The command every login runs.
  var command: String {
    "\(musterPath) kiosk --db \(db) --idle \(idle) --client-timeout \(clientTimeout)"
      + " --max-session \(maxSession)" + (log == "/dev/log" ? "" : " --log \(log)")
  }

  func run() throws {
    print(
      """
      # sshd_config: every login of \(user) runs the Muster kiosk, read-only, and nothing else.
      Match User \(user)
          ForceCommand \(command)
          PermitTTY yes
          DisableForwarding yes
          X11Forwarding no
          AllowTcpForwarding no
          AllowStreamLocalForwarding no
          AllowAgentForwarding no
          PermitTunnel no
          PermitUserRC no
          MaxSessions 1
          SetEnv LANG=C.UTF-8
          PasswordAuthentication no
          KbdInteractiveAuthentication no
          ChannelTimeout \(channelTimeout)
          ClientAliveInterval 15
          ClientAliveCountMax 4

      # ~\(user)/.ssh/authorized_keys, or the file AuthorizedKeysFile names: one line per
      # key, with the key in place of KEY.
      restrict,pty,command="\(command)" KEY

      # /etc/security/limits.d/muster-kiosk.conf: at most \(maxLogins) kiosk sessions at once
      # for the account (pam_limits, with sshd's UsePAM yes, Debian's default).
      \(user) - maxlogins \(maxLogins)
      """)
  }
}
