import MusterDomain

/// The detail pane: the record shown, its laid-out lines, the cursor line, and the trail of
/// records followed to get here.
public struct DetailState: Equatable, Sendable {
  /// The record shown, if any.
  public var record: RecordReference?
  /// Its lines, laid out by `DetailFormatter`.
  public var lines: [DetailLine] = []
  /// The record's title, for breadcrumbs.
  public var title = ""
  /// The cursor line, when the pane has focus.
  public var cursor = 0
  /// The first visible line.
  public var scroll = 0
  /// Records followed before this one, oldest first, with their titles and cursor lines.
  public var history: [Crumb] = []
  /// The pane the record was opened from, which Esc returns to.
  public var openedFrom: Pane = .list
  /// Whether a load is under way.
  public var isLoading = false
  /// The span whose changes the pane shows instead of a record (`w`), if it does.
  public var changes: ChangesQuery?
  /// The record's detail as last read: what a form's change is based on.
  public var loaded: RecordDetail?

  /// A record left behind by following a link.
  public struct Crumb: Equatable, Sendable {
    /// The record.
    public var record: RecordReference
    /// Its title.
    public var title: String
    /// The cursor line to return to.
    public var cursor: Int
  }

  /// The link under the cursor, if any.
  public var linkAtCursor: RecordReference? {
    lines.indices.contains(cursor) ? lines[cursor].link : nil
  }
}
