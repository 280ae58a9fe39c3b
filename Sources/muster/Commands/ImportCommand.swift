import ArgumentParser
import Foundation
import MusterDomain
import MusterImport
import MusterStore

/// `muster import FILE`: loads a dataset in one transaction, all or nothing.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Load a dataset file into the database, all or nothing.",
    discussion: """
      Records are matched by id: a record already in the database is replaced, a new one is
      added. Nothing is written when the file has any problem; run `muster check FILE` to
      list them. A database that does not exist yet is created empty.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The file to import (.yaml, .yml or .json).", completion: .file())
  var file: String

  @Option(help: "The file's format.")
  var format: ImportFormat = .dataset

  func run() throws {
    try reportingFailures {
      let text = try InputFile.read(file)
      let writer = try DatabaseLocation.openWritable(global, seeded: false)
      let catalog = writer.catalog
      let result = DatasetReader.read(text, file: file) { reference in
        (try? catalog.contains(reference)) ?? false
      }
      guard result.problems.isEmpty else { throw ImportProblems(result.problems) }
      let summary = try writer.write(result.dataset)
      Console.line(ImportCommand.describe(summary, into: catalog.path))
    }
  }

  static func describe(_ summary: WriteSummary, into path: String) -> String {
    let parts = RecordKind.allCases.compactMap { kind -> String? in
      let added = summary.inserted[kind] ?? 0
      let replaced = summary.updated[kind] ?? 0
      guard added + replaced > 0 else { return nil }
      return replaced > 0
        ? "\(added + replaced) \(kind.plural) (\(replaced) replaced)" : "\(added) \(kind.plural)"
    }
    let list = parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    return "imported \(list) into \(path)"
  }
}

/// The formats `muster import` reads.
enum ImportFormat: String, ExpressibleByArgument, CaseIterable {
  case dataset
}

/// Reading an input file with errors a user can act on.
enum InputFile {
  static func read(_ path: String) throws -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandFailure("\(path): no such file", code: ExitStatus.missingInput)
    }
    guard !isDirectory.boolValue else {
      throw CommandFailure("\(path): is a folder, not a file", code: ExitStatus.missingInput)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandFailure("\(path): cannot be read (permissions?)", code: ExitStatus.ioError)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandFailure(
        "\(path): is not UTF-8 text; expected a YAML or JSON file in UTF-8",
        code: ExitStatus.badData)
    }
    return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
  }
}
