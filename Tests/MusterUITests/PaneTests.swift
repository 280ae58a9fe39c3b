import MusterDomain
import MusterTerminal
import Testing

@testable import MusterUI

/// Panes drawn from hand-made states, checked line by line.
@Suite struct PaneTests {
  let size = Size(width: 120, height: 40)

  func state(asOf: String = "2020-12-31") throws -> AppState {
    var state = AppState(mode: .interactive, screenSize: size)
    state.asOf = try day(asOf)
    state.summary = CatalogSummary(
      counts: [.actor: 2], span: DayRange(first: try day("2019-01-01"), last: try day("2021-12-31"))
    )
    return state
  }

  func entry(
    _ date: FuzzyDate, _ title: String, kind: TimelineEntryKind = .event(.other),
    grade: Grade? = nil, status: AnalystStatus = .unverified, row: Int64 = 1
  ) -> TimelineEntry {
    TimelineEntry(
      position: TimelinePosition(day: date.first, rank: 1, row: row), kind: kind,
      record: RecordReference(kind: .event, rawValue: "event:\(row)"), date: date, title: title,
      grade: grade, analystStatus: status)
  }

  func lines(_ state: AppState, in rect: Rect) -> [String] {
    render(state).lines(in: rect)
  }

  @Test func timelineRowsShowDatePrecisionMarkersGradesAndDisputes() throws {
    var state = try state()
    state.timeline.entries = [
      entry(
        .day(try day("2020-12-17")), "Fifth Corps at the border points", kind: .deploymentStart,
        grade: Grade("B2"), row: 1),
      entry(
        try FuzzyDate(parsing: "2020-12"), "Agreement on the border", grade: Grade("C3"),
        status: .contested, row: 2),
      entry(try FuzzyDate(parsing: "2021-W44"), "Evacuation", kind: .deploymentEnd, row: 3),
    ]
    state.timeline.selected = 1
    let rows = lines(state, in: state.layout.timeline.inset(by: 1))
    #expect(rows[0].hasPrefix("  2020-12-17        + Fifth Corps at the border points"))
    #expect(rows[0].hasSuffix("B2 "))
    #expect(rows[1].hasPrefix("▶ 2020-12 (month)   Agreement on the border"))
    #expect(rows[1].hasSuffix("C3 ! "))
    #expect(rows[2].hasPrefix("  2021-W44 (week)   - Evacuation"))
  }

  @Test func entriesAfterTheTimeCursorAreDrawnAsTheFuture() throws {
    var state = try state(asOf: "2020-12-20")
    state.timeline.entries = [
      entry(.day(try day("2020-12-17")), "Before", row: 1),
      entry(.day(try day("2020-12-21")), "After", row: 2),
    ]
    let screen = render(state, options: RenderOptions(theme: .standard))
    let inside = state.layout.timeline.inset(by: 1)
    let column = try #require(screen.lines(in: inside)[0].firstIndex(of: "B"))
    let x =
      inside.minX
      + screen.lines(in: inside)[0].distance(
        from: screen.lines(in: inside)[0].startIndex, to: column)
    let before = screen[x, inside.minY]
    let after = screen[x, inside.minY + 1]
    #expect(before.character == "B" && after.character == "A")
    #expect(before.style != Theme.standard[.future])
    #expect(after.style == Theme.standard[.future])
  }

  @Test func theTimelineTitleCarriesTheSparklineAndTheTimeCursor() throws {
    var state = try state()
    let width = state.layout.sparklineBuckets
    state.timeline.activity =
      Array(repeating: 0, count: 40) + [9] + Array(repeating: 1, count: width - 41)
    let top = lines(state, in: Rect(x: 0, y: 0, width: 120, height: 1))[0]
    #expect(top.hasPrefix("┌ Timeline ─2019 "))
    #expect(top.contains("█"))
    #expect(top.contains(" 2021"))
    #expect(top.hasSuffix(" as of 2020-12-31 ┐"))
  }

  @Test func listRowsShowTheirFactAndHostileNamesAreDefused() throws {
    var state = try state()
    state.list.total = 2
    state.list.counts = [.actors: 2, .sites: 5, .deployments: 0]
    state.list.rows = [
      EntityRow(
        record: RecordReference(kind: .actor, rawValue: "actor:a"), title: "Evil\u{1B}[2J\u{7}Name",
        category: "militia", fact: "Albu Kamal"),
      EntityRow(
        record: RecordReference(kind: .actor, rawValue: "actor:b"),
        title: "A name far too long to fit in the name column", category: "state"),
    ]
    let rows = lines(state, in: state.layout.list)
    #expect(rows[0].hasPrefix("┌ Actors 2 · Sites 5 · Deployments 0 "))
    #expect(rows[1].contains("Name") && rows[1].contains("Where"))
    #expect(!rows.joined().contains("\u{1B}"))
    #expect(rows[2].contains("▶ Evil␛[2J␇Name"))
    #expect(rows[2].contains("Albu Kamal"))
    #expect(rows[3].contains("A name far too long t…"))
  }

