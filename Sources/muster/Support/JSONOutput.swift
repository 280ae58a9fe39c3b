import Foundation

/// JSON on stdout: sorted keys, indented, one document per command.
enum JSONOutput {
  static func print(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    Console.raw(String(decoding: data, as: UTF8.self) + "\n")
  }
}
