import MusterDomain
import MusterTerminal

/// The timeline: events and deployment changes in date order.
///
/// Also the activity sparkline and the time cursor. Entries after the cursor are dimmed: they have not happened "as of" it.
struct TimelinePane {
  let state: AppState
  let layout: ScreenLayout
  let options: RenderOptions

  var theme: Theme { options.theme }
  var glyphs: GlyphSet { options.glyphs }
  var isFocused: Bool { state.focus == .timeline }

  func draw(on screen: inout ScreenBuffer) {
    switch layout.arrangement {
    case .wide: drawBox(on: &screen)
    case .stacked: drawStrip(on: &screen)
    case .tooSmall: break
    }
  }

  var asOfText: String {
    state.asOf.map { "as of \($0)" } ?? "loading"
  }

  func drawBox(on screen: inout ScreenBuffer) {
    let area = layout.timeline
    let inside = Box(title: "Timeline", trailing: DisplayText(asOfText), isFocused: isFocused)
      .draw(
        in: area, on: &screen, glyphs: glyphs,
        border: theme[isFocused ? .focusedBorder : .border], titleStyle: theme[.title])
    drawSparkline(y: area.minY, from: area.minX + 12, on: &screen)
    guard !inside.isEmpty else { return }
    let rows = inside.height
    let textArea = Rect(x: inside.minX, y: inside.minY, width: inside.width - 1, height: rows)
    if state.timeline.entries.isEmpty {
      screen.write("no entries", at: textArea.origin, clip: textArea, style: theme[.muted])
    }
    for row in 0..<rows {
      let index = state.timeline.scroll + row
      guard state.timeline.entries.indices.contains(index) else { break }
      drawEntry(
        state.timeline.entries[index], isSelected: index == state.timeline.selected,
        in: Rect(x: textArea.minX, y: textArea.minY + row, width: textArea.width, height: 1),
        on: &screen)
    }
    Scrollbar.draw(
      in: Rect(x: inside.maxX - 1, y: inside.minY, width: 1, height: rows),
      total: state.timeline.entries.count, offset: state.timeline.scroll, visible: rows,
      on: &screen, glyphs: glyphs, style: theme[.border])
  }

  func drawSparkline(y: Int, from x: Int, on screen: inout ScreenBuffer) {
    let counts = state.timeline.activity
    guard let span = state.span, !counts.isEmpty,
      counts.count <= layout.sparklineBuckets
    else { return }
    let first = DisplayText("\(span.first.civil.year) ")
    var column = screen.write(first, at: Point(x: x, y: y), style: theme[.muted])
    let bars = Sparkline.text(counts, glyphs: glyphs)
    let cursorBucket = state.asOf.map { day -> Int in
      let offset = span.first.distance(to: day)
      return min(counts.count - 1, max(0, offset * counts.count / max(1, span.count)))
    }
    for (index, bar) in bars.characters.enumerated() {
      let isCursor = index == cursorBucket
      let glyph =
        isCursor && bar.character == " " ? DisplayText("|") : DisplayText(String(bar.character))
      column = screen.write(
        glyph, at: Point(x: column, y: y), style: theme[isCursor ? .cursor : .text])
    }
    screen.write(
      DisplayText(" \(span.last.civil.year)"), at: Point(x: column, y: y), style: theme[.muted])
  }

  /// One entry: its date with precision, what happened, its grade.
  func drawEntry(
    _ entry: TimelineEntry, isSelected: Bool, in area: Rect, on screen: inout ScreenBuffer
  ) {
    let isFuture = state.asOf.map { entry.position.day > $0 } ?? false
    var base = theme[isFuture ? .future : .text]
    if isSelected { base = base.merged(with: theme[isFocused ? .selection : .inactiveSelection]) }
    screen.fill(area, style: base)
    let dateWidth = min(20, area.width / 3)
    let pointer = isSelected ? "\(glyphs.pointer) " : "  "
    screen.write(
      DisplayText(pointer + entry.date.labelled).truncated(
        toWidth: dateWidth - 1, ellipsis: glyphs.ellipsis),
      at: area.origin, clip: area, style: base.merged(with: isFuture ? Style() : theme[.muted]))
    let marker: String
    switch entry.kind {
    case .deploymentStart: marker = "+ "
    case .deploymentEnd: marker = "- "
    case .event: marker = ""
    }
    var flags = entry.grade.map { " \($0)" } ?? ""
    if entry.analystStatus == .contested { flags += " !" }
    let flagsText = DisplayText(flags)
    let titleRoom = area.width - dateWidth - flagsText.width - 1
    if titleRoom > 0 {
      screen.write(
        DisplayText(marker + entry.title, upToWidth: titleRoom).truncated(
          toWidth: titleRoom, ellipsis: glyphs.ellipsis),
        at: Point(x: area.minX + dateWidth, y: area.minY), clip: area, style: base)
    }
    let flagStyle = base.merged(
      with: theme[entry.analystStatus == .contested ? .contested : .grade])
    screen.write(
      flagsText, at: Point(x: area.maxX - flagsText.width, y: area.minY), clip: area,
      style: flagStyle)
  }

  /// The narrow layout's one-line strip: the selected entry and the time cursor.
  func drawStrip(on screen: inout ScreenBuffer) {
    let area = layout.timeline
    let style = theme[isFocused ? .selection : .text]
    screen.fill(area, style: style)
    let cursor = DisplayText(" \(asOfText) ")
    screen.write(
      cursor, at: Point(x: area.maxX - cursor.width, y: area.minY), clip: area,
      style: style.merged(with: theme[.cursor]))
    guard let entry = state.timeline.selectedEntry else {
      screen.write(" Timeline", at: area.origin, clip: area, style: style)
      return
    }
    let text = DisplayText(
      " \(entry.date.labelled)  \(entry.title)" + (entry.grade.map { "  \($0)" } ?? ""))
    screen.write(
      text.truncated(toWidth: max(0, area.width - cursor.width - 1), ellipsis: glyphs.ellipsis),
      at: area.origin, clip: area, style: style)
  }
}
