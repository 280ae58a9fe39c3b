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
