import Foundation

/// What a finished process left behind.
public struct CommandResult: Sendable {
  /// The exit status, or 128 + the signal that ended it.
  public let status: Int32
  /// Everything written to standard output.
  public let output: String
  /// Everything written to standard error.
  public let errors: String
}

/// Runs programs (the real `muster` binary among them) and collects their output.
public enum CommandRunner {
  /// The `muster` binary built beside the test runner.
  public static var musterPath: String {
    let runner =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return ((runner as NSString).deletingLastPathComponent as NSString)
      .appendingPathComponent("muster")
  }

  /// Runs `muster` with `arguments` in a clean environment: only `HOME`, `XDG_DATA_HOME`,
  /// `PATH` and a UTF-8 locale, plus `environment`.
  public static func muster(
    _ arguments: [String], home: String, environment: [String: String] = [:],
    input: String? = nil
  ) throws -> CommandResult {
    var variables = [
      "HOME": home, "XDG_DATA_HOME": home + "/data", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
    ]
    variables.merge(environment) { _, new in new }
    return try run(musterPath, arguments, environment: variables, input: input)
  }

  /// Copies the `muster` binary to `path` and returns once the copy can be run.
  ///
  /// A child forked by another test while the copy is being written inherits its write
  /// descriptor, and running the copy fails with ETXTBSY ("Text file busy") while any
  /// process holds it. The copy is written through a close-on-exec descriptor, so such a
  /// child lets go when it execs; and it is tried (`--version`) until it runs, for up to
  /// 10 s, so a test (or sshd running it for a test) never meets that race.
  public static func copyMuster(to path: String) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: musterPath))
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
    let written = bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return true }
      var offset = 0
      while offset < buffer.count {
        let count = write(descriptor, base + offset, buffer.count - offset)
        if count <= 0 { return false }
        offset += count
      }
      return true
    }
    close(descriptor)
    guard written else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    var attempt = 0
    while true {
      do {
        let result = try run(path, ["--version"], environment: ["LANG": "C.UTF-8"])
        guard result.status == 0 else {
          throw CocoaError(
            .executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(path): \(result.errors)"])
        }
        return
      } catch  where "\(error)".contains("Text file busy") && attempt < 100 {
        attempt += 1
        usleep(100_000)
      }
    }
  }

  /// Runs a program to completion; output goes through files so large output cannot block.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String],
    input: String? = nil
  ) throws -> CommandResult {
    let folder = try TemporaryFolder("muster-run")
    let outputFile = folder.file("stdout")
    let errorFile = folder.file("stderr")
    _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
    _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorFile))
    if let input {
      let inputFile = try folder.write(input, to: "stdin")
      process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inputFile))
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    process.waitUntilExit()
    let status =
      process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return CommandResult(
      status: status,
      output: (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? "",
      errors: (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "")
  }
}
