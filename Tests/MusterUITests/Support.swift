import MusterDomain
import MusterImport
import MusterResources
import MusterStore
import MusterTerminal
import MusterTestSupport
import MusterUI
import Testing

/// The bundled dataset in a real SQLite file, opened read-only as the browser opens it.
final class SeededCatalog: Sendable {
  let folder: TemporaryFolder
  let catalog: SQLiteCatalog

  init() throws {
    folder = try TemporaryFolder("muster-ui")
    let path = folder.file("muster.db")
    let result = DatasetReader.read(BundledResources.dataset, file: "bundled")
    try #require(result.problems.isEmpty, "\(result.problems)")
    _ = try SQLiteCatalog.openWritable(at: path).write(result.dataset)
    catalog = try SQLiteCatalog.openReadOnly(at: path)
  }

  /// The screen after the keys (names separated by spaces, as `muster render` takes them).
  func screen(
    _ keys: String = "", size: Size = Size(width: 120, height: 40), asOf: String? = nil,
    mode: SessionMode = .interactive, glyphs: GlyphSet = .unicode, theme: Theme = .monochrome
  ) throws -> ScreenBuffer {
    try Headless.screen(
      catalog: catalog, size: size, events: try Headless.events(fromKeys: keys),
      asOf: try asOf.map(day), mode: mode,
      options: RenderOptions(theme: theme, glyphs: glyphs, outlines: Self.outlines))
  }

  /// The country outlines the binary ships.
  static let outlines = MapOutlines(text: BundledResources.borders)

  /// A session that has started and loaded its first screen.
  func session(
    size: Size = Size(width: 120, height: 40), asOf: String? = nil,
    mode: SessionMode = .interactive, tour: TourState = TourState()
  ) throws -> (Session, ScriptedTerminal) {
    var state = AppState(mode: mode, screenSize: size)
    state.tour = tour
    state.asOf = try asOf.map(day)
    var session = Session(
      state: state, options: RenderOptions(), runner: EffectRunner(catalog: catalog))
    let terminal = ScriptedTerminal(size: size, events: [])
    try session.run(on: terminal)
    return (session, terminal)
  }
}

func day(_ text: String) throws -> Day {
  try #require(Day(iso: text))
}

extension ScreenBuffer {
  /// The screen as one string, for `contains` checks.
  var text: String { lines().joined(separator: "\n") }
}

/// Presses keys (names separated by spaces, as `muster render` takes them) in a session.
func press(_ keys: String, _ session: inout Session, on terminal: ScriptedTerminal) throws {
  for event in try Headless.events(fromKeys: keys) {
    session.handle(event, on: terminal)
  }
}

/// A real database holding the bundled dataset, and browser sessions on it that write as
/// `alice` at a fixed time (2021-11-30 12:34 UTC): for the tests of what the browser writes.
struct BundledDesk {
  static let noon = 1_638_275_640
  let folder: TemporaryFolder
  let writer: SQLiteCatalogWriter

  init(_ name: String) throws {
    folder = try TemporaryFolder(name)
    writer = try SQLiteCatalog.openWritable(at: folder.file("muster.db"))
    let result = DatasetReader.read(BundledResources.dataset, file: "bundled")
    try #require(result.problems.isEmpty)
    try writer.write(result.dataset)
  }

  /// A session at 120x40 that has drawn its first frame; a kiosk's has no desk.
  func session(mode: SessionMode = .interactive) throws -> (Session, ScriptedTerminal) {
    let size = Size(width: 120, height: 40)
    let desk = EffectRunner.Desk(
      writer: writer, exporter: nil, author: "alice", now: { Self.noon })
    var session = Session(
      state: AppState(mode: mode, screenSize: size), options: RenderOptions(),
      runner: EffectRunner(catalog: writer.catalog, desk: mode == .interactive ? desk : nil))
    let terminal = ScriptedTerminal(size: size, events: [])
    try session.run(on: terminal)
    return (session, terminal)
  }
}

/// Types text a character at a time, as keys.
func type(_ text: String, _ session: inout Session, on terminal: ScriptedTerminal) {
  for character in text {
    session.handle(.key(.character(character)), on: terminal)
  }
}
