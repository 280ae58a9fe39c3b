import GRDB
import MusterDomain
import Testing

@testable import MusterStore

@Suite struct AsOfTests {
  let store: SeededStore

  init() throws {
    store = try SeededStore()
  }

  @Test func atTheEndOf2020TheBorderPointsShowRussianForcesPresentAndTheMilitiasWithdrawing()
    throws
  {
    let holders = try store.catalog.holders(
      of: "site:albu-kamal-border-points", asOf: try day("2020-12-31"))
    let states = Dictionary(
      uniqueKeysWithValues: holders.map { ($0.deployment.actor.rawValue, $0.status) })

    #expect(states["actor:russian-forces-deir-ezzor"] == .present)
    #expect(states["actor:iraqi-militias"] == .withdrawing)
    #expect(states["actor:fifth-corps"] == .present)
    #expect(states["actor:kataib-hezbollah"] == nil)
  }

  @Test func theSitesListAndTheMapSayWhatTheDetailSaysOnEveryTellingDay() throws {
    // Every day a deployment starts or ends, and the days either side.
    let bounds = try store.catalog.database.read { db in
      try Int.fetchAll(
        db,
        sql: """
          SELECT start_first FROM deployment WHERE start_first IS NOT NULL
          UNION SELECT end_last FROM deployment WHERE end_last IS NOT NULL
          UNION SELECT date_first FROM event JOIN effect ON effect.event = event.rowid
          """)
    }
    #expect(bounds.count > 5)
    let days = Set(bounds.flatMap { [$0 - 1, $0, $0 + 1] }).sorted()
      .map { Day(daysSinceEpoch: $0) }
    try expectListsAndMapAgreeWithHolders(store.catalog, on: days)
  }

  @Test func beforeDecember2020TheMilitiasHoldTheBorderPointsAlone() throws {
    let holders = try store.catalog.holders(
      of: "site:albu-kamal-border-points", asOf: try day("2020-11-30"))
    let actors = Set(holders.map(\.deployment.actor.rawValue))

    #expect(
      actors == [
        "actor:iraqi-militias", "actor:kataib-hezbollah", "actor:harakat-al-nujaba",
        "actor:harakat-al-abdal",
      ])
    #expect(holders.allSatisfy { $0.status == .present })
  }

  @Test func theImamAliBaseShowsTheHandoverItsSuccessorAndTheContestedEvacuation() throws {
    let detail = try #require(
      try store.catalog.detail(
        of: .init(kind: .site, rawValue: "site:imam-ali-base"), asOf: try day("2020-12-31")))
    guard case .site(let site) = detail else {
      Issue.record("expected a site, got \(detail)")
      return
    }

    let irgc = try #require(site.holders.first { $0.deployment.actor == "actor:irgc" })
    #expect(irgc.status == .handedOver)
    #expect(irgc.successor?.record.rawValue == "deployment:russia-imam-ali-base")
    #expect(irgc.grade?.description == "C2")

    let russia = try #require(site.holders.first { $0.deployment.actor == "actor:russia" })
    #expect(russia.status == .planned)
    #expect(russia.deployment.analystStatus == .contested)
    #expect(russia.grade?.description == "C3")
    #expect(russia.predecessors.map(\.record.rawValue) == ["deployment:irgc-imam-ali-base"])

    let evacuation = try #require(
      site.events.first { $0.record.rawValue == "event:imam-ali-base-evacuation-2021-11" })
    #expect(evacuation.analystStatus == .contested)
    #expect(evacuation.grade?.description == "C2")
    #expect(evacuation.citations.map(\.source.name) == ["North Press Agency", "Syriac Press"])
  }

  @Test func aClaimQuotedThroughOthersCarriesItsWholeChain() throws {
    let detail = try #require(
      try store.catalog.detail(
        of: .init(kind: .event, rawValue: "event:iran-russia-albu-kamal-agreement"), asOf: nil))
    guard case .event(let event) = detail else {
      Issue.record("expected an event")
      return
    }

    let first = try #require(event.citations.first)
    #expect(first.source.name == "IsraelDefense")
    #expect(
      first.chain.map(\.source.name) == [
        "Meir Amit Intelligence and Terrorism Information Center", "Nahar Media",
      ])
    #expect(first.origin.name == "Nahar Media")
    #expect(event.grade?.description == "C3")
  }

  @Test func statusesFollowEventsDatedUpToTheDay() throws {
    let november = try store.catalog.positions(of: "actor:irgc", asOf: try day("2020-11-30"))
    let december = try store.catalog.positions(of: "actor:irgc", asOf: try day("2020-12-31"))
    let later = try store.catalog.positions(of: "actor:irgc", asOf: try day("2021-11-30"))

    #expect(november.map(\.status) == [.present])
    #expect(december.map(\.status) == [.handedOver])
    #expect(later.map(\.status) == [.withdrawing])
  }

  @Test func zarifsStatementReducesTheFatemiyounToTwoThousand() throws {
    let before = try store.catalog.positions(of: "actor:fatemiyoun", asOf: try day("2020-12-20"))
    let after = try store.catalog.positions(of: "actor:fatemiyoun", asOf: try day("2020-12-21"))

    #expect(before.first?.strength?.estimate.high == 5000)
    #expect(after.first?.status == .reduced)
    #expect(after.first?.strength?.estimate.high == 2000)
  }

  @Test func sitesListTheirHolderAsOfTheDay() throws {
    let november = try store.catalog.entities(
      EntityQuery(kind: .site, asOf: try day("2020-11-30"), limit: 50))
    let january = try store.catalog.entities(
      EntityQuery(kind: .site, asOf: try day("2021-01-15"), limit: 50))
    let fact = { (page: EntityPage) in
      page.rows.first { $0.record.rawValue == "site:albu-kamal-border-points" }?.fact
    }

    #expect(fact(november)?.hasPrefix("Harakat al-Abdal (present)") == true)
    #expect(fact(january)?.hasPrefix("Fifth Corps (present)") == true)
  }
}
