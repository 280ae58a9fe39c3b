/// One cell of the screen: a character (a base and its combining marks) and its style.
///
/// A wide character fills its cell and the one to the right, which is marked as its
/// continuation so backends and tests never draw half of it.
public struct Cell: Hashable, Sendable {
  /// What is shown; a space for an empty cell; unused for a continuation.
  public var character: Character
  /// How it looks.
  public var style: Style
  /// Whether this cell is the right half of a wide character to its left.
  public var isContinuation: Bool

  /// A cell from its parts.
  public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
    self.character = character
    self.style = style
    self.isContinuation = isContinuation
  }

  /// An empty cell.
  public static let blank = Cell()
}
