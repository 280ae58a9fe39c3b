/// A cell position: column `x`, row `y`, from the top left.
public struct Point: Hashable, Sendable {
  /// The column.
  public var x: Int
  /// The row.
  public var y: Int

  /// A point from its coordinates.
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}
