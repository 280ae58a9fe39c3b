import ArgumentParser
import Foundation
import MusterImport
import MusterStore

/// `muster check FILE`: validates a dataset and writes nothing.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate a dataset file; list every problem as FILE:LINE:COLUMN; write nothing.",
    discussion: """
      References to records that are not in the file are looked up in the database (--db) \
      when it exists; it is opened read-only and never created. Exits 65 when there are \
      problems.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The file to check.", completion: .file())
  var file: String

  func run() throws {
    try reportingFailures {
      let text = try InputFile.read(file)
      let path = try DatabaseLocation.path(global)
      let catalog =
        FileManager.default.fileExists(atPath: path)
        ? try SQLiteCatalog.openReadOnly(at: path) : nil
      let result = DatasetReader.read(text, file: file) { reference in
        (try? catalog?.contains(reference)) ?? false
      }
      guard result.problems.isEmpty else { throw ImportProblems(result.problems) }
      Console.line("\(file): ok, \(result.dataset.recordCount) records")
    }
  }
}