  @Test func theDetailTitleCarriesTheBreadcrumbs() throws {
    var state = try state()
    state.focus = .detail
    state.detail.record = RecordReference(kind: .site, rawValue: "site:c")
    state.detail.title = "Imam Ali base"
    state.detail.history = [
      .init(record: RecordReference(kind: .actor, rawValue: "actor:a"), title: "IRGC", cursor: 3),
      .init(
        record: RecordReference(kind: .deployment, rawValue: "deployment:b"),
        title: "IRGC at Imam Ali base", cursor: 0),
    ]
    state.detail.lines = [DetailLine([DetailSpan("Imam Ali base", .heading)])]
    let top = lines(state, in: state.layout.detail)[0]
    #expect(top.hasPrefix("┌ Detail › IRGC › IRGC at Imam Ali base › Imam Ali base "))
  }

  @Test func theStatusLineShowsHintsAndPosition() throws {
    var state = try state()
    state.list.total = 22
    state.list.selected = 4
    let line = lines(state, in: state.layout.statusLine)[0]
    #expect(line.hasPrefix(" ? help  Tab pane  Enter open"))
    #expect(line.hasSuffix("5 of 22 actors "))
  }

  @Test func theStatusLineShowsTheKioskBadgeAndNoQuitHint() throws {
    var state = AppState(mode: .kiosk, screenSize: size)
    state.asOf = try day("2020-12-31")
    let line = lines(state, in: state.layout.statusLine)[0]
    #expect(line.hasPrefix(" KIOSK · read-only "))
    #expect(!line.contains("quit"))
  }

  @Test func theStatusLineShowsTheDateBeingTypedAndMessages() throws {
    var state = try state()
    var editor = LineEditor()
    editor.insert("2020-1")
    state.input = .date(editor)
    #expect(lines(state, in: state.layout.statusLine)[0].contains(": 2020-1_"))
    state.input = .browsing
    state.message = "not a date: 2020-13"
    #expect(lines(state, in: state.layout.statusLine)[0].hasSuffix(" not a date: 2020-13 "))
  }

  @Test func narrowScreensDropWholeHintsNeverHalfOfOne() throws {
    var state = try state()
    state.screenSize = Size(width: 44, height: 12)
    let line = lines(state, in: state.layout.statusLine)[0]
    #expect(line.hasPrefix(" ? help"))
    #expect(!line.contains("…"))
  }

  @Test(arguments: [40, 60, 120])
  func aMessageNeverCoversTheKioskBadge(width: Int) throws {
    var state = AppState(mode: .kiosk, screenSize: Size(width: width, height: 12))
    state.message = "'nonsense that goes on and on' is not a date: YYYY-MM-DD, YYYY-MM or YYYY"

    let line = lines(state, in: state.layout.statusLine)[0]

    #expect(line.hasPrefix(" KIOSK · read-only "), "\(line)")
    #expect(line.contains("is not a date") || line.contains("'nonsense"), "\(line)")
  }

  @Test func aWindowLargerThanDrawnIsDrawnAtTheLargestSizeWithANotice() throws {
    var state = try state()
    state.windowSize = Size(width: 40_000, height: 40)

    let screen = render(state)

    #expect(screen.size == Size(width: 500, height: 40))
    #expect(state.layout.arrangement == .wide)
    #expect(
      lines(state, in: state.layout.statusLine)[0].contains(
        "window 40000x40 is larger than Muster draws: showing 500x40"))
  }

  @Test(arguments: [
    (Size(width: 65_535, height: 65_535), Size(width: 500, height: 200)),
    (Size(width: 40, height: 32_768), Size(width: 40, height: 200)),
    (Size(width: 501, height: 24), Size(width: 500, height: 24)),
    (Size(width: -3, height: 24), Size(width: 0, height: 24)),
    (Size(width: 120, height: 40), Size(width: 120, height: 40)),
  ])
  func theDrawnSizeIsTheWindowsUpToTheLargest(window: Size, drawn: Size) {
    var state = AppState(mode: .kiosk, screenSize: Size(width: 80, height: 24))

    _ = state.apply(.resized(window))

    #expect(state.windowSize == window)
    #expect(state.screenSize == drawn)
    #expect(render(state).size == drawn)
    #expect(state.isWindowLargerThanDrawn == (window != drawn))
  }
}
