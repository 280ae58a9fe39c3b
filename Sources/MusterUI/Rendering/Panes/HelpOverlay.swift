import MusterTerminal

/// The `?` help: every browsing binding of the current mode, grouped, from the keymap.
struct HelpOverlay {
  let state: AppState
  let options: RenderOptions

  func draw(on screen: inout ScreenBuffer) {
    let theme = options.theme
    let all = state.keymap.helpLines(for: state.mode)
    let visible = state.layout.helpRows
    let first = min(max(0, state.helpScroll), max(0, all.count - visible))
    let scrolls = all.count > visible
    let footer =
      scrolls
      ? "Lines \(first + 1)-\(min(all.count, first + visible)) of \(all.count): "
        + "arrows, j/k, PgUp/PgDn scroll; any other key closes."
      : "Press any key to close."
    let content =
      Array(all[first..<min(all.count, first + visible)]) + [("", false), (footer, false)]
    let width = min(
      screen.size.width - 2,
      max(40, (all + [(footer, false)]).map { DisplayText($0.0).width }.max() ?? 0) + 4)
    let height = min(screen.size.height - 2, content.count + 2)
    let area = Rect(
      x: (screen.size.width - width) / 2, y: (screen.size.height - height) / 2, width: width,
      height: height)
    screen.fill(area, style: theme[.text])
    let title = state.mode == .kiosk ? "Help (kiosk)" : "Help"
    let inside = Box(title: DisplayText(title), isFocused: true).draw(
      in: area, on: &screen, glyphs: options.glyphs, border: theme[.focusedBorder],
      titleStyle: theme[.title])
    for (index, line) in content.prefix(inside.height).enumerated() {
      screen.write(
        " " + DisplayText(line.0), at: Point(x: inside.minX, y: inside.minY + index),
        clip: inside,
        style: theme[line.1 ? .heading : .text])
    }
  }
}
