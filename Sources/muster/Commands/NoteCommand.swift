import ArgumentParser
import Foundation
import MusterDomain

/// `muster note ID TEXT`: an analyst's note on a record, as `a` adds it in the browser.
struct NoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "note",
    abstract: "Add a note to a record (as `a` does in the browser).",
    discussion: """
      The note is signed with $USER (or --author) and the time. Notes show in the record's \
      detail and are found by search. Any number of sessions may add notes at once.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The record's id, such as site:albu-kamal.")
  var id: String

  @Argument(help: "What the note says.")
  var text: String

  @Option(help: "Sign the note with this name instead of $USER.")
  var author: String?

  func run() throws {
    try reportingFailures {
      guard let record = RecordReference(id) else {
        throw CommandFailure(
          "'\(id)' is not a record id; expected a kind and a name, such as site:albu-kamal",
          code: ExitStatus.usage)
      }
      let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !words.isEmpty else {
        throw CommandFailure("the note is empty", code: ExitStatus.usage)
      }
      let writer = try DatabaseLocation.openWritable(global)
      guard try writer.catalog.contains(record) else {
        throw CommandFailure(
          "no record \(id) in \(writer.catalog.path)", code: ExitStatus.missingInput)
      }
      let note = Note.fresh(
        on: record, by: author ?? Analyst.name(ProcessInfo.processInfo.environment),
        at: Int(time(nil)), text: words)
      try writer.add(note)
      Console.line("added \(note.id.rawValue) to \(id)")
    }
  }
}
