import ArgumentParser
import Foundation
import MusterExport
import MusterImport
import MusterStore

/// Exit codes, from sysexits.h, as interface.md lists them.
enum ExitStatus {
  static let usage: Int32 = 64
  static let badData: Int32 = 65
  static let missingInput: Int32 = 66
  static let noTerminal: Int32 = 69
  static let ioError: Int32 = 74
  /// Someone changed the record since it was read (EX_TEMPFAIL): reload and try again.
  static let conflict: Int32 = 75
}

/// A failure with a message for the user and an exit code.
struct CommandFailure: Error {
  let message: String
  let code: Int32

  init(_ message: String, code: Int32) {
    self.message = message
    self.code = code
  }
}

/// Runs a command's work, turning every error into a message on stderr and an exit code.
func reportingFailures(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let failure as CommandFailure {
    Console.error(failure.message)
    throw ExitCode(failure.code)
  } catch let error as StoreError {
    Console.error(error.description)
    throw ExitCode(code(for: error.kind))
  } catch let error as ExportError {
    Console.error(error.description)
    throw ExitCode(code(for: error))
  } catch let problems as ImportProblems {
    for problem in problems.problems { Console.error(problem.description) }
    throw ExitCode(ExitStatus.badData)
  } catch let error as ExitCode {
    throw error
  } catch {
    Console.error("\(error)")
    throw ExitCode(ExitStatus.ioError)
  }
}

func code(for kind: StoreError.Kind) -> Int32 {
  switch kind {
  case .missing: ExitStatus.missingInput
  case .notADatabase, .incompatible, .invalidData: ExitStatus.badData
  case .readOnly, .io: ExitStatus.ioError
  }
}

func code(for error: ExportError) -> Int32 {
  switch error {
  case .briefNeedsASiteOrActor: ExitStatus.usage
  case .noSuchRecord: ExitStatus.missingInput
  case .fileExists, .noFreeName, .cannotWrite: ExitStatus.ioError
  }
}
