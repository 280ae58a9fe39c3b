/// A rectangle of cells; splitting one gives the layout of panes.
///
/// All arithmetic is in whole cells; a split never yields a negative size.
public struct Rect: Hashable, Sendable {
  /// The top-left cell.
  public var origin: Point
  /// The width and height.
  public var size: Size

  /// A rectangle from its origin and size (negative sizes become empty).
  public init(x: Int, y: Int, width: Int, height: Int) {
    origin = Point(x: x, y: y)
    size = Size(width: max(0, width), height: max(0, height))
  }

  /// The rectangle covering a whole screen.
  public init(size: Size) {
    self.init(x: 0, y: 0, width: size.width, height: size.height)
  }

  /// The leftmost column.
  public var minX: Int { origin.x }
  /// The top row.
  public var minY: Int { origin.y }
  /// One past the rightmost column.
  public var maxX: Int { origin.x + size.width }
  /// One past the bottom row.
  public var maxY: Int { origin.y + size.height }
  /// Columns.
  public var width: Int { size.width }
  /// Rows.
  public var height: Int { size.height }
  /// Whether it has no cells.
  public var isEmpty: Bool { size.width == 0 || size.height == 0 }

  /// Whether `point` lies inside.
  public func contains(_ point: Point) -> Bool {
    point.x >= minX && point.x < maxX && point.y >= minY && point.y < maxY
  }

  /// The cells both rectangles cover.
  public func intersection(_ other: Rect) -> Rect {
    let x = max(minX, other.minX)
    let y = max(minY, other.minY)
    return Rect(x: x, y: y, width: min(maxX, other.maxX) - x, height: min(maxY, other.maxY) - y)
  }

  /// The rectangle shrunk by `amount` cells on every side.
  public func inset(by amount: Int) -> Rect {
    Rect(x: minX + amount, y: minY + amount, width: width - 2 * amount, height: height - 2 * amount)
  }

  /// The top `height` rows, and the rest.
  public func splitTop(height: Int) -> (top: Rect, rest: Rect) {
    let top = min(max(0, height), size.height)
    return (
      Rect(x: minX, y: minY, width: width, height: top),
      Rect(x: minX, y: minY + top, width: width, height: size.height - top)
    )
  }

  /// The bottom `height` rows, and the rest above them.
  public func splitBottom(height: Int) -> (rest: Rect, bottom: Rect) {
    let bottom = min(max(0, height), size.height)
    return (
      Rect(x: minX, y: minY, width: width, height: size.height - bottom),
      Rect(x: minX, y: maxY - bottom, width: width, height: bottom)
    )
  }

  /// The left `width` columns, and the rest.
  public func splitLeft(width: Int) -> (left: Rect, rest: Rect) {
    let left = min(max(0, width), size.width)
    return (
      Rect(x: minX, y: minY, width: left, height: height),
      Rect(x: minX + left, y: minY, width: size.width - left, height: height)
    )
  }

  /// The left `percent` of the columns (rounded down), and the rest.
  public func splitLeft(percent: Int) -> (left: Rect, rest: Rect) {
    splitLeft(width: size.width * percent / 100)
  }
}
