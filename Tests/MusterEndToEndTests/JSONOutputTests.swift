import Foundation
import MusterTestSupport
import Testing

/// Every `--json` output has the shape `docs/json/*.schema.json` documents.
@Suite struct JSONOutputTests {
  let home: TemporaryFolder

  init() throws {
    home = try TemporaryFolder("muster-json")
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The bundled dataset, an ACLED and a UCDP import, and notes: every kind of record.
  func database() throws -> String {
    let db = home.file("muster.db")
    let fixtures = Self.root.appendingPathComponent("Tests/Fixtures/Exports")
    _ = try CommandRunner.muster(["--db", db, "list", "actors"], home: home.path)
    for name in ["acled-actor-types.csv", "ucdp-coalitions.csv", "acled-one-row-per-actor.csv"] {
      let imported = try CommandRunner.muster(
        ["--db", db, "import", fixtures.appendingPathComponent(name).path], home: home.path)
      try #require(imported.status == 0, "\(imported.errors)")
    }
    for target in ["site:imam-ali-base", "event:acled:AT1"] {
      let noted = try CommandRunner.muster(
        ["--db", db, "note", target, "Checked.", "--author", "analyst"], home: home.path)
      try #require(noted.status == 0, "\(noted.errors)")
    }
    return db
  }

  @Test func everyOutputMatchesItsSchema() throws {
    let db = try database()

    let result = try CommandRunner.run(
      "/usr/bin/python3",
      [
        Self.root.appendingPathComponent("Scripts/json-schemas.py").path, "--check",
        CommandRunner.musterPath, db,
      ], environment: ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])

    #expect(result.status == 0, "\(result.output)\(result.errors)")
    let checked = result.output.split(separator: "\n").last ?? ""
    #expect(checked.hasSuffix("outputs checked, 0 problems"), "\(result.output)")
    let count = Int(checked.split(separator: " ").first ?? "") ?? 0
    #expect(count > 150, "every record shown: \(checked)")
  }

  @Test func showHasNoEnumArtefactsAndTheSchemaRefusesThem() throws {
    let db = try database()
    let shown = try CommandRunner.muster(
      ["--db", db, "show", "event:acled:AT1", "--json"], home: home.path)
    let timeline = try CommandRunner.muster(["--db", db, "timeline", "--json"], home: home.path)
    #expect(shown.status == 0)
    #expect(!shown.output.contains("\"_0\""))
    #expect(!timeline.output.contains("\"_0\""))
    #expect(shown.output.contains("\"kind\" : \"event\""))
    #expect(timeline.output.contains("\"kind\" : \"clash\""))

    // The old shape, `{"event": {"_0": {...}}}`, is not what the schema allows.
    let old = try home.write(
      "{\"event\": {\"_0\": " + shown.output + "}}", to: "old-shape.json")
    let refused = try CommandRunner.run(
      "/usr/bin/python3",
      [
        "-c",
        """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
        print(len(errors))
        """,
        Self.root.appendingPathComponent("docs/json/show.schema.json").path, old,
      ], environment: ["PATH": "/usr/bin:/bin"])
    #expect(refused.status == 0, "\(refused.errors)")
    #expect((Int(refused.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0)
  }
}
