/// The screen as data: a grid of cells that panes draw into and backends show.
///
/// Text goes in only as `DisplayText`, so nothing unsanitised can reach the terminal. A wide
/// character takes two cells and is never half drawn: one that would straddle the clip edge
/// becomes a space, and overwriting either half of one blanks the other.
public struct ScreenBuffer: Equatable, Sendable {
  /// The grid's size.
  public let size: Size
  /// The cells, row by row.
  public private(set) var cells: [Cell]

  /// A grid of `size`, every cell `fill`.
  public init(size: Size, fill: Cell = .blank) {
    self.size = Size(width: max(0, size.width), height: max(0, size.height))
    cells = Array(repeating: fill, count: self.size.width * self.size.height)
  }

  /// The whole grid as a rectangle.
  public var bounds: Rect { Rect(size: size) }

  /// The cell at a position (a blank one outside the grid).
  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
    return cells[y * size.width + x]
  }

  private mutating func set(_ cell: Cell, x: Int, y: Int) {
    let index = y * size.width + x
    // Never leave half of a wide character behind.
    if cells[index].isContinuation, x > 0 {
      cells[index - 1] = Cell(" ", style: cells[index - 1].style)
    }
    if !cells[index].isContinuation, x + 1 < size.width, cells[index + 1].isContinuation {
      cells[index + 1] = Cell(" ", style: cells[index + 1].style)
    }
    cells[index] = cell
  }

  /// Writes text from `point` rightwards, clipped to `clip` and the grid; returns the column
  /// after the last cell written.
  @discardableResult
  public mutating func write(
    _ text: DisplayText, at point: Point, clip: Rect? = nil, style: Style = .plain
  ) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
    guard point.y >= area.minY, point.y < area.maxY else { return point.x }
    var x = point.x
    for character in text.characters {
      if x >= area.maxX { break }
      if x < area.minX {
        x += character.width
        continue
      }
      if character.width == 2 {
        if x + 1 >= area.maxX {
          set(Cell(" ", style: style), x: x, y: point.y)
          return x + 1
        }
        set(Cell(character.character, style: style), x: x, y: point.y)
        set(Cell(" ", style: style, isContinuation: true), x: x + 1, y: point.y)
        x += 2
      } else {
        set(Cell(character.character, style: style), x: x, y: point.y)
        x += 1
      }
    }
    return x
  }

  /// Fills a rectangle with one character in one style.
  public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
    let area = rect.intersection(bounds)
    for y in area.minY..<area.maxY {
      for x in area.minX..<area.maxX {
        set(Cell(character, style: style), x: x, y: y)
      }
    }
  }

  /// Puts `style` on top of every cell of a rectangle, keeping the characters.
  public mutating func applyStyle(_ style: Style, to rect: Rect) {
    let area = rect.intersection(bounds)
    for y in area.minY..<area.maxY {
      for x in area.minX..<area.maxX {
        cells[y * size.width + x].style = cells[y * size.width + x].style.merged(with: style)
      }
    }
  }

  /// The rows of a rectangle as plain text (wide characters once), for tests and `render`.
  public func lines(in rect: Rect? = nil) -> [String] {
    let area = (rect ?? bounds).intersection(bounds)
    return (area.minY..<area.maxY).map { y in
      var line = ""
      for x in area.minX..<area.maxX {
        let cell = self[x, y]
        if !cell.isContinuation { line.append(cell.character) }
      }
      return line
    }
  }
}
