import MusterDomain
import MusterTerminal

/// The status line: the mode, hints from the keymap, the date being typed, messages, counts.
struct StatusLine {
  let state: AppState
  let options: RenderOptions

  func draw(in area: Rect, on screen: inout ScreenBuffer) {
    let theme = options.theme
    screen.fill(area, style: theme[.statusLine])
    var x = area.minX
    if state.mode == .kiosk {
      x = screen.write(
        DisplayText(" KIOSK \(options.glyphs.dot) read-only "), at: Point(x: x, y: area.minY),
        clip: area, style: theme[.statusKey])
    }
    switch state.input {
    case .search:
      // Under the bar: why the query cannot be read, or the keys that work there.
      if let error = state.search.error {
        screen.write(
          DisplayText(" \(options.glyphs.pointer) \(error.description)"),
          at: Point(x: x, y: area.minY), clip: area, style: theme[.statusKey])
        return
      }
      let hints = state.keymap.hints(for: state.mode, in: state.keyContext)
      screen.write(
        DisplayText(" " + hints.joined(separator: "  ")), at: Point(x: x, y: area.minY),
        clip: area, style: theme[.statusLine])
      return
    case .note(let draft):
      drawNoteEditor(draft, from: x, in: area, on: &screen)
      return
    case .date(let editor):
      x = screen.write(
        " As of (YYYY-MM-DD, YYYY-MM, YYYY): ", at: Point(x: x, y: area.minY), clip: area,
        style: theme[.statusKey])
      screen.write(
        DisplayText(editor.text + "_"), at: Point(x: x, y: area.minY), clip: area,
        style: theme[.statusLine].merged(with: theme[.prompt]))
      return
    case .form(let form):
      // The form draws itself over the panes; here, its keys, or why it was refused.
      let text =
        form.refusal.map { " \(options.glyphs.pointer) not saved: \($0)" }
        ?? " " + state.keymap.hints(for: state.mode, in: .form).joined(separator: "  ")
      screen.write(
        DisplayText(text), at: Point(x: x, y: area.minY), clip: area,
        style: theme[form.refusal == nil ? .statusLine : .statusKey])
      return
    case .browsing, .help:
      break
    }
    let right: String
    if let message = state.message {
      right = message
    } else if state.isWindowLargerThanDrawn {
      let (window, drawn) = (state.windowSize, state.screenSize)
      right =
        "window \(window.width)x\(window.height) is larger than Muster draws: "
        + "showing \(drawn.width)x\(drawn.height)"
    } else if state.tour.isRunning {
      right = "touring the timeline \(options.glyphs.dot) any key stops"
    } else if state.search.results.isShowing {
      let results = state.search.results
      right =
        results.matches.isEmpty
        ? "no results"
        : "\(results.selected + 1) of \(results.matches.count) shown, \(results.totalText) found"
    } else {
      let noun = state.list.tab == .pins ? "pins" : state.list.tab.kind.plural
      right =
        state.list.total == 0
        ? "no \(noun)" : "\(state.list.selected + 1) of \(state.list.total) \(noun)"
    }
    // A message may take most of the line, the position only what the hints leave; neither
    // ever covers the kiosk's badge.
    let isNotice = state.message != nil || state.isWindowLargerThanDrawn
    let wanted = isNotice ? max(area.width / 2, area.width - 12) : area.width / 2
    let rightRoom = min(wanted, area.maxX - x)
    let filter = state.search.filter.map { "filter: \($0) \(options.glyphs.dot) F clears" }
    let rightText = DisplayText(
      " " + [filter, right].compactMap { $0 }.joined(separator: "  ") + " "
    ).truncated(
      toWidth: max(0, rightRoom), ellipsis: options.glyphs.ellipsis)
    // Whole hints only, help first: a cut hint teaches nothing.
    var hints = state.keymap.hints(for: state.mode)
    if let help = state.keymap.hint(for: .toggleHelp), let index = hints.firstIndex(of: help) {
      hints.insert(hints.remove(at: index), at: 0)
    }
    let room = area.maxX - x - rightText.width - 1
    var shown = ""
    for hint in hints {
      let next = shown + (shown.isEmpty ? " " : "  ") + hint
      guard DisplayText(next).width <= room else { break }
      shown = next
    }
    screen.write(
      DisplayText(shown), at: Point(x: x, y: area.minY), clip: area, style: theme[.statusLine])
    screen.write(
      rightText, at: Point(x: area.maxX - rightText.width, y: area.minY), clip: area,
      style: isNotice ? theme[.statusKey] : theme[.statusLine])
  }

  /// The note editor: `Note on Albu Kamal: text`, the cursor's cell reversed, and the keys
  /// at the right when there is room.
  func drawNoteEditor(
    _ draft: NoteDraft, from start: Int, in area: Rect, on screen: inout ScreenBuffer
  ) {
    let theme = options.theme
    let keys = DisplayText(
      " " + state.keymap.hints(for: state.mode, in: .note).joined(separator: "  ") + " ")
    let label =
      DisplayText(" Note on ")
      + DisplayText(draft.title).truncated(
        toWidth: max(4, area.width / 4), ellipsis: options.glyphs.ellipsis) + DisplayText(": ")
    var x = screen.write(
      label, at: Point(x: start, y: area.minY), clip: area, style: theme[.statusKey])
    let showsKeys = area.maxX - x - keys.width >= 20
    let room = max(1, area.maxX - x - (showsKeys ? keys.width : 0) - 1)
    let (text, cursorColumn) = draft.editor.visible(width: room)
    let style = theme[.statusLine].merged(with: theme[.prompt])
    screen.write(text, at: Point(x: x, y: area.minY), clip: area, style: style)
    // The cursor: the cell under it reversed (a space past the end).
    let cursorX = x + cursorColumn
    let under = text.characters.reduce(into: (column: 0, character: nil as DisplayCharacter?)) {
      found, character in
      if found.column == cursorColumn, found.character == nil { found.character = character }
      found.column += character.width
    }.character
    var cursorStyle = style
    cursorStyle.isReversed.toggle()
    screen.write(
      under.map { DisplayText(characters: [$0]) } ?? DisplayText(" "),
      at: Point(x: cursorX, y: area.minY), clip: area, style: cursorStyle)
    x = area.maxX - keys.width
    if showsKeys {
      screen.write(keys, at: Point(x: x, y: area.minY), clip: area, style: theme[.statusLine])
    }
  }
}
