import Foundation
import GRDB
import MusterDomain
import Testing

@testable import MusterStore

@Suite struct SearchTests {
  let store: SeededStore

  init() throws {
    store = try SeededStore()
  }
  @Test func aSearchOfNamesOnlyLeavesOutWhatOnlyTheTextMatches() throws {
    // al-Heri's description says "on the Euphrates"; its names do not.
    var request = SearchRequest(text: "Euphrates", kinds: [.site])
    #expect(try store.catalog.search(request).hits.contains { $0.title == "al-Heri" })
    request.namesOnly = true
    #expect(try store.catalog.search(request).hits.isEmpty)
    // Its alias and another romanisation still find it.
    for text in ["al-Hari", "Heri", "الهري"] {
      var byName = SearchRequest(text: text, kinds: [.site])
      byName.namesOnly = true
      #expect(
        try store.catalog.search(byName).hits.first?.record.rawValue == "site:al-heri", "\(text)")
    }
  }

  func topHit(_ text: String) throws -> String? {
    try store.catalog.search(SearchRequest(text: text, limit: 5)).hits.first?.record.rawValue
  }

  @Test(arguments: [
    ("Abu Kamal", "site:albu-kamal"), ("Al-Bukamal", "site:albu-kamal"),
    ("albukamal", "site:albu-kamal"), ("ALBU KAMAL", "site:albu-kamal"),
    ("البوكمال", "site:albu-kamal"), ("al-Hari", "site:al-heri"), ("الهري", "site:al-heri"),
    ("al-Heri", "site:al-heri"), ("Fatimiyoun", "actor:fatemiyoun"),
    ("Fatemiyun", "actor:fatemiyoun"), ("لواء فاطميون", "actor:fatemiyoun"),
    ("Deir ez-Zor", "site:deir-ez-zor"), ("Dayr az-Zawr", "site:deir-ez-zor"),
    ("Deir Ezzor", "site:deir-ez-zor"), ("دير الزور", "site:deir-ez-zor"),
    ("Kataib Hezbollah", "actor:kataib-hezbollah"), ("Hizballah", "actor:hezbollah"),
  ])
  func everySpellingFindsItsRecordFirst(query: String, expected: String) throws {
    #expect(try topHit(query) == expected)
  }

  @Test func abuKamalListsTheTownTheBaseAndTheVillage() throws {
    let results = try store.catalog.search(SearchRequest(text: "abu kamal", limit: 50))
    let found = results.hits.map(\.record.rawValue)

    #expect(found.first == "site:albu-kamal")
    #expect(found.contains("site:imam-ali-base"))
    #expect(found.contains("site:al-heri"))
    // `Abu Kamal` is one of the town's aliases; its name is `Albu Kamal`.
    #expect(results.hits.first?.tier == .alias)
    #expect(results.hits.first?.matched == MatchExplanation(name: "Abu Kamal", isAlias: true))
  }

  @Test func namesRankAboveTextMatches() throws {
    let results = try store.catalog.search(SearchRequest(text: "fifth corps", limit: 50))

    #expect(results.hits.first?.record.rawValue == "actor:fifth-corps")
    #expect(results.hits.dropFirst().allSatisfy { $0.tier == .text })
    #expect(
      results.hits.contains { $0.record.rawValue == "event:fifth-corps-receives-border-points" })
  }

  @Test func textMatchesCarryASnippetWithTheMatchMarked() throws {
    let results = try store.catalog.search(SearchRequest(text: "hotel", limit: 50))
    let hit = try #require(results.hits.first { $0.record.kind == .event })
    let marked = hit.highlights.map { String(Array(hit.snippet)[$0]) }

    #expect(marked.map { $0.lowercased() } == ["hotel"])
  }

  @Test func kindsNarrowTheSearchAndTheCounts() throws {
    let all = try store.catalog.search(SearchRequest(text: "kamal", limit: 100))
    let events = try store.catalog.search(SearchRequest(text: "kamal", kinds: [.event], limit: 100))

    #expect(events.hits.allSatisfy { $0.record.kind == .event })
    #expect(events.counts.keys.sorted() == [.event])
    #expect(events.counts[.event] == all.counts[.event])
    #expect(all.total >= events.total)
  }

  @Test func countsEqualTheHitsWhenTheLimitAllowsAll() throws {
    let results = try store.catalog.search(SearchRequest(text: "iran", limit: 1000))
    var counted: [RecordKind: Int] = [:]
    for hit in results.hits { counted[hit.record.kind, default: 0] += 1 }

    #expect(counted == results.counts)
  }

  @Test func anEmptyOrPunctuationQueryFindsNothing() throws {
    #expect(try store.catalog.search(SearchRequest(text: "")).hits.isEmpty)
    #expect(try store.catalog.search(SearchRequest(text: "\"-*()")).hits.isEmpty)
  }

  @Test func anInterruptedReadThrowsTheInterruptionTheWorkerRecognises() throws {
    let store = try SeededStore()
    let catalog = try SQLiteCatalog.openReadOnly(at: store.path)
    final class Outcome: @unchecked Sendable { var error: (any Error)? }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Thread {
      do {
        // Counts for ever, until interrupted.
        _ = try catalog.read { db in
          try Int.fetchOne(
            db,
            sql: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
              + "SELECT count(*) FROM c")
        }
      } catch {
        outcome.error = error
      }
      done.signal()
    }.start()
    usleep(100_000)

    catalog.interrupt()

    #expect(done.wait(timeout: .now() + 10) == .success)
    #expect(outcome.error is CatalogReadInterrupted, "\(String(describing: outcome.error))")
    // Later reads run as usual.
    #expect(try catalog.summary().count(of: .event) == 14)
  }
}
