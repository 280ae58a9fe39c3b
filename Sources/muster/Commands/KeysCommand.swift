import ArgumentParser
import MusterUI

/// `muster keys`: the key bindings, from the same table the browser uses.
struct KeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "Print the browser's key bindings.",
    discussion: "`muster keys --markdown > docs/keys.md` is how `make docs` writes the docs.")

  @Flag(help: "Print docs/keys.md (Markdown) instead of a plain table.")
  var markdown = false

  @Flag(help: "Only the keys that work in kiosk mode.")
  var kiosk = false

  func run() throws {
    let keymap = Keymap.standard
    if markdown {
      Console.raw(keymap.markdown())
      return
    }
    var table = TextTable()
    for binding in keymap.bindings(for: kiosk ? .kiosk : .interactive) {
      table.append([binding.keyNames, binding.summary])
    }
    Console.raw(table.render().joined(separator: "\n") + "\n")
  }
}
