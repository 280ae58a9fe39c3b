import Foundation
import MusterTestSupport
import Testing

/// The README's examples (and docs/ssh-kiosk.md's) are real: each `$ muster ...` block is run against the bundled
/// dataset and must print what the README shows (up to a closing `...` line).
@Suite struct ReadmeTests {
  struct Example: CustomStringConvertible {
    let arguments: [String]
    let expected: [String]
    var description: String { "muster " + arguments.joined(separator: " ") }
  }

  static func examples() throws -> [Example] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var examples: [Example] = []
    for document in ["README.md", "docs/ssh-kiosk.md"] {
      let text = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
      examples += Self.examples(in: text)
    }
    return examples
  }

  /// The `$ muster` examples of one Markdown text.
  static func examples(in readme: String) -> [Example] {
    var examples: [Example] = []
    var current: Example?
    var inBlock = false
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if line.hasPrefix("```") {
        inBlock.toggle()
        if let example = current { examples.append(example) }
        current = nil
      } else if inBlock, line.hasPrefix("$ muster ") {
        // A block may hold several commands, each followed by its output.
        if let example = current { examples.append(example) }
        current = Example(arguments: Self.words(String(line.dropFirst(9))), expected: [])
      } else if inBlock, let example = current {
        current = Example(arguments: example.arguments, expected: example.expected + [line])
      }
    }
    return examples
  }

  /// Splits a command line at spaces, keeping "quoted words" together.
  static func words(_ line: String) -> [String] {
    var words: [String] = []
    var word = ""
    var quoted = false
    for character in line {
      if character == "\"" {
        quoted.toggle()
      } else if character == " " && !quoted {
        if !word.isEmpty { words.append(word) }
        word = ""
      } else {
        word.append(character)
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }

  @Test func theReadmeShowsTheBrowserAndSeveralCommands() throws {
    let examples = try Self.examples()
    #expect(examples.contains { $0.arguments.first == "render" })
    #expect(examples.count >= 5)
  }

  @Test func everyExampleInTheReadmePrintsWhatItShows() throws {
    let home = try TemporaryFolder("muster-readme")
    for example in try Self.examples() {
      let result = try CommandRunner.muster(example.arguments, home: home.path)
      #expect(result.status == 0, "\(example): \(result.errors)")
      let printed = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init)
      if example.expected.last == "..." {
        let shown = Array(example.expected.dropLast())
        #expect(Array(printed.prefix(shown.count)) == shown, "\(example)")
      } else if example.arguments.first == "list" {
        // Listings are shown in part: every line shown must be printed.
        for line in example.expected {
          #expect(printed.contains(line), "\(example) does not print: \(line)")
        }
      } else {
        #expect(Array(printed.dropLast()) == example.expected, "\(example)")
      }
    }
  }
}
