import MusterDomain
import MusterTerminal
import Testing

@testable import MusterUI

/// `apply` alone: states in, states and effects out, no store and no terminal.
@Suite struct ApplyTests {
  let size = Size(width: 120, height: 40)

  func actor(_ number: Int) -> RecordReference {
    RecordReference(kind: .actor, rawValue: "actor:a\(number)")
  }

  func rows(_ range: Range<Int>) -> [EntityRow] {
    range.map { EntityRow(record: actor($0), title: "Actor \($0)", category: "militia") }
  }

  func entries(_ days: [String]) throws -> [TimelineEntry] {
    try days.enumerated().map { index, text in
      let day = try day(text)
      return TimelineEntry(
        position: TimelinePosition(day: day, rank: 1, row: Int64(index)),
        kind: .event(.other), record: RecordReference(kind: .event, rawValue: "event:e\(index)"),
        date: .day(day), title: "Event \(index)")
    }
  }

  /// A state with a summary, 500 actors (the first window loaded) and a short timeline.
  func loaded() throws -> AppState {
    var state = AppState(mode: .interactive, screenSize: size)
    let summary = CatalogSummary(
      counts: [.actor: 500, .site: 3, .deployment: 4, .event: 5],
      span: DayRange(first: try day("2020-01-01"), last: try day("2021-12-31")))
    _ = state.apply(.summaryLoaded(summary))
    _ = state.apply(
      .listLoaded(
        .actors, EntityPage(rows: rows(0..<ListState.window), total: 500, offset: 0),
        asOf: state.asOf))
    _ = state.apply(
      .timelineLoaded(
        before: TimelinePage(
          entries: try entries(["2020-03-01", "2020-12-01", "2021-06-30"]), hasMore: false),
        after: TimelinePage(entries: [], hasMore: false)))
    return state
  }

  @Test func startingAsksForTheSummaryAndTheChangeToken() {
    var state = AppState(mode: .interactive, screenSize: size)
    #expect(state.apply(.started) == [.loadSummary, .checkForChanges, .loadHistory])
  }

