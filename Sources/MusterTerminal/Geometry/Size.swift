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

extension Size {
  /// The largest screen Muster draws: far beyond any real display, and small enough that a
  /// frame and ncurses' copies of it stay a few megabytes whatever size a client claims.
  ///
  /// A larger window is drawn this large, from its top left corner, with a notice.
  public static let largestDrawn = Size(width: 500, height: 200)

  /// This size, cut down to `limit` in each direction and never negative.
  public func limited(to limit: Size) -> Size {
    Size(
      width: min(max(0, width), limit.width), height: min(max(0, height), limit.height))
  }
}
