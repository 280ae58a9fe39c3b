import Foundation
import MusterDomain
import MusterImport
import MusterResources
import MusterStore
import MusterTerminal
import MusterTestSupport
import Testing

@testable import MusterUI

/// A reproducible random walk through the real session: keys, pastes, clicks and resizes
/// from 1x1 to 300x100, in both modes, with the invariants checked after every step.
///
/// `MUSTER_MONKEY_STEPS` sets the steps per mode (`make soak` runs more); a failure names
/// the seed and step, and `MUSTER_MONKEY_SEED` replays it.
@Suite struct MonkeyTests {
  /// SplitMix64: small, fast and the same on every machine.
  struct Random: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static var steps: Int {
    Int(ProcessInfo.processInfo.environment["MUSTER_MONKEY_STEPS"] ?? "") ?? 20_000
  }
  static var seed: UInt64 {
    UInt64(ProcessInfo.processInfo.environment["MUSTER_MONKEY_SEED"] ?? "") ?? 20_201_217
  }

  /// Keys the walk presses: every bound key, the prompt keys, and strays.
  static let keys: [Key] = {
    var keys = Keymap.standard.bindings.flatMap(\.keys)
    keys += [
      .enter, .escape, .tab, .backTab, .backspace, .delete, .insert, .up, .down, .left, .right,
      .home, .end, .pageUp, .pageDown, .function(1), .function(12),
      .control("a"), .control("e"), .control("z"), .control("\\"), .control("s"),
    ]
    keys += "abcdefghijklmnopqrstuvwxyz0123456789 /:\"<=-,.'".map { Key.character($0) }
    keys += ["中", "ع", "é", "👍", "\u{301}", "\u{202E}"].map { Key.character($0) }
    return keys
  }()

  static let pastes = [
    "albu kamal", "actor:russia since:2020-12", "\u{1B}]52;c;aGVsbG8=\u{7}", "\u{1B}[2J\u{9B}",
    "2020-12-17", "line one\nline two\ttab", String(repeating: "x", count: 500), "\"unbalanced",
    "grade:<=C3 kind:strike", "",
  ]

  /// One of `items`, chosen by `random`.
  static func pick<T>(_ items: [T], _ random: inout Random) -> T {
    items[Int.random(in: 0..<items.count, using: &random)]
  }

