import Foundation
import MusterDomain
import MusterResources
import MusterStore
import MusterTerminal
import MusterUI

/// Per-keystroke cost in the browser: `apply`, the effects it asks for (store reads), and
/// rendering the frame, for one kind of navigation at 120x40.
func benchBrowse(_ path: String) throws {
  let timed = TimedCatalog(try SQLiteCatalog.openReadOnly(at: path))
  let catalog: any CatalogReading =
    ProcessInfo.processInfo.environment["MUSTER_BENCH_TRACE"] != nil ? timed : timed.inner
  let size = Size(width: 120, height: 40)
  let options = RenderOptions(
    theme: .standard, outlines: MapOutlines(text: BundledResources.borders))

  func session(_ setup: String) throws -> (Session, ScriptedTerminal) {
    let terminal = ScriptedTerminal(size: size, events: try Headless.events(fromKeys: setup))
    var session = Session(
      state: AppState(mode: .interactive, screenSize: size), options: options,
      runner: EffectRunner(catalog: catalog))
    try session.run(on: terminal)
    return (session, terminal)
  }

  /// Presses `keys` in turn after `setup`; each press timed from the event to a finished frame.
  func measureAll(_ name: String, setup: String, keys: [String], rounds: Int) throws {
    var (session, terminal) = try session(setup)
    var times: [Double] = []
    for round in 0..<rounds {
      let key = try Headless.events(fromKeys: keys[round % keys.count])
      let elapsed = seconds {
        for event in key { session.handle(event, on: terminal) }
        _ = render(session.state, options: options)
      }
      times.append(elapsed * 1000)
    }
    emitPercentiles(name, times, counting: "keys")
    if catalog is TimedCatalog { timed.report() }
  }

  let only = ProcessInfo.processInfo.environment["MUSTER_BENCH_ONLY"]
  func measure(_ name: String, setup: String, keys: [String], rounds: Int) throws {
    guard only.map({ name.contains($0) }) ?? true else { return }
    try measureAll(name, setup: setup, keys: keys, rounds: rounds)
  }
  try measure("list: j/k", setup: "", keys: Array(repeating: "j", count: 300) + ["k"], rounds: 400)
  try measure("list: PgDn through", setup: "", keys: ["PgDn"], rounds: 200)
  try measure("list: sites j", setup: "l", keys: ["j"], rounds: 200)
  try measure("timeline: k (earlier)", setup: "1", keys: ["k"], rounds: 400)
  try measure("timeline: j/k", setup: "1", keys: ["k", "k", "j"], rounds: 300)
  try measure("time cursor: [ and ]", setup: "", keys: ["[", "[", "]"], rounds: 150)
  try measure("time cursor: { }", setup: "", keys: ["{", "{", "}"], rounds: 90)
  try measure("tab: next list tab", setup: "", keys: ["l"], rounds: 60)
  // The map beside the list, focused: panning an eighth at a time loads the sites around
  // the view now and then; zooming out and in redraws every outline in view.
  try measure(
    "map: pan (arrows)", setup: "m Tab",
    keys: ["Right", "Right", "Down", "Right", "Left", "Up", "Up", "Left", "Down", "Left"],
    rounds: 400)
  try measure("map: zoom - and +", setup: "m Tab", keys: ["-", "-", "+", "+"], rounds: 200)
  // Issue 20: the Sites list a page at a time (each row's "Held by", inferred or claimed,
  // as of the cursor); the map's holders as the time cursor steps; what moved in a step.
  try measure("list: sites PgDn (Held by)", setup: "l", keys: ["PgDn"], rounds: 200)
  try measure("map: [ and ] (holders)", setup: "m", keys: ["[", "[", "]"], rounds: 150)
  try measure("what moved: ] then w", setup: "", keys: ["]", "w"], rounds: 100)
}
