import MusterDomain
import MusterImport
import MusterResources
import MusterStore
import MusterTerminal
import MusterTestSupport
import Testing

@testable import MusterUI

/// Notes and pins through the real session, written to a real SQLite file.
@Suite struct NotesSessionTests {
  let desk: BundledDesk
  var writer: SQLiteCatalogWriter { desk.writer }
  static let noon = BundledDesk.noon

  init() throws {
    desk = try BundledDesk("muster-notes")
  }

  func session(mode: SessionMode = .interactive) throws -> (Session, ScriptedTerminal) {
    try desk.session(mode: mode)
  }

  func notes() throws -> [Note] { try writer.catalog.exportDataset().notes }

  @Test func aNoteIsEditedSavedAndShownWithItsAuthorAndTime() throws {
    var (session, terminal) = try session()
    try press("j Enter", &session, on: terminal)
    let target = try #require(session.state.list.selectedRow)
    #expect(session.state.detail.record == target.record)
    try press("a", &session, on: terminal)
    let frame = render(session.state).text
    #expect(frame.contains("Note on \(target.title): "), "\(frame.suffix(300))")
    type("Seen at 中 base", &session, on: terminal)
    // Fix the text with the cursor keys: "Seen at the 中 base."
    try press("Left Left Left Left Left Left", &session, on: terminal)
    type("the ", &session, on: terminal)
    try press("End", &session, on: terminal)
    type(".", &session, on: terminal)
    try press("Ctrl-A Delete Delete Delete Delete", &session, on: terminal)
    type("Spotted", &session, on: terminal)
    #expect(session.state.noteDraft?.editor.text == "Spotted at the 中 base.")
    try press("Enter", &session, on: terminal)

    #expect(session.state.noteDraft == nil)
    let saved = try #require(try notes().first)
    #expect(saved.text == "Spotted at the 中 base.")
    #expect(saved.author == "alice" && saved.createdAt == Self.noon)
    #expect(saved.target == target.record)
    #expect(session.state.message == "note saved")
    let noteLine = session.state.detail.lines.map { $0.spans.map(\.text).joined() }
      .first { $0.contains("Spotted") }
    #expect(
      noteLine == "alice, 2021-11-30 12:34 UTC: Spotted at the 中 base.",
      "\(session.state.detail.lines.suffix(4).map { $0.spans.map(\.text).joined() })")
    // Notes are searchable.
    let found = try writer.catalog.searchMatches(SearchRequest(text: "spotted"))
    #expect(found.total == 1)
  }

  @Test func escapeDiscardsTheNoteAndAnEmptyNoteIsNotSaved() throws {
    var (session, terminal) = try session()
    try press("a", &session, on: terminal)
    type("never mind", &session, on: terminal)
    try press("Esc", &session, on: terminal)
    try press("a", &session, on: terminal)
    type("   ", &session, on: terminal)
    try press("Enter", &session, on: terminal)
    #expect(try notes().isEmpty)
    #expect(session.state.noteDraft == nil)
  }

  @Test func pastedTextLandsInTheNoteWithoutControlBytes() throws {
    var (session, terminal) = try session()
    try press("a", &session, on: terminal)
    session.handle(.paste("from \u{1B}]52;c;aGk=\u{7}the\nwire"), on: terminal)
    try press("Enter", &session, on: terminal)
    let text = try notes().first?.text
    #expect(text == "from ]52;c;aGk=the wire")
  }

  @Test func pinningListsTheRecordInThePinsTabAndPinningAgainUnpins() throws {
    var (session, terminal) = try session()
    try press("j", &session, on: terminal)
    let pinned = try #require(session.state.list.selectedRow)
    try press("p", &session, on: terminal)
    #expect(session.state.message == "pinned \(pinned.record)")
    try press("l l l", &session, on: terminal)
    #expect(session.state.list.tab == .pins)
    #expect(session.state.list.rows.map(\.record) == [pinned.record])
    let frame = render(session.state).text
    #expect(frame.contains("Pins"))
    #expect(frame.contains("1 of 1 pins"))
    try press("p", &session, on: terminal)
    #expect(session.state.list.total == 0)
    #expect(try writer.catalog.isPinned(pinned.record, by: "alice") == false)
  }

  @Test func aKioskCannotNotePinOrExportAndHasNoPinsTab() throws {
    var (session, terminal) = try session(mode: .kiosk)
    try press("j a", &session, on: terminal)
    type("x", &session, on: terminal)
    try press("Enter p e l l l", &session, on: terminal)
    #expect(session.state.noteDraft == nil)
    #expect(try notes().isEmpty)
    #expect(try writer.catalog.exportDataset().pins.isEmpty)
    #expect(session.state.list.tab != .pins)
    #expect(render(session.state).text.contains("Pins") == false)
    // `apply` refuses even when asked directly.
    var state = session.state
    #expect(state.apply(.command(.startNote)).isEmpty && state.noteDraft == nil)
    #expect(state.apply(.command(.togglePin)).isEmpty)
    #expect(state.apply(.command(.exportView)).isEmpty)
    #expect(state.apply(.command(.undo)).isEmpty)
  }

  @Test func uUndoesTheAnalystsOwnLastChangeAndTheDetailShowsTheHistory() throws {
    let id = ID<Deployment>("deployment:russia-al-heri")
    try writer.apply(.setStatus(id, .accepted), by: "alice", at: Self.noon)
    try writer.apply(.setStatus(id, .contested), by: "bob", at: Self.noon + 60)
    try writer.apply(
      .addAlias(RecordReference(kind: .site, rawValue: "site:al-heri"), Alias("Hiri")),
      by: "alice", at: Self.noon + 120)
    var (session, terminal) = try session()
    try press("l", &session, on: terminal)
    let row = try #require(session.state.list.rows.firstIndex { $0.title == "al-Heri" })
    for _ in 0..<row { try press("j", &session, on: terminal) }
    try press("Enter", &session, on: terminal)
    var frame = render(session.state).text
    #expect(frame.contains("History"), "\(frame)")
    #expect(frame.contains("2021-11-30 12:36 UTC  alice  alias add: also called Hiri"))

    // alice's last change is the alias: gone, from the detail too.
    try press("u", &session, on: terminal)
    #expect(session.state.message?.hasPrefix("undone: also called Hiri") == true)
    frame = render(session.state).text
    #expect(!frame.contains("Also: al-Hari · Al Hari · Heri · الهري · Hiri"))
    #expect(frame.contains("alice  undo: undoes also called Hiri"))
    // Her change before it is bob's now: refused, saying so, nothing changed.
    try press("u", &session, on: terminal)
    #expect(session.state.message?.contains("was changed by bob") == true)
    #expect(try writer.catalog.claim(id)?.analystStatus == .contested)
  }
}
