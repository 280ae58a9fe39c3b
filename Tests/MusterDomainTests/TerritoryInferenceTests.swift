import MusterDomain
import Testing

/// The rules that turn territory events into positions (docs/inference.md).
@Suite struct TerritoryInferenceTests {
  static let day = Day(daysSinceEpoch: 18_262)  // 2020-01-01

  static func event(
    _ key: Int64, _ offset: Int, _ change: TerritoryChange, _ actor: Int64,
    associates: [Int64] = []
  ) -> TerritoryEvent {
    TerritoryEvent(
      key: key, day: Day(daysSinceEpoch: day.daysSinceEpoch + offset), change: change,
      actor: actor, associates: associates)
  }

  @Test func theSubEventTypesAreReadFromTheClassification() {
    #expect(
      TerritoryChange(classification: [
        "Political violence", "Battles", "Non-state actor overtakes territory",
      ]) == .takeover)
    #expect(TerritoryChange(subEventType: "Government regains territory") == .regain)
    #expect(TerritoryChange(subEventType: "non-violent transfer of territory") == .transfer)
    #expect(TerritoryChange(subEventType: "Headquarters or base established") == .base)
    #expect(TerritoryChange(classification: ["Battles", "Armed clash"]) == nil)
    #expect(TerritoryChange(subEventType: "Change to group/activity") == nil)
  }

  @Test func controlPassesFromOneActorToTheNextAndLastsUntilThen() {
    let positions = TerritoryInference.positions([
      Self.event(3, 60, .takeover, 1), Self.event(1, 0, .takeover, 1),
      Self.event(2, 30, .regain, 2, associates: [5]),
    ])
    #expect(positions.map(\.actor) == [1, 2, 5, 1])
    #expect(positions.map(\.role) == [.control, .control, .presence, .control])
    #expect(positions[0].end?.daysSinceEpoch == Self.day.daysSinceEpoch + 30)
    #expect(positions[0].endEvent == 2)
    #expect(positions[0].handedOver == false)
    // The associate is there while its ally holds the place.
    #expect(positions[2].start == positions[1].start)
    #expect(positions[2].end == positions[1].end)
    #expect(positions[1].endEvent == 3)
    #expect(positions[3].end == nil)
  }

  @Test func aTransferHandsOverToTheNewHolder() {
    let positions = TerritoryInference.positions([
      Self.event(1, 0, .takeover, 1), Self.event(2, 10, .transfer, 2),
    ])
    #expect(positions.count == 2)
    #expect(positions[0].handedOver)
    #expect(positions[0].successor == 1)
    #expect(positions[1].role == .control)
    #expect(positions[1].successor == nil)
  }

  @Test func aBaseLastsUntilItsActorLosesThePlace() {
    let positions = TerritoryInference.positions([
      Self.event(1, 0, .takeover, 1), Self.event(2, 5, .base, 1), Self.event(3, 6, .base, 1),
      Self.event(4, 20, .takeover, 3),
    ])
    #expect(positions.map(\.role) == [.control, .headquarters, .control])
    #expect(positions[1].start.daysSinceEpoch == Self.day.daysSinceEpoch + 5)
    #expect(positions[1].endEvent == 4)
    // A base of an actor that keeps control stays.
    let kept = TerritoryInference.positions([
      Self.event(1, 0, .base, 1), Self.event(2, 9, .regain, 1),
    ])
    #expect(kept.map(\.role) == [.headquarters, .control])
    #expect(kept.allSatisfy { $0.end == nil })
  }

  @Test func twoTakeoversOnOneDayBothStayContested() {
    let positions = TerritoryInference.positions([
      Self.event(1, 0, .takeover, 1), Self.event(2, 40, .takeover, 2),
      Self.event(3, 40, .takeover, 3),
    ])
    #expect(positions.count == 3)
    #expect(positions[0].endEvent == 2)
    #expect(!positions[0].contested)
    #expect(positions[1].contested && positions[2].contested)
    #expect(positions[1].end == nil && positions[2].end == nil)
  }

  @Test func retakingWhatOneHoldsChangesNothing() {
    let positions = TerritoryInference.positions([
      Self.event(1, 0, .takeover, 1), Self.event(2, 10, .regain, 1),
    ])
    #expect(positions.count == 1)
    #expect(positions[0].end == nil)
  }
}
