import MusterTerminal

/// The `?` help: every binding of the current mode, grouped, made from the keymap.
struct HelpOverlay {
  let mode: SessionMode
  let options: RenderOptions

  /// The help's lines: section headings and `keys  summary` rows.
  var lines: [(text: String, isHeading: Bool)] {
    var lines: [(String, Bool)] = []
    let bindings = options.keymap.bindings(for: mode)
    for section in KeyBinding.Section.allCases {
      let inSection = bindings.filter { $0.section == section }
      guard !inSection.isEmpty else { continue }
      if !lines.isEmpty { lines.append(("", false)) }
      lines.append((section.rawValue, true))
      // Bindings that do the same thing share a row: `PgDn / Ctrl-D  page down`.
      var rows: [(keys: [String], summary: String, command: Command)] = []
      for binding in inSection {
        if let index = rows.firstIndex(where: {
          $0.command == binding.command && $0.summary == binding.summary
        }) {
          rows[index].keys.append(binding.keyNames)
        } else {
          rows.append(([binding.keyNames], binding.summary, binding.command))
        }
      }
      for row in rows {
        let keys = row.keys.joined(separator: " / ")
        lines.append((DisplayText(keys).fitted(toWidth: 20).description + row.summary, false))
      }
    }
    return lines
  }

  /// How many lines the help of a mode has (with the standard keymap).
  static func lineCount(for mode: SessionMode) -> Int {
    HelpOverlay(mode: mode, options: RenderOptions()).lines.count
  }

  /// How many help lines a screen shows at once: its height less the box and the footer.
  static func visibleLines(screen: Size) -> Int {
    max(1, screen.height - 2 - 2 - 2)
  }

  func draw(on screen: inout ScreenBuffer, scroll: Int = 0) {
    let theme = options.theme
    let all = lines
    let visible = Self.visibleLines(screen: screen.size)
    let first = min(max(0, scroll), max(0, all.count - visible))
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
    let title = mode == .kiosk ? "Help (kiosk)" : "Help"
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
