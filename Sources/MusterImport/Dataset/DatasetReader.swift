import MusterDomain
import Yams

/// Reads Muster's native dataset format (YAML, or JSON, which YAML reads too).
///
/// Every problem is reported with its position, and reading goes on after a problem so one
/// run of `muster check` lists them all. `docs/dataset-format.md` describes the format.
public struct DatasetReader {
  /// The format version this reader understands, in the file's `muster:` field.
  public static let formatVersion = Dataset.formatVersion

  /// What reading a file gave: the records understood, and every problem found.
  public struct Result: Sendable {
    /// The records read; incomplete when there are problems.
    public let dataset: Dataset
    /// Every problem, in file order.
    public let problems: [ImportProblem]
  }

  /// Reads a dataset from its text; `file` names it in problems.
  ///
  /// `known` lists records that exist already (in the database being imported into), so
  /// references to them are not reported as unknown.
  public static func read(
    _ text: String, file: String, known: @escaping (RecordReference) -> Bool = { _ in false }
  ) -> Result {
    var reader = NodeReader(file: file)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text, .basic)
    } catch let error as YamlError {
      reader.problem(at: error.mark, "not valid YAML or JSON: \(error.problemText)")
      return Result(dataset: Dataset(), problems: reader.problems)
    } catch {
      reader.problem(at: nil, "not valid YAML or JSON: \(error)")
      return Result(dataset: Dataset(), problems: reader.problems)
    }
    guard let root else {
      reader.problem(at: nil, "the file is empty; expected a dataset starting with 'muster: 1'")
      return Result(dataset: Dataset(), problems: reader.problems)
    }
    var records = RecordReader(reader: reader)
    let dataset = records.dataset(root)
    var validator = DatasetValidator(dataset: dataset, positions: records.positions, known: known)
    validator.validate(into: &records.reader)
    let sorted = records.reader.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    return Result(dataset: dataset, problems: sorted)
  }
}

extension YamlError {
  /// Where libyaml stopped, when it says.
  var mark: Mark? {
    switch self {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      mark
    case .duplicatedKeysInMapping(_, let context):
      context.mark
    default:
      nil
    }
  }

  /// libyaml's description of the problem, without the echoed source line.
  var problemText: String {
    switch self {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
      .composer(let context, let problem, _, _):
      [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    case .duplicatedKeysInMapping(let duplicates, _):
      "duplicated keys \(duplicates.joined(separator: ", "))"
    case .reader(let problem, _, _, _):
      problem
    default:
      "\(self)"
    }
  }
}
