import MusterDomain
import MusterImport
import Testing

/// Each broken file, and the exact problem `muster check` must report for it.
@Suite struct CheckTests {
  static let header = """
    muster: 1
    sources:
      - {id: source:s, name: S, kind: news, reliability: B}
    documents:
      - {id: document:d, source: source:s, title: D}

    """

  func problems(_ text: String) -> [String] {
    DatasetReader.read(text, file: "broken.yaml").problems.map(\.description)
  }

  @Test(arguments: [
    (
      "muster: 1\nactors:\n  - id: actor:a\n    name: [unclosed\n",
      "broken.yaml:5:1: not valid YAML or JSON: while parsing a flow sequence did not find expected ',' or ']'"
    ),
    (
      header + "actors:\n  - {id: actor:a, name: A, kind: militia, colour: red}\n",
      "broken.yaml:7:43: unknown field 'colour' in an actor; expected one of id, name, kind, country, aliases, description, acled_type"
    ),
    (
      header + "actors:\n  - {id: actor:a, name: A, kidn: militia}\n",
      "broken.yaml:7:5: an actor has no 'kind'; expected a value for it"
    ),
    (
      header + "sites:\n  - {id: site:x, name: X, kind: hill}\n",
      "broken.yaml:7:33: unknown site kind 'hill'; expected one of city, town, village, base, point, checkpoint, border_crossing, area, country"
    ),
    (
      header + "events:\n  - {id: event:e, kind: strike, date: 2021-02-30, summary: S}\n",
      "broken.yaml:7:39: event date: '2021-02-30' is not a date: no such day; expected YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www or FIRST/LAST"
    ),
    (
      "muster: 1\nsources:\n  - {id: source:s, name: S, kind: news, reliability: G}\n",
      "broken.yaml:3:54: unknown reliability 'G'; expected one of A, B, C, D, E, F"
    ),
    (
      header
        + "events:\n  - id: event:e\n    kind: strike\n    date: 2021-02-25\n    summary: S\n    citations:\n      - {document: document:d, credibility: 7}\n",
      "broken.yaml:12:45: citation credibility 7 is out of range; expected 1 to 6"
    ),
    (
      header
        + "sites:\n  - id: site:x\n    name: X\n    kind: town\n    location: {latitude: 95.2, longitude: 40, precision: exact}\n",
      "broken.yaml:10:26: latitude 95.2 is out of range; expected -90 to 90"
    ),
    (
      header
        + "deployments:\n  - {id: deployment:x, actor: actor:ghost, site: site:nowhere, status: present}\n",
      "broken.yaml:7:31: unknown actor 'actor:ghost' (referenced by deployment:x); expected the id of a actor defined in this file or already in the database"
    ),
    (
      header
        + "actors:\n  - {id: actor:a, name: A, kind: state}\n  - {id: actor:a, name: B, kind: state}\n",
      "broken.yaml:8:10: duplicate id 'actor:a', first defined at line 7; expected each id once"
    ),
    (
      header + "actors:\n  - {id: site:a, name: A, kind: state}\n",
      "broken.yaml:7:10: actor id 'site:a' is not valid; expected 'actor:' followed by a name without spaces, such as actor:example"
    ),
    (
      header
        + "sites:\n  - {id: site:a, name: A, kind: area, parent: site:b}\n  - {id: site:b, name: B, kind: area, parent: site:a}\n",
      "broken.yaml:7:47: site site:a lies in itself through its parents; expected a chain of parents that ends"
    ),
    (
      header
        + "deployments: []\nactors:\n  - {id: actor:a, name: A, kind: state}\nsites:\n  - {id: site:a, name: A, kind: area}\ndeployments:\n",
      "broken.yaml:6:1: not valid YAML or JSON: duplicated keys deployments"
    ),
    (
      header
        + "actors:\n  - {id: actor:a, name: A, kind: state}\nsites:\n  - {id: site:a, name: A, kind: area}\n"
        + "deployments:\n  - {id: deployment:x, actor: actor:a, site: site:a, status: present, start: 2021-03, end: 2021-01}\n",
      "broken.yaml:11:92: deployment:x ends (2021-01) before it starts (2021-03)"
    ),
    (
      header
        + "actors:\n  - {id: actor:a, name: A, kind: state}\nsites:\n  - {id: site:a, name: A, kind: area}\n"
        + "deployments:\n  - {id: deployment:x, actor: actor:a, site: site:a, status: present, strength: {low: 500, high: 20}}\n",
      "broken.yaml:11:81: strength is inconsistent; expected low ≤ best ≤ high"
    ),
    (
      "muster: 2\n",
      "broken.yaml:1:9: format version 2 is not supported; expected muster: 1"
    ),
    (
      "{\"muster\": 1, \"actors\": [{\"id\": \"actor:a\", \"name\": \"A\", \"kind\": \"stat\"}]}",
      "broken.yaml:1:65: unknown actor kind 'stat'; did you mean 'state'? expected one of state, armed_force, branch, unit, militia, coalition, organization, person"
    ),
    (
      header + "events:\n  - {id: event:s, kind: statement, date: 2020-12, summary: S}\n",
      "broken.yaml:7:5: statement event:s names no speaker; expected an actor with role speaker"
    ),
    (
      "",
      "broken.yaml: the file is empty; expected a dataset starting with 'muster: 1'"
    ),
  ])
  func eachProblemIsReportedAtItsExactPosition(text: String, expected: String) {
    let found = problems(text)

    #expect(found.contains(expected), "got \(found)")
  }

  @Test func aFileWithManyProblemsReportsThemAllInFileOrder() {
    let text =
      Self.header + """
        actors:
          - {id: actor:a, name: A, kind: stat}
          - {id: actor:b, name: B, kind: militia, acled_type: 12}
        sites:
          - {id: site:a, name: A, kind: area, location: {latitude: x, longitude: 1, precision: exact}}

        """

    let found = DatasetReader.read(text, file: "f.yaml").problems

    #expect(found.count == 3)
    #expect(found.map(\.line) == [7, 8, 10])
  }

  @Test func theBundledDatasetHasNoProblems() {
    let result = DatasetReader.read(BundledText.dataset, file: "bundled")

    #expect(result.problems.isEmpty, "\(result.problems)")
    #expect(result.dataset.events.count == 14)
  }

  @Test func referencesToRecordsTheDatabaseHoldsAreAccepted() {
    let text =
      "muster: 1\nnotes:\n  - {id: note:n, target: site:albu-kamal, author: me, created_at: 2024-01-02T03:04:05Z, text: hello}\n"

    let alone = DatasetReader.read(text, file: "n.yaml")
    let withDatabase = DatasetReader.read(text, file: "n.yaml") { $0.rawValue == "site:albu-kamal" }

    #expect(alone.problems.count == 1)
    #expect(withDatabase.problems.isEmpty)
    #expect(withDatabase.dataset.notes.first?.createdAt == 1_704_164_645)
  }
}
