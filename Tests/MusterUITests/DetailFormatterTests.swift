import MusterDomain
import MusterUI
import Testing

@Suite struct DetailFormatterTests {
  func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

  @Test func aDeploymentDetailShowsItsStateAsOfTheDayAndItsChain() throws {
    let source = Source(id: "source:a", name: "Outlet A", kind: .news, reliability: .c)
    let origin = Source(id: "source:b", name: "Origin B", kind: .news, reliability: .d)
    let document = Document(
      id: "document:a", source: source.id, title: "Article", published: .day(try day("2020-12-30")))
    let quoted = Document(id: "document:b", source: origin.id, title: "Original")
    let deployment = Deployment(
      id: "deployment:x", actor: "actor:x", site: "site:y", role: .control, status: .present,
      period: ClaimPeriod(start: PeriodBound(try FuzzyDate(parsing: "2020-12"))),
      analystStatus: .contested)
    let cited = CitedSource(
      citation: Citation(
        document: document.id, credibility: .possiblyTrue, quote: "they took over"),
      document: document, source: source, chain: [ChainLink(document: quoted, source: origin)])
    let detail = DeploymentDetail(
      state: DeploymentState(
        deployment: deployment, actorName: "Force X", siteName: "Site Y", status: .withdrawing,
        strength: nil, grade: cited.grade),
      actor: RecordLink(.init(kind: .actor, rawValue: "actor:x"), "Force X"),
      site: RecordLink(.init(kind: .site, rawValue: "site:y"), "Site Y"), effects: [],
      citations: [cited], notes: [])

    let lines = DetailFormatter(asOf: try day("2020-12-31")).lines(for: .deployment(detail))
      .map(\.plainText)

    #expect(lines.first == "Force X at Site Y  deployment")
    #expect(lines.contains("  As of 2020-12-31: withdrawing"))
    #expect(lines.contains("  Period: from 2020-12 (month), open"))
    #expect(lines.contains("  Assessment: contested"))
    #expect(lines.contains("  C3 Outlet A: Article (2020-12-30)"))
    #expect(lines.contains("    “they took over”"))
    #expect(lines.contains("    via Origin B (D)"))
  }

  @Test func linesLinkToTheRecordsTheyName() {
    let note = Note(
      id: "note:1", target: .init(kind: .site, rawValue: "site:y"), author: "ana",
      createdAt: 86_400 + 3_660, text: "look")
    let detail = NoteDetail(note: note, target: RecordLink(note.target, "Site Y"))

    let lines = DetailFormatter(asOf: nil).lines(for: .note(detail))

    #expect(lines.first?.plainText == "Note by ana  1970-01-02 01:01 UTC")
    #expect(lines.last?.link?.rawValue == "site:y")
  }

  /// Regression (hostile data): a 1 MB note is cut in the detail.
  ///
  /// It became thousands of wrapped rows, wrapped again on every frame. A span shows its first `DetailSpan.limit` characters and says
  /// how many more there are.
  @Test func aHugeTextIsCutWithANote() {
    let huge = String(repeating: "0123456789", count: 100_000)
    let span = DetailSpan(huge)
    #expect(span.text.hasPrefix(String(huge.prefix(DetailSpan.limit))))
    #expect(span.text.hasSuffix("[… 980000 more characters; `muster show ID --json` prints all]"))
    #expect(DetailSpan("short").text == "short")
  }
}
