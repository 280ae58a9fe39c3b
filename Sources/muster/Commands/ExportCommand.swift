import ArgumentParser
import Foundation
import MusterImport

/// `muster export`: the database in a file format.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the database out in a file format.",
    discussion: """
      --format dataset writes every record in Muster's native YAML format, which
      `muster import` reads back unchanged. Files are written atomically and an existing
      file is never replaced without --force.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "The format to write.")
  var format: ExportFormat = .dataset

  @Option(name: .shortAndLong, help: "The file to write (default: standard output).")
  var output: String?

  @Flag(help: "Replace the output file if it exists.")
  var force = false

  func run() throws {
    try reportingFailures {
      let catalog = try DatabaseLocation.openForReading(global)
      let text: String
      switch format {
      case .dataset:
        text = try DatasetEncoder.yaml(try catalog.exportDataset())
      }
      guard let output else {
        Console.raw(text)
        return
      }
      try AtomicFile.write(text, to: output, replacing: force)
      Console.line("wrote \(output)")
    }
  }
}

/// The formats `muster export` writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
  case dataset
}

/// Writing a whole file at once: a temporary file beside it, then a rename.
enum AtomicFile {
  static func write(_ text: String, to path: String, replacing: Bool) throws {
    if !replacing && FileManager.default.fileExists(atPath: path) {
      throw CommandFailure(
        "\(path) exists; pass --force to replace it", code: ExitStatus.ioError)
    }
    let temporary = "\(path).tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      throw CommandFailure("cannot write \(temporary)", code: ExitStatus.ioError)
    }
    let descriptor = open(temporary, O_RDONLY)
    if descriptor >= 0 {
      fsync(descriptor)
      close(descriptor)
    }
    let result = replacing ? rename(temporary, path) : link(temporary, path)
    let error = errno
    if !replacing || result != 0 { unlink(temporary) }
    guard result == 0 else {
      throw CommandFailure(
        error == EEXIST
          ? "\(path) exists; pass --force to replace it"
          : "cannot write \(path): \(String(cString: strerror(error)))", code: ExitStatus.ioError)
    }
  }
}
