import Foundation
import GRDB
import MusterDomain
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

/// An analyst's changes to claims on a real database holding the bundled dataset: each
/// written in one transaction, checked, and recorded in the history.
@Suite struct ClaimEditTests {
  let store: SeededStore
  var writer: SQLiteCatalogWriter { store.writer }
  var catalog: SQLiteCatalog { store.catalog }

  init() throws {
    store = try SeededStore()
  }

  static let nahar = ID<Document>("document:nahar-albu-kamal-agreement")

  func date(_ text: String) throws -> FuzzyDate {
    try FuzzyDate(parsingAnalystDate: text)
  }

  func claim(
    _ id: String, actor: String = "actor:hezbollah", site: String = "site:al-heri",
    start: String = "2021-02-01", citations: [Citation]? = nil
  ) throws -> Deployment {
    Deployment(
      id: ID(id), actor: ID(actor), site: ID(site), role: .control, status: .present,
      period: ClaimPeriod(start: PeriodBound(try date(start))),
      citations: citations ?? [Citation(document: Self.nahar, credibility: .possiblyTrue)])
  }

  /// `actor status` of the holders of `site` as of `day`, leader first.
  func holders(_ site: String, _ day: String) throws -> [String] {
    try catalog.holders(of: ID(site), asOf: #require(Day(iso: day))).map {
      "\($0.deployment.actor.rawValue) \($0.status.rawValue)"
        + ($0.deployment.analystStatus == .rejected ? " rejected" : "")
    }
  }

  func historyCount() throws -> Int {
    try catalog.changeLog(ChangeLogQuery(limit: 10_000)).count
  }

