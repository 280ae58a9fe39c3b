import Foundation
import MusterImport
import Testing

@Suite struct DocumentationTests {
  /// The last YAML block of docs/dataset-format.md, the complete example.
  static func completeExample() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let page = try String(
      contentsOf: root.appendingPathComponent("docs/dataset-format.md"), encoding: .utf8)
    let blocks = page.components(separatedBy: "```yaml\n").dropFirst()
    return try #require(blocks.last?.components(separatedBy: "```").first)
  }

  @Test func theCompleteExampleInTheFormatGuideChecksCleanAndUsesEveryKind() throws {
    let result = DatasetReader.read(try Self.completeExample(), file: "dataset-format.md")

    #expect(result.problems.isEmpty, "\(result.problems)")
    let dataset = result.dataset
    #expect(!dataset.sources.isEmpty && !dataset.documents.isEmpty && !dataset.actors.isEmpty)
    #expect(!dataset.relations.isEmpty && !dataset.sites.isEmpty && !dataset.deployments.isEmpty)
    #expect(!dataset.events.isEmpty && !dataset.notes.isEmpty && !dataset.pins.isEmpty)
    #expect(dataset.events.contains { $0.kind == .statement })
    #expect(dataset.deployments.contains { !$0.citations.flatMap(\.via).isEmpty })
  }
}
