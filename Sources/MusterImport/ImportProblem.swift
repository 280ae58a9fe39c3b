/// One thing wrong with an input file, where it is, and what was expected instead.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible, Codable {
  /// The file, as the user named it.
  public let file: String
  /// 1-based line, or 0 when the problem concerns the whole file.
  public let line: Int
  /// 1-based column (in Unicode scalars), or 0 when unknown.
  public let column: Int
  /// What is wrong and what was expected, in one sentence.
  public let message: String
  /// Why the row was skipped, in a few words shared by every row skipped for it
  /// (`invalid event_date`, `duplicate id`, `cut short`): how a summary groups the skips.
  public let reason: String?

  /// A problem from its fields.
  public init(file: String, line: Int, column: Int, message: String, reason: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.reason = reason
  }

  /// `FILE:LINE:COLUMN: message`, the form editors and compilers use.
  public var description: String {
    line > 0 ? "\(file):\(line):\(max(column, 1)): \(message)" : "\(file): \(message)"
  }
}

/// Problems found in a file; thrown when a file cannot be imported.
public struct ImportProblems: Error, Sendable, CustomStringConvertible {
  /// Every problem, in file order.
  public let problems: [ImportProblem]

  /// Problems from a list.
  public init(_ problems: [ImportProblem]) {
    self.problems = problems
  }

  /// The value as text.
  public var description: String {
    problems.map(\.description).joined(separator: "\n")
  }
}
