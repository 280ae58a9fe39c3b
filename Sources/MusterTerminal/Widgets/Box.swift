/// A bordered rectangle with a title on its top edge, and perhaps one on the right.
public struct Box {
  /// The title at the left of the top edge.
  public var title: DisplayText
  /// The text at the right of the top edge.
  public var trailing: DisplayText
  /// Whether the box has focus (its border is drawn in the focused style).
  public var isFocused: Bool

  /// A box from its parts.
  public init(title: DisplayText, trailing: DisplayText = "", isFocused: Bool = false) {
    self.title = title
    self.trailing = trailing
    self.isFocused = isFocused
  }

  /// Draws the border and titles in `area`; returns the inside.
  @discardableResult
  public func draw(
    in area: Rect, on screen: inout ScreenBuffer, glyphs: GlyphSet, border: Style,
    titleStyle: Style
  ) -> Rect {
    guard area.width >= 2, area.height >= 2 else {
      return Rect(x: area.minX, y: area.minY, width: 0, height: 0)
    }
    let horizontal = DisplayText(String(repeating: glyphs.horizontal, count: area.width - 2))
    screen.write(
      DisplayText(String(glyphs.topLeft)) + horizontal + DisplayText(String(glyphs.topRight)),
      at: area.origin, clip: area, style: border)
    screen.write(
      DisplayText(String(glyphs.bottomLeft)) + horizontal
        + DisplayText(String(glyphs.bottomRight)),
      at: Point(x: area.minX, y: area.maxY - 1), clip: area, style: border)
    for y in (area.minY + 1)..<(area.maxY - 1) {
      screen.write(
        DisplayText(String(glyphs.vertical)), at: Point(x: area.minX, y: y), clip: area,
        style: border)
      screen.write(
        DisplayText(String(glyphs.vertical)), at: Point(x: area.maxX - 1, y: y), clip: area,
        style: border)
    }
    let room = area.width - 4
    if room > 0 {
      let trailingRoom = trailing.isEmpty ? 0 : min(trailing.width + 2, room / 2)
      let titleText = title.truncated(
        toWidth: max(0, room - trailingRoom - 1), ellipsis: glyphs.ellipsis)
      if !titleText.isEmpty {
        screen.write(
          " " + titleText + " ", at: Point(x: area.minX + 1, y: area.minY), clip: area,
          style: titleStyle)
      }
      if trailingRoom > 2 {
        let trailingText = trailing.truncated(toWidth: trailingRoom - 2, ellipsis: glyphs.ellipsis)
        screen.write(
          " " + trailingText + " ",
          at: Point(x: area.maxX - 3 - trailingText.width, y: area.minY), clip: area,
          style: border)
      }
    }
    return area.inset(by: 1)
  }
}
