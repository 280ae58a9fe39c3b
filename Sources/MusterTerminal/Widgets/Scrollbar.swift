/// A vertical scrollbar: a track and a thumb sized and placed by what is visible.
public enum Scrollbar {
  /// Draws a bar in the one-column `area` for `total` rows of which `visible` show from
  /// `offset`; nothing when everything fits.
  public static func draw(
    in area: Rect, total: Int, offset: Int, visible: Int, on screen: inout ScreenBuffer,
    glyphs: GlyphSet, style: Style
  ) {
    guard area.height > 0, total > visible, visible > 0 else { return }
    let height = area.height
    let thumb = max(1, height * visible / total)
    let room = height - thumb
    let maximumOffset = max(1, total - visible)
    let start = min(room, room * min(offset, maximumOffset) / maximumOffset)
    for row in 0..<height {
      let glyph = row >= start && row < start + thumb ? glyphs.scrollThumb : glyphs.scrollTrack
      screen.write(
        DisplayText(String(glyph)), at: Point(x: area.minX, y: area.minY + row), clip: area,
        style: style)
    }
  }
}
