import MusterDomain
import MusterStore
import MusterTerminal
import Testing

@testable import MusterUI

/// The real session loop over a real SQLite store, driven by a scripted terminal.
@Suite struct SessionTests {
  let seeded: SeededCatalog

  init() throws {
    seeded = try SeededCatalog()
  }

  @Test func theFirstFrameShowsTheDatasetAsOfItsLastDay() throws {
    let (session, terminal) = try seeded.session()
    let state = session.state
    #expect(state.asOf == (try day("2021-11-30")))
    #expect(state.list.total == 22 && state.list.counts[.sites] == 11)
    #expect(state.detail.title == "Bouthaina Shaaban")
    #expect(!state.timeline.entries.isEmpty)
    #expect(state.timeline.selectedEntry?.position.day ?? .init(iso: "1900-01-01")! <= state.asOf!)
    #expect(terminal.lastFrame?.text.contains("Detail › Bouthaina Shaaban") == true)
  }

  @Test func followingALinkAndComingBack() throws {
    var (session, terminal) = try seeded.session()
    try press("j Enter", &session, on: terminal)
    #expect(session.state.focus == .detail)
    #expect(session.state.detail.title == "Fatemiyoun Brigade")
    // Down to the first link (the IRGC relation), follow it, and come back.
    let linkLine = try #require(session.state.detail.lines.firstIndex { $0.link != nil })
    session.dispatch(.command(.moveSelection(by: linkLine)), on: terminal)
    let target = try #require(session.state.detail.linkAtCursor)
    try press("Enter", &session, on: terminal)
    #expect(session.state.detail.record == target)
    #expect(session.state.detail.history.map(\.title) == ["Fatemiyoun Brigade"])
    #expect(render(session.state).text.contains("Detail › Fatemiyoun Brigade › "))
    try press("Backspace", &session, on: terminal)
    #expect(session.state.detail.title == "Fatemiyoun Brigade")
    #expect(session.state.detail.cursor == linkLine)
    try press("Esc", &session, on: terminal)
    #expect(session.state.focus == .list)
  }

  @Test func theBorderPointsChangeHandsInDecember2020() throws {
    var (session, terminal) = try seeded.session(asOf: "2020-11-30")
    try press("l j j", &session, on: terminal)
    func holder() -> String? { session.state.list.selectedRow?.fact }
    #expect(session.state.list.selectedRow?.title == "Albu Kamal border points")
    #expect(holder()?.hasPrefix("Harakat al-Abdal") == true)
    // Step forward a day at a time with `]` until the holder changes.
    var steps = 0
    while holder()?.hasPrefix("Fifth Corps") != true, steps < 20 {
      try press("]", &session, on: terminal)
      steps += 1
    }
    #expect(session.state.asOf == (try day("2020-12-17")))
    #expect(holder()?.hasPrefix("Fifth Corps") == true)
    #expect(render(session.state).text.contains("as of 2020-12-17"))
    // And back.
    try press("[", &session, on: terminal)
    #expect(session.state.asOf! < (try day("2020-12-17")))
    #expect(holder()?.hasPrefix("Fifth Corps") != true)
  }

  @Test func typingADateMovesEveryPane() throws {
    var (session, terminal) = try seeded.session()
    try press("l j j j j j j Enter t 2 0 2 0 - 1 2 - 3 1 Enter", &session, on: terminal)
    #expect(session.state.asOf == (try day("2020-12-31")))
    #expect(session.state.detail.title == "Imam Ali base")
    let detail = session.state.detail.lines.map(\.plainText)
    #expect(detail.contains("As of 2020-12-31"))
    #expect(detail.contains { $0.contains("Russia  planned") })
    #expect(session.state.timeline.selectedEntry!.position.day <= (try day("2020-12-31")))
  }

  @Test func pastedTextIsNeverTakenAsKeys() throws {
    var (session, terminal) = try seeded.session()
    let before = session.state
    session.handle(.paste("jjjq\u{1B}[A"), on: terminal)
    #expect(session.state == before)
    try press("t", &session, on: terminal)
    session.handle(.paste("2020-12\n"), on: terminal)
    #expect(session.state.datePrompt == "2020-12")
    #expect(session.state.isRunning)
  }

  @Test func resizingDownToTooSmallAndBackKeepsThePlace() throws {
    var (session, terminal) = try seeded.session()
    try press("j j j Enter size:60x20 size:20x6", &session, on: terminal)
    #expect(render(session.state).text.contains("Too small"))
    try press("size:120x40", &session, on: terminal)
    #expect(session.state.list.selected == 3)
    #expect(render(session.state).text.contains("Detail › Fifth Corps"))
  }

  @Test func anotherProcessesCommitShowsUpOnTheNextTick() throws {
    var (session, terminal) = try seeded.session()
    let writer = try SQLiteCatalog.openWritable(at: seeded.catalog.path)
    let dataset = Dataset(
      actors: [ForceActor(id: "actor:aaa-new", name: "Aaa New Brigade", kind: .militia)])
    _ = try writer.write(dataset)
    try writer.close()
    session.handle(.idle, on: terminal)
    #expect(session.state.list.total == 23)
    #expect(session.state.list.row(at: 0)?.title == "Aaa New Brigade")
  }

  @Test func quittingEndsTheLoop() throws {
    let terminal = ScriptedTerminal(
      size: Size(width: 100, height: 30), events: [.key(.character("j")), .key(.character("q"))])
    terminal.idlesWhenDone = true
    var session = Session(
      state: AppState(mode: .interactive, screenSize: terminal.size), options: RenderOptions(),
      runner: EffectRunner(catalog: seeded.catalog))
    try session.run(on: terminal)
    #expect(!session.state.isRunning)
    #expect(session.state.list.selected == 1)
  }
}
