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
    if let prompt = state.datePrompt {
      x = screen.write(
        " As of (YYYY-MM-DD, YYYY-MM, YYYY): ", at: Point(x: x, y: area.minY), clip: area,
        style: theme[.statusKey])
      screen.write(
        DisplayText(prompt + "_"), at: Point(x: x, y: area.minY), clip: area,
        style: theme[.statusLine].merged(with: theme[.prompt]))
      return
    }
    let right: String
    if let message = state.message {
      right = message
    } else {
      let noun = state.list.tab.kind.plural
      right =
        state.list.total == 0
        ? "no \(noun)" : "\(state.list.selected + 1) of \(state.list.total) \(noun)"
    }
    let rightText = DisplayText(" " + right + " ").truncated(
      toWidth: max(0, area.width / 2), ellipsis: options.glyphs.ellipsis)
    let hints = options.keymap.hints(for: state.mode).joined(separator: "  ")
    screen.write(
      DisplayText(" " + hints).truncated(
        toWidth: max(0, area.maxX - x - rightText.width - 1), ellipsis: options.glyphs.ellipsis),
      at: Point(x: x, y: area.minY), clip: area, style: theme[.statusLine])
    screen.write(
      rightText, at: Point(x: area.maxX - rightText.width, y: area.minY), clip: area,
      style: state.message == nil ? theme[.statusLine] : theme[.statusKey])
  }
}
