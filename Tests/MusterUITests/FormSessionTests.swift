import MusterDomain
import MusterImport
import MusterResources
import MusterStore
import MusterTerminal
import MusterTestSupport
import Testing

@testable import MusterUI

/// The claim forms through the real session, written to a real SQLite file: completion by
/// any spelling, validation beside each field, save, cancel, refusal of a stale change.
@Suite struct FormSessionTests {
  let desk: BundledDesk
  var writer: SQLiteCatalogWriter { desk.writer }
  static let noon = BundledDesk.noon

  init() throws {
    desk = try BundledDesk("muster-forms")
  }

  func session(mode: SessionMode = .interactive) throws -> (Session, ScriptedTerminal) {
    try desk.session(mode: mode)
  }

  /// Selects the row titled `title` in list tab `tab` (`l` steps through the tabs).
  func select(
    _ title: String, tabSteps: Int, _ session: inout Session, on terminal: ScriptedTerminal
  )
    throws
  {
    for _ in 0..<tabSteps {
      try press("l", &session, on: terminal)
    }
    let row = try #require(
      session.state.list.rows.firstIndex { $0.title == title },
      "\(session.state.list.tab): \(session.state.list.rows.map(\.title))")
    for _ in 0..<row { try press("j", &session, on: terminal) }
    #expect(session.state.list.selectedRow?.title == title)
  }

  /// The detail pane's lines as text, scrolled or not.
  func detailText(_ session: Session) -> String {
    session.state.detail.lines.map(\.plainText).joined(separator: "\n")
  }

  func field(_ label: String, _ session: Session) -> FormState.Field? {
    session.state.form.flatMap { form in form.index(of: label).map { form.fields[$0] } }
  }

  @Test func aNewClaimIsCompletedByArabicScriptAndAnAliasCheckedAndSaved() throws {
    var (session, terminal) = try session()
    try select("al-Heri", tabSteps: 1, &session, on: terminal)
    try press("c", &session, on: terminal)
    #expect(session.state.form?.title == "New claim on al-Heri")

    // The actor by Arabic script: the pick list offers Hezbollah; Tab takes it.
    type("حزب الله", &session, on: terminal)
    #expect(field("Actor", session)?.completions.first?.title == "Hezbollah")
    #expect(render(session.state).text.contains("Hezbollah"))
    try press("Tab", &session, on: terminal)
    #expect(field("Actor", session)?.chosen?.record.rawValue == "actor:hezbollah")
    // Role: presence -> control with Right.
    try press("Right Tab Tab", &session, on: terminal)
    type("soon", &session, on: terminal)
    try press("Tab", &session, on: terminal)
    #expect(field("Start", session)?.error?.hasPrefix("not a date") == true)
    #expect(render(session.state).text.contains("not a date"))
    try press("Up", &session, on: terminal)
    for _ in 0..<4 { try press("Backspace", &session, on: terminal) }
    type("late 2021", &session, on: terminal)
    try press("Tab Tab", &session, on: terminal)
    type("Nahar", &session, on: terminal)
    let documents = try #require(field("Document", session)?.completions)
    #expect(!documents.isEmpty)
    try press("Tab Tab Tab Tab Tab Tab", &session, on: terminal)
    #expect(session.state.form?.current.label == "Quote")
    type("took over the village", &session, on: terminal)
    try press("Enter", &session, on: terminal)

    #expect(session.state.form == nil, "\(String(describing: session.state.form?.refusal))")
    #expect(session.state.message?.hasPrefix("saved: new claim: Hezbollah at al-Heri") == true)
    let id = Deployment.madeID(
      actor: "actor:hezbollah", site: "site:al-heri",
      start: try FuzzyDate(parsingAnalystDate: "late 2021"))
    let saved = try #require(try writer.catalog.claim(id))
    #expect(saved.role == .control)
    #expect(saved.citations.first?.document.rawValue == documents.first?.record.rawValue)
    #expect(saved.citations.first?.quote == "took over the village")
    let entry = try #require(
      try writer.catalog.changeLog(ChangeLogQuery(record: id.rawValue)).first)
    #expect(entry.author == "alice" && entry.time == Self.noon)

    // The same from an alias of the actor (Hizbullah), a site's form this time.
    try press("h", &session, on: terminal)
    try select("Hezbollah", tabSteps: 0, &session, on: terminal)
    try press("c", &session, on: terminal)
    type("Imam Ali compound", &session, on: terminal)
    #expect(field("Site", session)?.completions.first?.record.rawValue == "site:imam-ali-base")
  }

  @Test func everyFieldSaysWhatIsWrongAndNothingIsWrittenUntilItIsRight() throws {
    let before = try writer.catalog.changeLog(ChangeLogQuery()).count
    var (session, terminal) = try session()
    try select("al-Heri", tabSteps: 1, &session, on: terminal)
    try press("c Enter", &session, on: terminal)
    #expect(field("Actor", session)?.error == "required: type a name")
    #expect(field("Start", session)?.error?.hasPrefix("required") == true)
    #expect(field("Document", session)?.error == nil)
    #expect(field("End", session)?.error == nil)
    #expect(session.state.form?.focused == 0)
    type("zzzzqqq", &session, on: terminal)
    try press("Enter", &session, on: terminal)
    #expect(field("Actor", session)?.error == "no actor picked: pick one from the list")
    #expect(render(session.state).text.contains("no actor picked"))
    // Esc: the form goes, nothing written.
    try press("Escape", &session, on: terminal)
    #expect(session.state.form == nil)
    #expect(session.state.message == "nothing written")
    #expect(try writer.catalog.changeLog(ChangeLogQuery()).count == before)
  }

  @Test func aClaimOnANewDocumentOfAKnownSourceAndTheChecksBetweenFields() throws {
    var (session, terminal) = try session()
    try select("Hezbollah", tabSteps: 0, &session, on: terminal)
    try press("c", &session, on: terminal)
    type("al-Hari", &session, on: terminal)
    try press("Tab Tab Tab", &session, on: terminal)
    type("2021-05", &session, on: terminal)
    // Neither a document picked nor a new one: said beside the Document field.
    try press("Enter", &session, on: terminal)
    #expect(
      field("Document", session)?.error
        == "pick a document, or give a new one's title and source")
    #expect(session.state.form?.current.label == "Document")
    try press("Tab", &session, on: terminal)
    type("Hezbollah flag over al-Heri", &session, on: terminal)
    try press("Enter", &session, on: terminal)
    #expect(field("Source", session)?.error == "the new document's source: pick one")
    type("Syrian Observ", &session, on: terminal)
    try press("Tab", &session, on: terminal)
    type("https://example.org/sohr/1", &session, on: terminal)
    try press("Tab", &session, on: terminal)
    type("2021-05-03", &session, on: terminal)
    try press("Enter", &session, on: terminal)
    #expect(session.state.form == nil, "\(String(describing: session.state.form))")

    let id = Deployment.madeID(
      actor: "actor:hezbollah", site: "site:al-heri", start: try FuzzyDate(parsing: "2021-05"))
    let saved = try #require(try writer.catalog.claim(id))
    let document = try #require(saved.citations.first?.document)
    #expect(document.rawValue == "document:sohr-2021-05-03-hezbollah-flag-over-al-heri")
    let detail = try #require(
      try writer.catalog.detail(of: document.reference(.document), asOf: nil))
    guard case .document(let shown) = detail else {
      Issue.record("not a document")
      return
    }
    #expect(shown.document.url == "https://example.org/sohr/1")
    #expect(shown.document.source.rawValue == "source:sohr")
  }

  @Test func endingAndJudgingTheClaimInViewAndAStaleViewRefused() throws {
    var (session, terminal) = try session()
    try select("Russia at al-Heri", tabSteps: 2, &session, on: terminal)
    try press("Enter", &session, on: terminal)
    #expect(session.state.detail.record?.rawValue == "deployment:russia-al-heri")
    try press("E", &session, on: terminal)
    type("2021-06", &session, on: terminal)
    // Meanwhile another analyst judges the claim: the form's view is stale.
    let other = try SQLiteCatalog.openWritable(at: writer.catalog.path)
    try other.apply(.setStatus("deployment:russia-al-heri", .contested), by: "bob", at: 1)
    try press("Enter", &session, on: terminal)
    let refusal = try #require(session.state.form?.refusal)
    #expect(refusal.contains("was changed by bob"))
    #expect(render(session.state).text.contains("not saved:"))
    #expect(try writer.catalog.claim("deployment:russia-al-heri")?.period.end == nil)
    try press("Escape", &session, on: terminal)

    // The next idle tick sees the other process's commit and reads everything again, as a
    // browser does within a second; then the end goes through, and the detail shows it in
    // its history.
    session.dispatch(.idled(seconds: 1), on: terminal)
    #expect(detailText(session).contains("bob  claim status: status unverified -> contested"))
    try press("E", &session, on: terminal)
    type("2021-06", &session, on: terminal)
    try press("Enter", &session, on: terminal)
    #expect(session.state.form == nil)
    #expect(
      try writer.catalog.claim("deployment:russia-al-heri")?.period.end?.date.description
        == "2021-06")
    #expect(detailText(session).contains("alice  claim end: ended on 2021-06"))

    // J: contested -> rejected (Right twice from contested: rejected, then unverified).
    try press("J Right Enter", &session, on: terminal)
    #expect(try writer.catalog.claim("deployment:russia-al-heri")?.analystStatus == .rejected)

    // C: another document, picked by its title; its grade counts with the first's.
    try press("C", &session, on: terminal)
    #expect(session.state.form?.title == "Cite for Russia at al-Heri")
    type("Fox News", &session, on: terminal)
    try press("Tab Tab Tab Tab Tab Right Enter", &session, on: terminal)
    #expect(session.state.form == nil, "\(String(describing: session.state.form?.refusal))")
    let cited = try #require(try writer.catalog.claim("deployment:russia-al-heri")).citations
    #expect(cited.count == 2)
    #expect(cited.last?.credibility == .doubtful)
    // R: the second document (Right), its credibility 3 - 1 = 2 (Left).
    try press("Escape R Right Tab Left Enter", &session, on: terminal)
    #expect(session.state.form == nil, "\(String(describing: session.state.form))")
    #expect(
      try writer.catalog.claim("deployment:russia-al-heri")?.citations.last?.credibility
        == .probablyTrue)

    // The same document again: the store refuses, the form stays and says why.
    try press("C", &session, on: terminal)
    type("Fox News", &session, on: terminal)
    try press("Enter", &session, on: terminal)
    #expect(session.state.form?.refusal?.contains("already cites") == true)
  }

  @Test func aKioskHasNoFormsAndApplyRefusesThem() throws {
    var (session, terminal) = try session(mode: .kiosk)
    try press("l c E J", &session, on: terminal)
    #expect(session.state.form == nil)
    var state = session.state
    #expect(state.apply(.command(.startClaim)).isEmpty && state.form == nil)
    #expect(state.apply(.command(.startEndClaim)).isEmpty && state.form == nil)
    #expect(state.apply(.command(.startJudgeClaim)).isEmpty && state.form == nil)
    // Even a form put in place by hand writes nothing: no desk.
    state.input = .form(
      .endClaim("deployment:russia-al-heri", title: "x", basedOn: nil))
    let effects = state.apply(.command(.submit))
    #expect(effects.isEmpty)
  }
}