  @Test func aNewClaimWithANewSourceAndDocumentIsWrittenAndRecorded() throws {
    let source = Source(
      id: "source:deir-ezzor-24", name: "Deir Ezzor 24", kind: .news, reliability: .c)
    let document = Document(
      id: "document:de24-2021-02", source: source.id, title: "Hezbollah at al-Heri",
      url: "https://example.org/de24", published: try date("2021-02-02"))
    let new = try claim(
      "deployment:hezbollah-al-heri",
      citations: [Citation(document: document.id, credibility: .probablyTrue, quote: "took")])

    let changes = try writer.apply(
      .add(new, evidence: NewEvidence(source: source, document: document)), by: "rana",
      at: 1_700_000_000)

    #expect(changes.count == 1)
    let entry = try #require(changes.first)
    #expect(entry.action == "claim add")
    #expect(entry.author == "rana")
    #expect(entry.before == nil)
    #expect(entry.summary == "new claim: Hezbollah at al-Heri, control from 2021-02-01")
    let after = try JSONDecoder().decode(Deployment.self, from: Data((entry.after ?? "").utf8))
    #expect(after == new)
    #expect(try catalog.claim(new.id) == new)
    #expect(try holders("site:al-heri", "2021-02-15").first == "actor:hezbollah present")
    #expect(try holders("site:al-heri", "2021-01-15").contains("actor:hezbollah present") == false)
    // Its grade is the new source's reliability and the citation's credibility.
    let state = try #require(
      try catalog.holders(of: "site:al-heri", asOf: day("2021-02-15"))
        .first { $0.deployment.id == new.id })
    #expect(state.grade?.description == "C2")
    #expect(try catalog.changeLog(ChangeLogQuery(record: new.id.rawValue)) == changes)
  }

  @Test func everyBadNewClaimIsRefusedAndWritesNothing() throws {
    let before = try historyCount()
    let cases: [(ClaimEdit, String)] = [
      (.add(try claim("deployment:x", actor: "actor:nobody"), evidence: .none), "no actor"),
      (.add(try claim("deployment:x", site: "site:nowhere"), evidence: .none), "no site"),
      (.add(try claim("deployment:russia-al-heri"), evidence: .none), "already a claim"),
      (.add(try claim("deployment:x", citations: []), evidence: .none), "needs a citation"),
      (
        .add(
          try claim(
            "deployment:x",
            citations: [Citation(document: "document:missing", credibility: .doubtful)]),
          evidence: .none), "no document"
      ),
      (.add(try claim("deployment:inferred:x"), evidence: .none), "are the inference's"),
      (
        .add(
          try claim("deployment:x"),
          evidence: NewEvidence(
            source: Source(id: "source:sohr", name: "SOHR", kind: .ngo, reliability: .c))),
        "already a source"
      ),
    ]
    for (edit, message) in cases {
      #expect {
        try writer.apply(edit, by: "rana", at: 1)
      } throws: { error in
        "\(error)".contains(message)
      }
    }
    #expect(try historyCount() == before)
    #expect(try catalog.claim("deployment:x") == nil)
  }

  @Test func endingAClaimRecordsItsEndAndRefusesAnEndBeforeItsStart() throws {
    let id = ID<Deployment>("deployment:russia-al-heri")
    #expect(throws: StoreError.self) {
      try writer.apply(.end(id, on: try date("2019-01")), by: "rana", at: 1)
    }
    try writer.apply(.end(id, on: try date("late 2021")), by: "rana", at: 2)

    let ended = try #require(try catalog.claim(id))
    #expect(ended.period.end?.date.description == "2021-09-01/2021-12-31")
    #expect(try holders("site:al-heri", "2021-06-30").contains("actor:russia planned"))
    #expect(try holders("site:al-heri", "2022-01-01").isEmpty)
    let entry = try #require(try catalog.changeLog(ChangeLogQuery(record: id.rawValue)).first)
    #expect(entry.summary == "ended on 2021-09-01/2021-12-31")
    let before = try JSONDecoder().decode(Deployment.self, from: Data((entry.before ?? "").utf8))
    #expect(before.period.end == nil)
  }

  @Test func aHandoverEndsTheClaimAndStartsItsLinkedSuccessor() throws {
    let id = ID<Deployment>("deployment:russia-al-heri")
    let successor = try claim("deployment:hezbollah-al-heri-2021-03", start: "2021-03-01")

    let changes = try writer.apply(
      .handOver(id, to: successor, evidence: .none), by: "omar", at: 10)

    #expect(changes.map(\.record) == [id.rawValue, successor.id.rawValue])
    #expect(Set(changes.map(\.group)) == [changes[0].sequence])
    #expect(try catalog.claim(id)?.successor == successor.id)
    #expect(try holders("site:al-heri", "2021-02-15") == ["actor:russia planned"])
    #expect(try holders("site:al-heri", "2021-03-02") == ["actor:hezbollah present"])
    let detail = try #require(
      try catalog.holders(of: "site:al-heri", asOf: day("2021-03-01"))
        .first { $0.deployment.id == successor.id })
    #expect(detail.predecessors.map(\.record.rawValue) == [id.rawValue])

    // Not to the same actor, not to another site, not before the claim starts.
    for (bad, message) in [
      (try claim("deployment:y", actor: "actor:hezbollah", start: "2021-04"), "already holds"),
      (try claim("deployment:y", site: "site:imam-ali-base", start: "2021-04"), "stays at"),
      (
        try claim("deployment:y", actor: "actor:russia", start: "2019-01"),
        "before the claim's start"
      ),
    ] {
      #expect {
        try writer.apply(
          .handOver("deployment:hezbollah-al-heri-2021-03", to: bad, evidence: .none),
          by: "omar", at: 11)
      } throws: { "\($0)".contains(message) }
    }
  }

  @Test func citingAndRegradingChangeTheGrade() throws {
    let id = ID<Deployment>("deployment:russia-al-heri")
    let grade = { () throws -> String? in
      try self.catalog.holders(of: "site:al-heri", asOf: day("2020-12-31"))
        .first { $0.deployment.id == id }?.grade?.description
    }
    let before = try grade()
    try writer.apply(
      .cite(
        id, Citation(document: "document:fox-news-2019-09", credibility: .confirmed),
        evidence: .none), by: "rana", at: 1)
    #expect(try catalog.claim(id)?.citations.count == 2)
    #expect(try grade() != before)
    #expect(throws: StoreError.self) {
      try writer.apply(
        .cite(
          id, Citation(document: "document:fox-news-2019-09", credibility: .doubtful),
          evidence: .none), by: "rana", at: 2)
    }
    try writer.apply(
      .regrade(id, document: "document:fox-news-2019-09", .improbable), by: "rana", at: 3)
    #expect(try grade() == before)
    #expect(throws: StoreError.self) {
      try writer.apply(.regrade(id, document: "document:missing", .doubtful), by: "rana", at: 4)
    }
  }

  @Test func aRejectedClaimIsListedButHoldsNothing() throws {
    let id = ID<Deployment>("deployment:russia-al-heri")
    let list = {
      try self.catalog.entities(
        EntityQuery(kind: .site, asOf: day("2020-12-31"), limit: 100)
      ).rows.first { $0.title == "al-Heri" }?.fact
    }
    #expect(try list() == "Russia (planned)")
    #expect(throws: StoreError.self) {
      try writer.apply(.setStatus(id, .inferred), by: "rana", at: 1)
    }
    try writer.apply(.setStatus(id, .rejected), by: "rana", at: 2)
    #expect(try list() == "Russia (rejected)")
    #expect(try holders("site:al-heri", "2020-12-31") == ["actor:russia planned rejected"])
    try expectListsAndMapAgreeWithHolders(catalog, on: [day("2020-12-31")])
  }

  @Test func aChangeBasedOnAStaleViewIsRefusedAndTheOtherChangeKept() throws {
    let id = ID<Deployment>("deployment:russia-al-heri")
    // Another process on the same file: its own connection.
    let other = try SQLiteCatalog.openWritable(at: store.path)
    let seen = try catalog.changeLog(ChangeLogQuery(record: id.rawValue)).first?.sequence ?? 0
    let theirs = try other.apply(.setStatus(id, .accepted), by: "omar", at: 100)

    #expect {
      try writer.apply(.end(id, on: try date("2021-06")), by: "rana", at: 101, basedOn: seen)
    } throws: { error in
      guard let stale = error as? StaleChange else { return false }
      return stale.author == "omar" && stale.sequence == theirs[0].sequence
        && stale.description.contains("was changed by omar at 1970-01-01T00:01:40Z")
    }
    #expect(try catalog.claim(id)?.analystStatus == .accepted)
    #expect(try catalog.claim(id)?.period.end == nil)
    // Based on what it now sees, the change goes through.
    try writer.apply(
      .end(id, on: try date("2021-06")), by: "rana", at: 102, basedOn: theirs[0].sequence)
    #expect(try catalog.claim(id)?.period.end?.date.description == "2021-06")
  }

  @Test func theHistoryListsNewestFirstByRecordAndTime() throws {
    let id = ID<Deployment>("deployment:russia-al-heri")
    try writer.apply(.setStatus(id, .accepted), by: "a", at: 1_000)
    try writer.apply(.setStatus(id, .contested), by: "b", at: 2_000)
    try writer.recordImport(of: "/data/acled.csv", summary: "10 rows", by: "c", at: 3_000)

    let all = try catalog.changeLog(ChangeLogQuery())
    #expect(all.map(\.author) == ["c", "b", "a"])
    #expect(all.first?.action == "import")
    #expect(try catalog.changeLog(ChangeLogQuery(since: 1_500)).map(\.author) == ["c", "b"])
    #expect(
      try catalog.changeLog(ChangeLogQuery(record: id.rawValue)).map(\.summary) == [
        "status accepted -> contested", "status unverified -> accepted",
      ])
    #expect(try catalog.changeLog(ChangeLogQuery(limit: 1)).count == 1)
  }

  @Test func undoPutsBackEachRecordAndRemovesWhatTheChangeMade() throws {
    let id = ID<Deployment>("deployment:russia-al-heri")
    let original = try #require(try catalog.claim(id))
    let successor = try claim("deployment:hezbollah-al-heri-2021-03", start: "2021-03-01")
    try writer.apply(.setStatus(id, .accepted), by: "rana", at: 1)
    try writer.apply(.handOver(id, to: successor, evidence: .none), by: "rana", at: 2)
    #expect(
      try catalog.search(SearchRequest(text: "hezbollah al-heri", kinds: [.deployment]))
        .hits.contains { $0.record.rawValue == successor.id.rawValue })

    // The handover: the claim as it was before it, the successor gone, from search too.
    let undone = try writer.undoLast(by: "rana", at: 3)
    #expect(undone.map(\.action) == ["undo", "undo"])
    #expect(undone.map(\.record) == [successor.id.rawValue, id.rawValue])
    #expect(try catalog.claim(successor.id) == nil)
    var accepted = original
    accepted.analystStatus = .accepted
    #expect(try catalog.claim(id) == accepted)
    #expect(
      try catalog.search(SearchRequest(text: "hezbollah al-heri", kinds: [.deployment]))
        .hits.contains { $0.record.rawValue == successor.id.rawValue } == false)
    // Again: the status before that.
    try writer.undoLast(by: "rana", at: 4)
    #expect(try catalog.claim(id) == original)
    // Nothing of rana's is left to undo; an undo is not itself undone by another.
    #expect(throws: StoreError.self) { try writer.undoLast(by: "rana", at: 5) }
    #expect(try catalog.changeLog(ChangeLogQuery()).filter { $0.action == "undo" }.count == 3)
  }

  @Test func undoLeavesAloneWhatOthersChangedAndWhatCannotBeUndone() throws {
    let id = ID<Deployment>("deployment:russia-al-heri")
    try writer.apply(.end(id, on: try date("2021-06")), by: "rana", at: 1)
    try writer.apply(.setStatus(id, .contested), by: "omar", at: 2)
    #expect(throws: StaleChange.self) { try writer.undoLast(by: "rana", at: 3) }
    #expect(try catalog.claim(id)?.period.end?.date.description == "2021-06")

    try writer.apply(
      .addActor(ForceActor(id: "actor:quwat-al-ridha", name: "Quwat al-Ridha", kind: .militia)),
      by: "lina", at: 4)
    try writer.apply(
      .add(try claim("deployment:ridha-al-heri", actor: "actor:quwat-al-ridha"), evidence: .none),
      by: "omar", at: 5)
    #expect {
      try writer.undoLast(by: "lina", at: 6)
    } throws: { "\($0)".contains("has 1 claims now") }
    try writer.undoLast(by: "omar", at: 7)
    try writer.undoLast(by: "lina", at: 8)
    #expect(
      try catalog.contains(RecordReference(kind: .actor, rawValue: "actor:quwat-al-ridha")) == false
    )

    try writer.recordImport(of: "/data/x.csv", summary: "1 row", by: "sami", at: 9)
    #expect { try writer.undoLast(by: "sami", at: 10) } throws: {
      "\($0)".contains("cannot be undone")
    }
  }

  @Test(arguments: [
    ("late 2020", "2020-09-01/2020-12-31"), ("early 2021", "2021-01-01/2021-04-30"),
    ("mid 2020", "2020-05-01/2020-08-31"), ("early 2020-12", "2020-12-01/2020-12-10"),
    ("mid 2020-02", "2020-02-11/2020-02-20"), ("late 2020-02", "2020-02-21/2020-02-29"),
    ("2020-12-17", "2020-12-17"), ("2020-12", "2020-12"),
  ])
  func analystDates(_ text: String, _ expected: String) throws {
    #expect(try FuzzyDate(parsingAnalystDate: text).description == expected)
  }

  @Test func badAnalystDatesSayWhatWasExpected() {
    for text in ["late", "late 2020-12-17", "soon 2020", "late twenty"] {
      #expect(throws: DateSyntaxError.self) { try FuzzyDate(parsingAnalystDate: text) }
    }
  }
}
