import CCurses
import MusterTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the ncurses library Muster is linked with.

extension CursesTerminal {
  /// Shows `frame`, sending only the cells that differ from what is on the screen.
  public func present(_ frame: ScreenBuffer) throws {
    let size = drawnSize
    let full = isInvalid || shown?.size != frame.size
    if isInvalid {
      clearok(window, true)
    }
    let width = min(size.width, frame.size.width)
    let height = min(size.height, frame.size.height)
    var cell = cchar_t()
    for y in 0..<height {
      for x in 0..<width {
        let next = frame[x, y]
        if !full, let shown, shown[x, y] == next { continue }
        if next.isContinuation { continue }
        let isWide = x + 1 < frame.size.width && frame[x + 1, y].isContinuation
        let character = isWide && x + 1 >= width ? " " : next.character
        let (attribute, pair) = look(next.style)
        var wide = Array(character.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) })
        wide.append(0)
        setcchar(&cell, wide, attribute, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cell)
      }
    }
    wnoutrefresh(window)
    doupdate()
    shown = frame
    isInvalid = false
  }

  /// Makes the next `present` send every cell.
  public func invalidate() {
    isInvalid = true
  }

  func look(_ style: Style) -> (attr_t, Int16) {
    if let cached = styleCache[style] { return cached }
    var attribute: attr_t = 0
    if style.isBold { attribute |= attributes.bold }
    if style.isDim { attribute |= attributes.dim }
    if style.isReversed { attribute |= attributes.reverse }
    if style.isUnderlined { attribute |= attributes.underline }
    var pair: Int16 = 0
    if colorDepth > 0 {
      let foreground = ColorMapping.number(for: style.foreground, depth: colorDepth)
      let background = ColorMapping.number(for: style.background, depth: colorDepth)
      if foreground.brighten { attribute |= attributes.bold }
      if foreground.dim { attribute |= attributes.dim }
      pair = colorPair(foreground: foreground.number, background: background.number)
    }
    styleCache[style] = (attribute, pair)
    return (attribute, pair)
  }

  func colorPair(foreground: Int16, background: Int16) -> Int16 {
    if foreground == -1, background == -1 { return 0 }
    let key = PairKey(foreground: foreground, background: background)
    if let pair = pairs[key] { return pair }
    let next = Int16(pairs.count + 1)
    guard Int32(next) < ccurses_color_pairs() else { return 0 }
    init_pair(next, foreground, background)
    pairs[key] = next
    return next
  }

  struct PairKey: Hashable {
    let foreground: Int16
    let background: Int16
  }
}
