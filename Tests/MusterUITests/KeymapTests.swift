import Foundation
import MusterTerminal
import Testing

@testable import MusterUI

@Suite struct KeymapTests {
  let keymap = Keymap.standard
  let browsing = AppState(mode: .interactive, screenSize: Size(width: 120, height: 40))

  @Test(arguments: [
    (Key.character("j"), Command.moveSelection(by: 1)), (.down, .moveSelection(by: 1)),
    (.character("k"), .moveSelection(by: -1)), (.up, .moveSelection(by: -1)),
    (.character("g"), .moveToStart), (.end, .moveToEnd), (.pageDown, .page(by: 1)),
    (.control("u"), .page(by: -1)), (.tab, .focusNext), (.backTab, .focusPrevious),
    (.character("l"), .nextTab), (.left, .previousTab), (.enter, .open), (.backspace, .back),
    (.escape, .back), (.character("]"), .stepTime(by: 1)), (.character("["), .stepTime(by: -1)),
    (.character("}"), .moveTime(months: 1)), (.character("{"), .moveTime(months: -1)),
    (.character("t"), .promptForDate), (.character("?"), .toggleHelp),
    (.control("l"), .redraw), (.character("q"), .quit), (.control("c"), .quit),
  ])
  func keysMeanTheirCommandsWhileBrowsing(key: Key, command: Command) {
    #expect(keymap.command(for: key, in: browsing) == command)
  }

  @Test func unboundKeysMeanNothing() {
    for key in [Key.character("z"), .function(5), .control("x"), .insert] {
      #expect(keymap.command(for: key, in: browsing) == nil)
    }
  }

  @Test func whileTypingADatePrintableKeysAreText() {
    var typing = browsing
    typing.input = .date(LineEditor())
    #expect(keymap.command(for: .character("q"), in: typing) == .type("q"))
    #expect(keymap.command(for: .character("j"), in: typing) == .type("j"))
    #expect(keymap.command(for: .enter, in: typing) == .submit)
    #expect(keymap.command(for: .escape, in: typing) == .cancel)
    #expect(keymap.command(for: .backspace, in: typing) == .deleteBackward)
    #expect(keymap.command(for: .down, in: typing) == nil)
  }

  @Test func whileTheHelpShowsAnyKeyClosesIt() {
    var helping = browsing
    helping.input = .help(scroll: 0)
    #expect(keymap.command(for: .character("q"), in: helping) == .cancel)
    #expect(keymap.command(for: .character("?"), in: helping) == .toggleHelp)
  }

  @Test func theKioskHasNoQuitKeyAndKeepsTheRest() {
    let kiosk = AppState(mode: .kiosk, screenSize: Size(width: 120, height: 40))
    for key in [Key.character("q"), .control("c"), .control("z"), .control("d")] {
      #expect(keymap.command(for: key, in: kiosk) != .quit)
    }
    #expect(keymap.command(for: .character("j"), in: kiosk) == .moveSelection(by: 1))
    #expect(!keymap.hints(for: .kiosk).contains("q quit"))
    #expect(keymap.bindings(for: .kiosk).allSatisfy { $0.isKioskSafe })
  }

  @Test func noKeyIsBoundTwiceInATable() {
    for table in keymap.tables {
      var seen: Set<Key> = []
      for key in table.bindings.flatMap(\.keys) {
        #expect(seen.insert(key).inserted, "\(key.name) is bound twice in \(table.title)")
      }
    }
    #expect(Set(keymap.tables.map(\.context)) == Set(KeyContext.allCases))
  }

  @Test(arguments: [
    (InputMode.search(.search), KeyContext.search), (.search(.filter), .filter),
    (.date(LineEditor()), .date),
    (.note(NoteDraft(target: .init(kind: .site, rawValue: "site:x"), title: "X")), .note),
  ])
  func everyPromptTypesTextAndTakesEnterAndEsc(mode: InputMode, context: KeyContext) {
    var state = browsing
    state.input = mode

    #expect(state.keyContext == context)
    #expect(keymap.command(for: .character("q"), in: state) == .type("q"))
    #expect(keymap.command(for: .character("?"), in: state) == .type("?"))
    #expect(keymap.command(for: .enter, in: state) == .submit)
    #expect(keymap.command(for: .escape, in: state) == .cancel)
    #expect(keymap.command(for: .backspace, in: state) == .deleteBackward)
    #expect(keymap.command(for: .tab, in: state) == nil)
    #expect(state.input.takesText)
  }

