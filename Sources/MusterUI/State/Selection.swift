/// A selected row among many and the first row shown, kept so the selected one shows: the
/// one piece of scrolling logic the list, the timeline and the search results share.
public struct Selection: Equatable, Sendable {
  /// The selected position.
  public var selected: Int
  /// The first visible position.
  public var scroll: Int

  /// A selection from its parts.
  public init(selected: Int = 0, scroll: Int = 0) {
    self.selected = selected
    self.scroll = scroll
  }

  /// The position `delta` rows from the selection, within `0..<count`.
  public func target(movingBy delta: Int, count: Int) -> Int {
    Self.clamped(selected, plus: delta, below: count)
  }

  /// `position + delta` within `0..<count`, saturating instead of wrapping around.
  public static func clamped(_ position: Int, plus delta: Int, below count: Int) -> Int {
    let (sum, overflowed) = position.addingReportingOverflow(delta)
    let target = overflowed ? (delta > 0 ? Int.max : Int.min) : sum
    return min(max(0, target), max(0, count - 1))
  }

  /// Keeps the selection among `count` positions and inside `rows` visible rows, scrolling
  /// no further than the last screenful.
  public mutating func keepVisible(count: Int, rows: Int) {
    let rows = max(1, rows)
    selected = min(max(0, selected), max(0, count - 1))
    if selected < scroll { scroll = selected }
    if selected >= scroll + rows { scroll = selected - rows + 1 }
    scroll = max(0, min(scroll, max(0, count - rows)))
  }

  /// Selects `position` and keeps it visible.
  public mutating func select(_ position: Int, count: Int, rows: Int) {
    selected = position
    keepVisible(count: count, rows: rows)
  }
}

/// A state with a `Selection`: its selected position and first visible one, by name.
public protocol Selecting {
  /// The selection.
  var selection: Selection { get set }
}

extension Selecting {
  /// The selected position.
  public var selected: Int {
    get { selection.selected }
    set { selection.selected = newValue }
  }

  /// The first visible position.
  public var scroll: Int {
    get { selection.scroll }
    set { selection.scroll = newValue }
  }
}