  @Test func theFirstSummarySetsTheTimeCursorToTheLastDayAndLoadsEveryPane() throws {
    var state = AppState(mode: .interactive, screenSize: size)
    let span = DayRange(first: try day("2020-01-01"), last: try day("2021-12-31"))
    let effects = state.apply(
      .summaryLoaded(CatalogSummary(counts: [.actor: 3], span: span)))
    #expect(state.asOf == span.last)
    #expect(state.list.counts[.actors] == 3)
    #expect(
      effects.contains(.loadList(.actors, offset: 0, limit: ListState.window, asOf: span.last)))
    #expect(effects.contains(.loadTimeline(around: span.last, limit: TimelineState.window)))
    #expect(effects.contains { if case .loadActivity = $0 { true } else { false } })
  }

  @Test func aListPageSelectsItsFirstRowAndShowsItInTheDetail() throws {
    let state = try loaded()
    #expect(state.list.total == 500)
    #expect(state.detail.record == actor(0))
    #expect(state.detail.isLoading)
  }

  @Test func movingDownSelectsTheNextRowAndLeavesTheDetailOnItsRecord() throws {
    var state = try loaded()
    let effects = state.apply(.command(.moveSelection(by: 1)))
    #expect(state.list.selected == 1)
    #expect(effects.isEmpty)
    #expect(state.detail.record == actor(0))
  }

  @Test func enterShowsTheSelectedRecordAndEscapeReturnsToThePaneItCameFrom() throws {
    var state = try loaded()
    _ = state.apply(.command(.moveSelection(by: 2)))
    #expect(state.apply(.command(.open)) == [.loadDetail(actor(2), asOf: state.asOf)])
    #expect(state.focus == .detail && state.detail.record == actor(2))
    #expect(state.apply(.command(.back)).isEmpty)
    #expect(state.focus == .list && state.detail.record == actor(2))
    // From the timeline, Enter opens its entry and Esc goes back to the timeline.
    _ = state.apply(.command(.focus(.timeline)))
    let entry = try #require(state.timeline.selectedEntry?.record)
    #expect(state.apply(.command(.open)) == [.loadDetail(entry, asOf: state.asOf)])
    _ = state.apply(.command(.back))
    #expect(state.focus == .timeline)
    // Enter on the record already open only moves into the detail.
    #expect(state.apply(.command(.open)).isEmpty)
    #expect(state.focus == .detail)
  }

  @Test func movingPastTheLoadedWindowAsksForTheWindowAroundTheSelection() throws {
    var state = try loaded()
    let effects = state.apply(.command(.moveToEnd))
    #expect(state.list.selected == 499)
    #expect(
      effects.first
        == .loadList(
          .actors, offset: 499 - ListState.window / 2, limit: ListState.window, asOf: state.asOf))
    #expect(state.list.scroll == 499 - state.layout.listRows + 1)
    // The row arrives with its page; then Enter can open it.
    let start = 499 - ListState.window / 2
    let page = EntityPage(rows: rows(start..<500), total: 500, offset: start)
    #expect(state.apply(.listLoaded(.actors, page, asOf: state.asOf)).isEmpty)
    #expect(state.list.selectedRow?.record == actor(499))
    #expect(state.apply(.command(.open)) == [.loadDetail(actor(499), asOf: state.asOf)])
  }

  @Test func selectionsStayWithinTheirLists() throws {
    var state = try loaded()
    #expect(state.apply(.command(.moveSelection(by: -1))).isEmpty)
    #expect(state.list.selected == 0)
    _ = state.apply(.command(.moveSelection(by: Int.max)))
    #expect(state.list.selected == 499)
  }

  @Test func aStalePageIsIgnored() throws {
    var state = try loaded()
    _ = state.apply(.command(.nextTab))
    let stale = EntityPage(rows: rows(0..<10), total: 10, offset: 0)
    #expect(state.apply(.listLoaded(.actors, stale, asOf: state.asOf)).isEmpty)
    #expect(state.list.tab == .sites && state.list.rows.isEmpty)
  }

  @Test func tabsCycleAndStartAtTheTop() throws {
    var state = try loaded()
    _ = state.apply(.command(.moveSelection(by: 5)))
    let effects = state.apply(.command(.nextTab))
    #expect(state.list.tab == .sites && state.list.selected == 0 && state.list.total == 3)
    #expect(effects == [.loadList(.sites, offset: 0, limit: ListState.window, asOf: state.asOf)])
    _ = state.apply(.command(.previousTab))
    _ = state.apply(.command(.previousTab))
    #expect(state.list.tab == .pins)
    _ = state.apply(.command(.previousTab))
    #expect(state.list.tab == .deployments)
    // A kiosk has no Pins tab: from Deployments the next is Actors.
    var kiosk = AppState(mode: .kiosk, screenSize: size)
    kiosk.list.tab = .deployments
    _ = kiosk.apply(.command(.nextTab))
    #expect(kiosk.list.tab == .actors)
  }

  @Test func tabMovesFocusAroundThePanes() throws {
    var state = try loaded()
    #expect(state.focus == .list)
    let effects = state.apply(.command(.focusPrevious))
    #expect(state.focus == .timeline)
    #expect(effects.isEmpty)
    _ = state.apply(.command(.focusNext))
    _ = state.apply(.command(.focusNext))
    #expect(state.focus == .detail)
    _ = state.apply(.command(.focusNext))
    #expect(state.focus == .timeline)
  }

  @Test func enterFollowsALinkAndBackReturnsToWhereTheCursorWas() throws {
    var state = try loaded()
    let site = RecordReference(kind: .site, rawValue: "site:s")
    state.detail.lines = [
      DetailLine([DetailSpan("Actor 0", .heading)]),
      DetailLine([DetailSpan("at Site S", .link)], link: site),
    ]
    state.detail.isLoading = false
    _ = state.apply(.command(.open))
    #expect(state.focus == .detail)
    _ = state.apply(.command(.moveSelection(by: 1)))
    let effects = state.apply(.command(.open))
    #expect(effects == [.loadDetail(site, asOf: state.asOf)])
    #expect(state.detail.record == site)
    #expect(state.detail.history.map(\.record) == [actor(0)])
    let back = state.apply(.command(.back))
    #expect(back == [.loadDetail(actor(0), asOf: state.asOf)])
    #expect(state.detail.record == actor(0) && state.detail.cursor == 1)
    #expect(state.detail.history.isEmpty)
    // With no trail left, back leaves the detail for the list.
    _ = state.apply(.command(.back))
    #expect(state.focus == .list)
  }

  @Test func theTimeCursorMovesByMonthsWithinTheSpanAndReloadsWhatDependsOnIt() throws {
    var state = try loaded()
    let effects = state.apply(.command(.moveTime(months: -1)))
    #expect(state.asOf == (try day("2021-11-30")))
    #expect(
      effects.contains(.loadList(.actors, offset: 0, limit: ListState.window, asOf: state.asOf)))
    #expect(
      effects.contains(.loadTimeline(around: try day("2021-11-30"), limit: TimelineState.window)))
    #expect(effects.contains(.loadDetail(actor(0), asOf: state.asOf)))
    _ = state.apply(.command(.moveTime(months: 60)))
    #expect(state.asOf == (try day("2021-12-31")))
    _ = state.apply(.command(.moveTime(months: -600)))
    #expect(state.asOf == (try day("2020-01-01")))
  }

  @Test func steppingTheTimeCursorAsksForTheNextDayWithAnEntry() throws {
    var state = try loaded()
    #expect(
      state.apply(.command(.stepTime(by: -1)))
        == [.findEntryDay(from: try day("2021-12-31"), forward: false)])
    _ = state.apply(.entryDayFound(try day("2021-06-30")))
    #expect(state.asOf == (try day("2021-06-30")))
    #expect(state.apply(.entryDayFound(nil)).isEmpty)
    #expect(state.message == "no earlier or later entry")
  }

  @Test func typingADateMovesTheTimeCursorToItsLastDay() throws {
    var state = try loaded()
    _ = state.apply(.command(.promptForDate))
    for character in "2020-12" { _ = state.apply(.command(.type(character))) }
    #expect(state.datePrompt == "2020-12")
    _ = state.apply(.command(.submit))
    #expect(state.datePrompt == nil)
    #expect(state.asOf == (try day("2020-12-31")))
  }

  @Test func aBadDateIsAMessageAndTheCursorStays() throws {
    var state = try loaded()
    _ = state.apply(.command(.promptForDate))
    for character in "2020-13" { _ = state.apply(.command(.type(character))) }
    #expect(state.apply(.command(.submit)).isEmpty)
    #expect(state.asOf == (try day("2021-12-31")))
    #expect(state.message?.isEmpty == false)
    // The message lasts until the next key.
    _ = state.apply(.command(.moveSelection(by: 1)))
    #expect(state.message == nil)
  }

  @Test func escapeAbandonsTheDateAndTheHelp() throws {
    var state = try loaded()
    _ = state.apply(.command(.promptForDate))
    _ = state.apply(.command(.type("2")))
    _ = state.apply(.command(.cancel))
    let last = try day("2021-12-31")
    #expect(state.datePrompt == nil && state.asOf == last)
    _ = state.apply(.command(.toggleHelp))
    #expect(state.isHelpVisible)
    _ = state.apply(.command(.back))
    #expect(!state.isHelpVisible)
  }

  @Test func quitEndsAnInteractiveSessionButNeverAKiosk() throws {
    var state = try loaded()
    _ = state.apply(.command(.quit))
    #expect(!state.isRunning)
    var kiosk = AppState(mode: .kiosk, screenSize: size)
    _ = kiosk.apply(.command(.quit))
    #expect(kiosk.isRunning)
  }

  @Test func aResizeKeepsTheSelectionVisibleAndResizesTheSparkline() throws {
    var state = try loaded()
    _ = state.apply(.command(.moveSelection(by: 100)))
    let effects = state.apply(.resized(Size(width: 60, height: 12)))
    #expect(state.list.scroll <= 100 && 100 < state.list.scroll + state.layout.listRows)
    // Stacked: no sparkline to load.
    #expect(effects.isEmpty)
    let wide = state.apply(.resized(Size(width: 200, height: 50)))
    #expect(wide.contains { if case .loadActivity(_, 150...) = $0 { true } else { false } })
  }

  @Test func anotherProcessesCommitReloadsKeepingTheSelection() throws {
    var state = try loaded()
    _ = state.apply(.command(.moveSelection(by: 3)))
    _ = state.apply(.command(.open))
    #expect(state.apply(.changeTokenLoaded(7)).isEmpty)
    #expect(state.apply(.changeTokenLoaded(7)).isEmpty)
    let effects = state.apply(.changeTokenLoaded(8))
    #expect(effects.first == .loadSummary)
    #expect(effects.contains(.loadDetail(actor(3), asOf: state.asOf)))
    #expect(state.list.selected == 3)
  }

  @Test func aClickSelectsTheRowUnderItAndFocusesItsPane() throws {
    var state = try loaded()
    let layout = state.layout
    let effects = state.apply(
      .mouse(MouseEvent(.click, at: Point(x: layout.list.minX + 5, y: layout.list.minY + 2 + 4))))
    #expect(state.list.selected == 4)
    #expect(effects.isEmpty)
    // A second click on the selected row opens it.
    let again = state.apply(
      .mouse(MouseEvent(.click, at: Point(x: layout.list.minX + 5, y: layout.list.minY + 2 + 4))))
    #expect(again == [.loadDetail(actor(4), asOf: state.asOf)])
    #expect(state.focus == .detail)
    _ = state.apply(.mouse(MouseEvent(.click, at: Point(x: 5, y: layout.timeline.minY + 1))))
    #expect(state.focus == .timeline && state.timeline.selected == 0)
  }

  @Test func theWheelScrollsThePaneUnderThePointer() throws {
    var state = try loaded()
    let point = Point(x: state.layout.list.minX + 3, y: state.layout.list.minY + 5)
    _ = state.apply(.mouse(MouseEvent(.wheelDown, at: point)))
    #expect(state.list.selected == 3)
    _ = state.apply(.mouse(MouseEvent(.wheelUp, at: point)))
    #expect(state.list.selected == 0)
  }

  @Test func clicksOnTheBordersOrWhileTheHelpShowsDoNothing() throws {
    var state = try loaded()
    state.input = .help(scroll: 0)
    let inList = Point(x: state.layout.list.minX + 5, y: state.layout.list.minY + 6)
    #expect(state.apply(.mouse(MouseEvent(.click, at: inList))).isEmpty)
    state.input = .browsing
    let statusLine = Point(x: 3, y: size.height - 1)
    #expect(state.apply(.mouse(MouseEvent(.click, at: statusLine))).isEmpty)
    #expect(state.list.selected == 0)
  }

  @Test func ctrlLAsksForAFullRedraw() throws {
    var state = try loaded()
    #expect(state.apply(.command(.redraw)) == [.redrawScreen])
  }

  @Test func aFailureIsShownAndStopsTheLoadingMark() throws {
    var state = try loaded()
    _ = state.apply(.failed("database is locked"))
    #expect(state.message == "database is locked" && !state.detail.isLoading)
  }

  @Test func dStepsTheSeenHereWindowAndTheDetailFollows() throws {
    var state = try loaded()
    state.focus = .list
    _ = state.apply(.command(.open))
    let record = try #require(state.detail.record)
    var windows: [Int] = []
    for _ in 0..<4 {
      let effects = state.apply(.command(.cyclePresenceWindow))
      windows.append(state.presenceDays)
      #expect(effects == [.loadDetail(record, asOf: state.asOf, presenceDays: state.presenceDays)])
    }
    #expect(windows == [180, 365, 30, 90])
    #expect(state.message?.contains("90 days") == true)
  }
}