  @Test func theMapsTableComesFirstWhenItHasFocusAndTheBrowsersTakesTheRest() {
    var state = browsing
    state.map.isShown = true
    state.focus = .map

    #expect(state.keyContext == .map)
    #expect(keymap.command(for: .left, in: state) == .panMap(x: -1, y: 0))
    #expect(keymap.command(for: .character("j"), in: state) == .panMap(x: 0, y: 1))
    #expect(keymap.command(for: .tab, in: state) == .focusNext)
    #expect(keymap.command(for: .character("+"), in: state) == .zoomMap(in: true))
  }

  @Test func aPromptsStatusLineHintsComeFromItsTable() {
    var state = browsing
    state.input = .search(.search)
    var kiosk = AppState(mode: .kiosk, screenSize: Size(width: 120, height: 40))
    kiosk.input = .search(.search)

    #expect(
      render(state).lines(in: state.layout.statusLine)[0].hasPrefix(
        " Enter keep results  Esc restore the view  Up/Down history"))
    #expect(
      render(kiosk).lines(in: kiosk.layout.statusLine)[0].hasPrefix(
        " KIOSK · read-only  Enter keep results  Esc restore the view "))
    #expect(!render(kiosk).text.contains("history"))
  }

  @Test func keyNamesRoundTrip() {
    for key in keymap.bindings.flatMap(\.keys) {
      #expect(Key(name: key.name) == key, "\(key.name)")
    }
    #expect(Key(name: "Ctrl-D") == .control("d"))
    #expect(Key(name: "F12") == .function(12))
    #expect(Key(name: "F13") == nil)
    #expect(Key(name: "Hyper") == nil)
  }

  @Test func aHelpTallerThanTheScreenScrollsToEveryBinding() {
    var state = AppState(mode: .interactive, screenSize: Size(width: 80, height: 24))
    _ = state.apply(.command(.toggleHelp))
    var seen = ""
    var last = -1
    while state.helpScroll != last {
      last = state.helpScroll
      seen += render(state).text
      if let command = keymap.command(for: .down, in: state) { _ = state.apply(.command(command)) }
    }
    for binding in keymap.bindings {
      #expect(seen.contains(binding.summary), "the help never shows \(binding.summary)")
    }
    #expect(seen.contains("any other key closes"))
    // A key that does not scroll closes it; opening it again starts at the top.
    if let command = keymap.command(for: .character("x"), in: state) {
      _ = state.apply(.command(command))
    }
    #expect(!state.isHelpVisible)
    _ = state.apply(.command(.toggleHelp))
    #expect(state.helpScroll == 0)
    var tall = AppState(mode: .interactive, screenSize: Size(width: 120, height: 80))
    tall.input = .help(scroll: 0)
    #expect(render(tall).text.contains("Press any key to close."))
  }

  @Test func theHelpOverlayListsEveryBindingOfTheMode() {
    var state = browsing
    state.screenSize = Size(width: 120, height: 80)
    state.input = .help(scroll: 0)
    let screen = render(state).text
    for binding in keymap.bindings {
      #expect(screen.contains(binding.summary), "help lacks \(binding.summary)")
    }
    var kiosk = AppState(mode: .kiosk, screenSize: Size(width: 120, height: 40))
    kiosk.input = .help(scroll: 0)
    let kioskHelp = render(kiosk).text
    #expect(!kioskHelp.contains("quit"))
    #expect(kioskHelp.contains("next row"))
  }

  @Test func docsKeysMarkdownIsUpToDate() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let file = root.appendingPathComponent("docs/keys.md")
    let written = try String(contentsOf: file, encoding: .utf8)
    #expect(written == keymap.markdown(), "docs/keys.md is stale: run make docs")
    for binding in keymap.bindings {
      #expect(written.contains(binding.summary))
    }
  }
}
