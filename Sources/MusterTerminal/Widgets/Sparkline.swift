/// A row of bars showing how a count varies, scaled to the largest.
public enum Sparkline {
  /// The bars for `values`, one character each (a space for zero).
  public static func text(_ values: [Int], glyphs: GlyphSet) -> DisplayText {
    guard let largest = values.max(), largest > 0 else {
      return DisplayText(String(repeating: " ", count: values.count))
    }
    let levels = glyphs.bars.count
    let bars = values.map { value -> Character in
      guard value > 0 else { return " " }
      let level = min(levels - 1, (value * levels - 1) / largest)
      return glyphs.bars[max(0, level)]
    }
    return DisplayText(String(bars))
  }
}
