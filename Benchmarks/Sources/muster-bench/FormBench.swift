import Foundation
import MusterDomain
import MusterResources
import MusterStore
import MusterTerminal
import MusterUI

/// Issue 21: the claim form in process on a database (the 1M one).
///
/// Opening it (`c`), completing an actor's name as it is typed, and saving, each from the
/// key to a finished frame; and how long a second browser (another analyst's, read-only)
/// takes to show the save. Every claim saved is undone afterwards, so the database keeps
/// its records.
func benchForms(_ path: String) throws {
  let writer = try SQLiteCatalog.openWritable(at: path)
  let author = "muster-bench-\(getpid())"
  // A report to cite, found by its title as analysts would type it.
  try writer.write(
    Dataset(
      sources: [
        Source(id: "source:muster-bench", name: "Muster bench", kind: .news, reliability: .c)
      ],
      documents: [
        Document(id: "document:muster-bench", source: "source:muster-bench", title: "Bench report")
      ]))
  let size = Size(width: 120, height: 40)
  let options = RenderOptions(
    theme: .standard, outlines: MapOutlines(text: BundledResources.borders))
  let timedCatalog = TimedCatalog(writer.catalog)
  let traced: any CatalogReading =
    ProcessInfo.processInfo.environment["MUSTER_BENCH_TRACE"] != nil ? timedCatalog : writer.catalog
  let desk = EffectRunner.Desk(
    writer: writer, exporter: nil, author: author, now: { Int(time(nil)) })
  var session = Session(
    state: AppState(mode: .interactive, screenSize: size), options: options,
    runner: EffectRunner(catalog: traced, desk: desk))
  let terminal = ScriptedTerminal(size: size, events: try Headless.events(fromKeys: "l"))
  try session.run(on: terminal)
  var other = Session(
    state: AppState(mode: .interactive, screenSize: size), options: options,
    runner: EffectRunner(catalog: try SQLiteCatalog.openReadOnly(at: path)))
  let otherTerminal = ScriptedTerminal(size: size, events: try Headless.events(fromKeys: "l"))
  try other.run(on: otherTerminal)
  let site = session.state.list.selectedRow?.title ?? "?"

  func timed(_ events: [TerminalEvent]) -> Double {
    seconds {
      for event in events { session.handle(event, on: terminal) }
      _ = render(session.state, options: options)
    } * 1000
  }
  func keys(_ text: String) throws -> [TerminalEvent] { try Headless.events(fromKeys: text) }
  func typed(_ text: String) -> [TerminalEvent] {
    text.map { .key(.character($0)) }
  }

  let name = "Military Forces of Syria"
  var open: [Double] = []
  var typing: [Double] = []
  var save: [Double] = []
  var seen: [Double] = []
  var saved = 0
  let rounds = 30
  for round in 0..<rounds {
    open.append(timed(try keys("c")))
    for character in name { typing.append(timed(typed(String(character)))) }
    _ = timed(try keys("Tab Right Tab Tab") + typed("2019-06-\(round < 9 ? "0" : "")\(round + 1)"))
    _ = timed(try keys("Tab Tab") + typed("Bench report") + (try keys("Tab Tab")))
    save.append(timed(try keys("Enter")))
    guard session.state.form == nil else {
      FileHandle.standardError.write(
        Data("form not saved: \(session.state.form?.refusal ?? "fields")\n".utf8))
      break
    }
    saved += 1
    // The other browser's next tick (every second) finds the commit and reads again.
    let reload = seconds {
      other.dispatch(.idled(seconds: 1), on: otherTerminal)
      _ = render(other.state, options: options)
    }
    let shown = other.state.list.rows.first { $0.title == site }?.fact ?? ""
    if !shown.hasPrefix("Military Forces of Syria") {
      FileHandle.standardError.write(Data("the other browser shows '\(shown)'\n".utf8))
    }
    seen.append(reload * 1000)
  }
  for _ in 0..<saved { try writer.undoLast(by: author, at: Int(time(nil))) }
  if traced is TimedCatalog { timedCatalog.report() }
  emitPercentiles("form: open (c)", open, counting: "forms opened on \(site)")
  emitPercentiles("form: complete an actor as typed", typing, counting: "keys typing '\(name)'")
  emitPercentiles("form: save (Enter)", save, counting: "claims saved, each undone after")
  emitPercentiles(
    "form: save seen by a second browser (its tick's reload)", seen,
    counting: "saves; add up to 1 s for the tick itself")
}