  func walk(mode: SessionMode, seed: UInt64, steps: Int) throws {
    let folder = try TemporaryFolder("muster-monkey")
    let path = folder.file("muster.db")
    let result = DatasetReader.read(BundledResources.dataset, file: "bundled")
    try #require(result.problems.isEmpty)
    let writer = try SQLiteCatalog.openWritable(at: path)
    try writer.write(result.dataset)
    let reader = try SQLiteCatalog.openReadOnly(at: path)
    let catalog: SQLiteCatalog = mode == .kiosk ? reader : writer.catalog
    let desk =
      mode == .interactive
      ? EffectRunner.Desk(writer: writer, exporter: nil, author: "monkey", now: { 1_700_000_000 })
      : nil
    let before = try reader.changeToken()
    let span = try #require(try reader.summary().span)
    var random = Random(state: seed)
    var size = Size(width: 120, height: 40)
    let options = RenderOptions(outlines: SeededCatalog.outlines)
    var session = Session(
      state: AppState(mode: mode, screenSize: size), options: options,
      runner: EffectRunner(catalog: catalog, desk: desk))
    let terminal = ScriptedTerminal(size: size, events: [])
    try session.run(on: terminal)

    for step in 0..<steps {
      let event: TerminalEvent
      switch Int.random(in: 0..<100, using: &random) {
      case 0..<80:
        event = .key(Self.pick(Self.keys, &random))
      case 80..<84:
        event = .paste(Self.pick(Self.pastes, &random))
      case 84..<94:
        let actions: [MouseEvent.Action] = [.click, .wheelUp, .wheelDown]
        event = .mouse(
          MouseEvent(
            Self.pick(actions, &random),
            at: Point(
              x: Int.random(in: -2...(size.width + 2), using: &random),
              y: Int.random(in: -2...(size.height + 2), using: &random))))
      case 94..<99:
        size =
          Int.random(in: 0..<4, using: &random) == 0
          ? Size(
            width: Int.random(in: 1...300, using: &random),
            height: Int.random(in: 1...100, using: &random))
          : Self.pick(
            [
              Size(width: 80, height: 24), Size(width: 120, height: 40),
              Size(width: 170, height: 50),
            ],
            &random)
        event = .resized(size)
      default:
        event = .idle
      }
      session.handle(event, on: terminal)
      let state = session.state
      let context: Comment = "seed \(seed), step \(step), after \(event), mode \(mode)"

      // Selections stay in range.
      #expect(state.list.selected >= 0 && state.list.selected < max(1, state.list.total), context)
      #expect(
        state.timeline.selected >= 0
          && state.timeline.selected < max(1, state.timeline.entries.count), context)
      #expect(
        state.detail.cursor >= 0 && state.detail.cursor < max(1, state.detail.lines.count),
        context)
      #expect(
        state.search.results.selected >= 0
          && state.search.results.selected < max(1, state.search.results.matches.count), context)
      // The time cursor stays within the data's span.
      if let asOf = state.asOf { #expect(asOf >= span.first && asOf <= span.last, context) }
      #expect(state.panes.contains(state.focus), context)
      if mode == .kiosk {
        #expect(state.isRunning, "a kiosk never quits; \(context)")
        #expect(state.noteDraft == nil, context)
      }
      guard state.isRunning else {
        // Quitting ends the walk; start again where it was.
        session = Session(
          state: AppState(mode: mode, screenSize: size), options: options,
          runner: EffectRunner(catalog: catalog, desk: desk))
        try session.run(on: ScriptedTerminal(size: size, events: []))
        continue
      }
      // A frame is drawn for the screen as it is: a buffer of its size, wide characters
      // whole (a continuation cell always follows a wide one). Drawing costs most of a
      // step in a debug build, so every eighth step draws, and every step on tiny screens.
      guard step % 8 == 0 || size.width * size.height < 1_000 else { continue }
      let screen = render(state, options: options)
      #expect(screen.size == state.screenSize, context)
      if step % 16 == 0 {
        for y in 0..<screen.size.height {
          for x in 0..<screen.size.width where screen[x, y].isContinuation {
            #expect(x > 0 && !screen[x - 1, y].isContinuation, context)
          }
        }
      }
    }
    if mode == .kiosk {
      #expect(try reader.changeToken() == before, "a kiosk never writes")
      #expect(try reader.exportDataset().notes.isEmpty)
    }
  }

  @Test func anInteractiveSessionHoldsUnderARandomWalk() throws {
    try walk(mode: .interactive, seed: Self.seed, steps: Self.steps)
  }

  @Test func aKioskHoldsUnderARandomWalkAndNeverWritesOrQuits() throws {
    try walk(mode: .kiosk, seed: Self.seed &+ 1, steps: Self.steps)
  }

  @Test func theHelpListsOnlyTheKeysBoundInEachMode() {
    for mode in [SessionMode.interactive, .kiosk] {
      var state = AppState(mode: mode, screenSize: Size(width: 200, height: 100))
      _ = state.apply(.command(.toggleHelp))
      let text = render(state).lines().joined(separator: "\n")
      let bound = Keymap.standard.bindings(for: mode)
      let unbound = Keymap.standard.bindings.filter { binding in
        !bound.contains { $0.command == binding.command }
      }
      for binding in bound { #expect(text.contains(binding.summary), "\(mode)") }
      for binding in unbound { #expect(!text.contains(binding.summary), "\(mode)") }
    }
  }
}
