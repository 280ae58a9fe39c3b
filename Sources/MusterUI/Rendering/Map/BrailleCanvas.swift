/// A grid of braille cells, each 2 dots wide and 4 tall, that lines are drawn on.
///
/// Dots outside the canvas are dropped; lines are clipped to it before they are drawn, so
/// a line far outside costs nothing however long it is.
public struct BrailleCanvas: Equatable, Sendable {
  /// Its size in cells.
  public let columns: Int
  /// Its size in cells.
  public let rows: Int
  /// One byte of dot bits per cell, row by row.
  private var bits: [UInt8]

  /// An empty canvas of `columns` x `rows` cells.
  public init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    bits = Array(repeating: 0, count: self.columns * self.rows)
  }

  /// Its width in dots.
  public var dotWidth: Int { columns * 2 }
  /// Its height in dots.
  public var dotHeight: Int { rows * 4 }

  /// The bit of each dot in a cell, by column then row (Unicode's braille numbering).
  static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

  /// Sets the dot at `x`, `y` (from the top left); ignores dots outside.
  public mutating func set(x: Int, y: Int) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    bits[(y / 4) * columns + x / 2] |= Self.dotBits[x % 2][y % 4]
  }

  /// Whether the dot at `x`, `y` is set.
  public func isSet(x: Int, y: Int) -> Bool {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
    return bits[(y / 4) * columns + x / 2] & Self.dotBits[x % 2][y % 4] != 0
  }

  /// The braille character of a cell, or `nil` when no dot in it is set.
  public func character(column: Int, row: Int) -> Character? {
    guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
    let cell = bits[row * columns + column]
    guard cell != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(cell)) else { return nil }
    return Character(scalar)
  }

  /// Draws a straight line of dots between two points (in dots, any distance outside).
  public mutating func line(from start: (x: Double, y: Double), to end: (x: Double, y: Double)) {
    guard
      let (a, b) = Self.clip(
        start, end, width: Double(dotWidth - 1), height: Double(dotHeight - 1))
    else { return }
    var x0 = Int(a.x.rounded())
    var y0 = Int(a.y.rounded())
    let x1 = Int(b.x.rounded())
    let y1 = Int(b.y.rounded())
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    let sx = x0 < x1 ? 1 : -1
    let sy = y0 < y1 ? 1 : -1
    var error = dx + dy
    while true {
      set(x: x0, y: y0)
      if x0 == x1 && y0 == y1 { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x0 += sx
      }
      if doubled <= dx {
        error += dx
        y0 += sy
      }
    }
  }

  /// The part of a segment inside `0...width` x `0...height` (Liang–Barsky), or `nil`.
  static func clip(
    _ a: (x: Double, y: Double), _ b: (x: Double, y: Double), width: Double, height: Double
  ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
    guard width >= 0, height >= 0, a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite
    else { return nil }
    let dx = b.x - a.x
    let dy = b.y - a.y
    var low = 0.0
    var high = 1.0
    for (p, q) in [(-dx, a.x), (dx, width - a.x), (-dy, a.y), (dy, height - a.y)] {
      if p == 0 {
        if q < 0 { return nil }
        continue
      }
      let t = q / p
      if p < 0 {
        if t > high { return nil }
        low = max(low, t)
      } else {
        if t < low { return nil }
        high = min(high, t)
      }
    }
    return ((a.x + low * dx, a.y + low * dy), (a.x + high * dx, a.y + high * dy))
  }
}
