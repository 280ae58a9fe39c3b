import MusterDomain
import MusterTerminal

/// A form over the panes: each field on its row (label, value, error beside it), the
/// field with the keyboard marked and its cursor shown, and under a record field its pick
/// list; the store's refusal at the foot.
struct FormOverlay {
  let form: FormState
  let options: RenderOptions

  /// The label column's width.
  static let labelWidth = 15

  func draw(in bounds: Rect, on screen: inout ScreenBuffer) {
    let theme = options.theme
    let completions = form.current.completions.prefix(6)
    let showsCompletions: Bool = {
      if case .record = form.current.kind, form.current.chosen == nil {
        return !completions.isEmpty
      }
      return false
    }()
    let rows = form.fields.count + (showsCompletions ? completions.count : 0) + 2
    let width = min(bounds.width - 2, 78)
    let height = min(bounds.height - 2, rows + 2)
    guard width >= 30, height >= 4 else { return }
    let area = Rect(
      x: bounds.minX + (bounds.width - width) / 2,
      y: bounds.minY + max(1, (bounds.height - height) / 3),
      width: width, height: height)
    screen.fill(area, style: theme[.text])
    let inside = Box(title: DisplayText(form.title), isFocused: true).draw(
      in: area, on: &screen, glyphs: options.glyphs, border: theme[.focusedBorder],
      titleStyle: theme[.title])
    var y = inside.minY
    for (index, field) in form.fields.enumerated() where y < inside.maxY {
      let isFocused = index == form.focused
      let label = DisplayText(
        (isFocused ? String(options.glyphs.pointer) : " ") + " " + field.label
      )
      .truncated(toWidth: Self.labelWidth, ellipsis: options.glyphs.ellipsis)
      .padded(toWidth: Self.labelWidth)
      var x = screen.write(
        label, at: Point(x: inside.minX, y: y), clip: inside,
        style: theme[isFocused ? .heading : .muted])
      let error = field.error.map { DisplayText("  " + $0) } ?? DisplayText("")
      let room = max(4, inside.maxX - x - min(error.width, inside.width / 3) - 1)
      x = drawValue(field, isFocused: isFocused, at: Point(x: x, y: y), room: room, on: &screen)
      if field.error != nil {
        screen.write(
          error.truncated(toWidth: max(0, inside.maxX - x), ellipsis: options.glyphs.ellipsis),
          at: Point(x: x, y: y), clip: inside, style: theme[.statusKey])
      }
      y += 1
      if isFocused, showsCompletions {
        for (position, hit) in completions.enumerated() where y < inside.maxY {
          let picked = position == form.current.completionIndex
          var style = theme[.text]
          if picked { style.isReversed = true }
          let text =
            DisplayText("  " + hit.title + "  ")
            + DisplayText(hit.matched.map { "(\($0.name))" } ?? hit.category)
          screen.write(
            text.truncated(
              toWidth: inside.width - Self.labelWidth, ellipsis: options.glyphs.ellipsis),
            at: Point(x: inside.minX + Self.labelWidth, y: y), clip: inside, style: style)
          y += 1
        }
      }
    }
    if let refusal = form.refusal, y + 1 < inside.maxY {
      screen.write(
        DisplayText(" Not saved: " + refusal).truncated(
          toWidth: inside.width, ellipsis: options.glyphs.ellipsis),
        at: Point(x: inside.minX, y: y + 1), clip: inside, style: theme[.statusKey])
    }
  }

  /// The field's value: a choice between arrows, a record picked marked, the text being
  /// typed with its cursor; returns the column after it.
  private func drawValue(
    _ field: FormState.Field, isFocused: Bool, at point: Point, room: Int,
    on screen: inout ScreenBuffer
  ) -> Int {
    let theme = options.theme
    let clip = Rect(x: point.x, y: point.y, width: room, height: 1)
    switch field.kind {
    case .choice:
      let text = DisplayText(isFocused ? "< \(field.value) >" : field.value)
      return screen.write(text, at: point, clip: clip, style: theme[isFocused ? .prompt : .text])
    case .record where field.chosen != nil && !isFocused:
      return screen.write(
        DisplayText(field.value + " \(options.glyphs.dot) picked"), at: point, clip: clip,
        style: theme[.text])
    default:
      guard isFocused else {
        return screen.write(
          DisplayText(field.editor.text), at: point, clip: clip, style: theme[.text])
      }
      let (text, cursorColumn) = field.editor.visible(width: max(1, room - 1))
      let style = theme[.prompt]
      screen.write(text, at: point, clip: clip, style: style)
      var cursorStyle = style
      cursorStyle.isReversed.toggle()
      let under = text.characters.reduce(into: (column: 0, character: nil as DisplayCharacter?)) {
        found, character in
        if found.column == cursorColumn, found.character == nil { found.character = character }
        found.column += character.width
      }.character
      screen.write(
        under.map { DisplayText(characters: [$0]) } ?? DisplayText(" "),
        at: Point(x: point.x + cursorColumn, y: point.y), clip: clip, style: cursorStyle)
      return point.x + max(text.width, cursorColumn + 1)
    }
  }
}
