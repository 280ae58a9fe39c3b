/// A size in whole terminal cells.
public struct Size: Hashable, Sendable {
  /// Columns.
  public var width: Int
  /// Rows.
  public var height: Int

  /// A size from its columns and rows.
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
}
