import MusterTerminal

/// Where each pane goes on a screen of a given size, and how many rows each shows.
///
/// A pure function of the state's size and whether the map shows: `apply` reads it to
/// page and scroll, rendering to draw, so both depend on the state alone. Computed, never
/// stored, so a resize needs no bookkeeping.
/// Wide terminals put the timeline across the top and the list beside the detail; narrow
/// ones stack the list over the detail under a one-line timeline strip; tiny ones get a
/// notice instead of a broken screen.
public struct ScreenLayout: Equatable, Sendable {
  /// How the panes are arranged.
  public enum Arrangement: Equatable, Sendable {
    case wide
    case stacked
    case tooSmall
  }

  /// The smallest screen Muster draws on.
  public static let minimum = Size(width: 40, height: 10)
  /// The narrowest screen with the wide arrangement.
  public static let wideWidth = 100
  /// The narrowest screen that shows the map beside the detail.
  public static let fourPaneWidth = 160

  /// Which of the arrangements this is.
  public let arrangement: Arrangement
  /// The screen's size.
  public let size: Size
  /// The timeline's box (wide), or its one-line strip (stacked).
  public let timeline: Rect
  /// The entity list's box.
  public let list: Rect
  /// The detail's box.
  public let detail: Rect
  /// The map's box, when the map shows: the detail's, or its right half on a screen of
  /// `fourPaneWidth` columns or more.
  public let map: Rect?
  /// The status line.
  public let statusLine: Rect

  /// The layout for a screen of `size`.
  public init(screen size: Size, showsMap: Bool = false) {
    self.size = size
    let screen = Rect(size: size)
    guard size.width >= Self.minimum.width, size.height >= Self.minimum.height else {
      arrangement = .tooSmall
      let empty = Rect(x: 0, y: 0, width: 0, height: 0)
      (timeline, list, detail, statusLine) = (empty, empty, empty, empty)
      map = nil
      return
    }
    let (body, status) = screen.splitBottom(height: 1)
    statusLine = status
    if size.width >= Self.wideWidth {
      arrangement = .wide
      let (top, panes) = body.splitTop(height: min(12, max(5, body.height / 3)))
      timeline = top
      let (left, right) = panes.splitLeft(width: max(32, panes.width * 2 / 5))
      list = left
      if showsMap && size.width >= Self.fourPaneWidth {
        let (text, chart) = right.splitLeft(width: right.width / 2)
        detail = text
        map = chart
      } else {
        detail = right
        map = showsMap ? right : nil
      }
    } else {
      arrangement = .stacked
      let (strip, panes) = body.splitTop(height: 1)
      timeline = strip
      let (upper, lower) = panes.splitTop(height: panes.height / 2)
      list = upper
      detail = lower
      map = showsMap ? lower : nil
    }
  }

  /// Whether the detail pane shows (the map has not taken its place).
  public var showsDetail: Bool { map == nil || map != detail }

  /// Rows of list entries visible (the box's inside less the tab line).
  public var listRows: Int { max(0, list.height - 3) }
  /// Timeline entries visible.
  public var timelineRows: Int { arrangement == .wide ? max(0, timeline.height - 2) : 1 }
  /// Detail lines visible.
  public var detailRows: Int { max(0, detail.height - 2) }
  /// The columns inside the detail box.
  public var detailWidth: Int { max(0, detail.width - 3) }
  /// Help lines shown at once: the screen's height less the box, a gap and the footer.
  public var helpRows: Int { max(1, size.height - 2 - 2 - 2) }
  /// Columns of the timeline's activity sparkline (none when the title leaves no room).
  public var sparklineBuckets: Int {
    arrangement == .wide ? max(0, timeline.width - 44) : 0
  }

  /// The pane under a point, if any.
  public func pane(at point: Point) -> Pane? {
    if timeline.contains(point) { return .timeline }
    if list.contains(point) { return .list }
    if let map, map.contains(point) { return .map }
    if detail.contains(point) { return .detail }
    return nil
  }
}
