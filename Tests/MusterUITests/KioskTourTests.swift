import MusterDomain
import MusterStore
import MusterTerminal
import Testing

@testable import MusterUI

/// The kiosk's idle tour, driven through the real session over the real store.
@Suite struct KioskTourTests {
  let seeded: SeededCatalog

  init() throws {
    seeded = try SeededCatalog()
  }

  @Test func idleTimeStartsTheTourAtHomeAndStepsBackThroughEveryEventThenWraps() throws {
    var (session, terminal) = try seeded.session(
      mode: .kiosk, tour: TourState(idleAfter: 120, step: 10))
    // Somewhere else first: another tab, a search, the help.
    for key in ["l", "j", "j", "?"] {
      session.handle(.key(.character(Character(key))), on: terminal)
    }
    session.dispatch(.idled(seconds: 119), on: terminal)
    #expect(!session.state.tour.isRunning && session.state.isHelpVisible)

    session.dispatch(.idled(seconds: 120), on: terminal)
    let home = session.state
    #expect(home.tour.isRunning && !home.isHelpVisible)
    #expect(home.focus == .timeline && home.list.tab == .actors && home.list.selected == 0)
    #expect(home.asOf == home.span?.last)
    let latest = try #require(home.timeline.selectedEntry)
    #expect(home.timeline.entries.allSatisfy { $0.position.day <= latest.position.day })
    #expect(home.detail.record == latest.record)
    #expect(render(home).text.contains("touring the timeline · any key stops"))

    // Steps come every ten seconds, not every tick.
    session.dispatch(.idled(seconds: 125), on: terminal)
    #expect(session.state.detail.record == latest.record)
    var seen: [RecordReference] = []
    var second = 130
    while seen.count < 200 {
      session.dispatch(.idled(seconds: second), on: terminal)
      second += 10
      let shown = try #require(session.state.detail.record)
      if shown == latest.record { break }
      #expect(shown.kind == .event)
      #expect(session.state.timeline.selectedEntry?.record == shown)
      seen.append(shown)
    }
    // Every event in the timeline once, newest first, then home again.
    let events = home.timeline.entries.filter { $0.record.kind == .event }.map(\.record)
    #expect(Set(seen) == Set(events).subtracting([latest.record]))
    #expect(seen.count == Set(seen).count)
    #expect(session.state.tour.isRunning)
  }

  @Test func aKeyEndsTheTourAndDoesNothingElse() throws {
    var (session, terminal) = try seeded.session(
      mode: .kiosk, tour: TourState(idleAfter: 5, step: 1))
    session.dispatch(.idled(seconds: 5), on: terminal)
    session.dispatch(.idled(seconds: 6), on: terminal)
    let touring = session.state
    #expect(touring.tour.isRunning)
    session.handle(.key(.character("k")), on: terminal)
    #expect(!session.state.tour.isRunning)
    #expect(session.state.timeline == touring.timeline && session.state.detail == touring.detail)
    session.handle(.key(.character("k")), on: terminal)
    #expect(session.state.timeline.selected == touring.timeline.selected - 1)
  }

  @Test func anAnalystsBrowserNeverTours() throws {
    var (session, terminal) = try seeded.session(
      mode: .interactive, tour: TourState(idleAfter: 5, step: 1))
    let before = session.state
    session.dispatch(.idled(seconds: 10_000), on: terminal)
    #expect(!session.state.tour.isRunning && session.state.detail == before.detail)
  }

  @Test func kioskKeysThatEndThingsElsewhereDoNothing() throws {
    var (session, terminal) = try seeded.session(mode: .kiosk)
    let before = session.state
    for key: Key in [
      .control("c"), .control("z"), .control("\\"), .control("s"), .control("q"), .control("d"),
      .character("q"), .character("Q"), .character("a"), .character("p"), .character("e"),
      .character(":"), .character("!"),
    ] {
      session.handle(.key(key), on: terminal)
    }
    #expect(session.state == before)
    #expect(session.state.isRunning)
    let kioskBindings = Keymap.standard.bindings(for: .kiosk)
    #expect(kioskBindings.allSatisfy { $0.isKioskSafe })
    #expect(!kioskBindings.contains { $0.keys.contains(.control("d")) || $0.command == .quit })
    // And apply refuses to quit a kiosk even if asked.
    var state = session.state
    _ = state.apply(.command(.quit))
    #expect(state.isRunning)
  }
}

/// The tour over a store that reports a change on every tick, as a database whose
/// shared-memory file the kiosk may not write does.
@Suite struct KioskTourReloadTests {
  @Test func aReloadOnEveryTickKeepsTheTourGoingNewestFirst() throws {
    let seeded = try SeededCatalog()
    var (session, terminal) = try seeded.session(
      mode: .kiosk, tour: TourState(idleAfter: 10, step: 1))
    session.dispatch(.idled(seconds: 10), on: terminal)
    let home = try #require(session.state.timeline.selectedEntry)
    let events = session.state.timeline.entries.filter { $0.record.kind == .event }

    var shown: [TimelineEntry] = []
    for second in 11..<60 {
      session.dispatch(.idled(seconds: second), on: terminal)
      session.dispatch(.changeTokenLoaded(1_000 + second), on: terminal)
      let entry = try #require(session.state.timeline.selectedEntry)
      if entry == home { break }
      #expect(session.state.detail.record == entry.record)
      shown.append(entry)
    }

    #expect(shown == events.reversed().filter { $0 != home })
  }
}
