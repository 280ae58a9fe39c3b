import MusterDomain
import Testing

@Suite struct GradeTests {
  @Test func gradesReadAndPrintAsLetterAndDigit() {
    #expect(Grade("C3")?.description == "C3")
    #expect(Grade("b2") == Grade(.b, .probablyTrue))
    #expect(Grade("G1") == nil)
    #expect(Grade("A7") == nil)
    #expect(Grade("A") == nil)
  }

  @Test func betterGradesSortFirst() {
    let grades = ["F6", "C3", "B2", "C2", "A5"].compactMap { Grade($0) }.sorted()

    #expect(grades.map(\.description) == ["A5", "B2", "C2", "C3", "F6"])
  }

  @Test func atLeastComparesBothParts() throws {
    #expect(try #require(Grade("B2")).isAtLeast(try #require(Grade("C3"))))
    #expect(!(try #require(Grade("A4")).isAtLeast(try #require(Grade("C3")))))
  }

  @Test func aClaimIsGradedByItsBestCitation() {
    let source = Source(id: "source:x", name: "X", kind: .news, reliability: .c)
    let better = Source(id: "source:y", name: "Y", kind: .news, reliability: .b)
    let document = Document(id: "document:x", source: source.id, title: "X")
    let cited = [
      CitedSource(
        citation: Citation(document: document.id, credibility: .possiblyTrue), document: document,
        source: source),
      CitedSource(
        citation: Citation(document: document.id, credibility: .doubtful), document: document,
        source: better),
    ]

    #expect(cited.bestGrade?.description == "B4")
  }

  @Test func estimatesPrintTheirRange() {
    #expect(Estimate(high: 2000).description == "≤2,000")
    #expect(Estimate(best: 2000, high: 2000).description == "≤2,000")
    #expect(Estimate(best: 100).description == "~100")
    #expect(Estimate(low: 1500, best: 1800, high: 2000).description == "1,500–2,000 (best 1,800)")
    #expect(Estimate().description == "?")
    #expect(!Estimate(low: 5, high: 2).isConsistent)
  }
}
