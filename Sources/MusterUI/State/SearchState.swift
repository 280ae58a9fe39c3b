import MusterDomain

/// The search bar, the results it found, the lasting filter, and the view to go back to.
public struct SearchState: Equatable, Sendable {
  /// What the bar is open for (`InputMode.search`).
  public enum Prompt: Equatable, Sendable {
    /// `/`: results update on every keystroke.
    case search
    /// `f`: the expression becomes a lasting filter on Enter.
    case filter
  }

  /// The text in the bar.
  public var text = ""
  /// Why the text cannot be read, shown under the bar; the last good results stay.
  public var error: SearchQueryError?
  /// Numbers each search, so a slower, older answer never replaces a newer one.
  public var generation = 0
  /// Whether an answer is awaited.
  public var isLoading = false
  /// The query of the search awaited (the text may have changed since, even to a query
  /// that does not read).
  public var requested: SearchQuery?
  /// Whether the selected result goes to the detail once its hit arrives (`n` onto a
  /// result not loaded yet).
  public var showsSelectionWhenLoaded = false
  /// The results on show.
  public var results = SearchResultsView()
  /// Earlier queries, oldest first.
  public var history: [String] = []
  /// The history entry in the bar while stepping with Up and Down.
  public var historyIndex: Int?
  /// The view before `/`, restored by Esc.
  public var saved: SavedView?
  /// The lasting filter on the timeline and the list (`f`).
  public var filter: SearchQuery?

  /// Counting stops past this many (`10,000+`).
  public static let countLimit = 10_000
  /// How many hits one load brings.
  public static let hitWindow = 60
  /// How many queries the history keeps.
  public static let historyLimit = 100

  /// An empty search state.
  public init() {}

}

/// What Esc after `/` brings back.
public struct SavedView: Equatable, Sendable {
  /// The focused pane.
  public var focus: Pane
  /// The list, with its tab, rows and selection.
  public var list: ListState
  /// The detail, with its record, cursor and trail.
  public var detail: DetailState
  /// The results shown then.
  public var results: SearchResultsView
}

/// Search results as the list pane shows them.
public struct SearchResultsView: Equatable, Sendable, Selecting {
  /// The query the results are for.
  public var query: SearchQuery?
  /// The records found, in display order.
  public var matches: [SearchMatch] = []
  /// How many match in each group.
  public var counts: [SearchGroup: Int] = [:]
  /// Whether the counts stopped at `SearchState.countLimit`.
  public var isCountCapped = false
  /// Titles and snippets for `matches[hitsOffset...]`, as far as loaded.
  public var hits: [SearchHit] = []
  /// The position of `hits[0]` among the matches.
  public var hitsOffset = 0
  /// The window of hits being loaded.
  public var pendingHitsOffset: Int?
  /// The selected result and the first one shown.
  public var selection = Selection()
  /// Whether the list pane shows the results (the Results tab).
  public var isShowing = false

  /// No results.
  public init() {}

  /// The loaded hit at a position among the matches, if any.
  public func hit(at position: Int) -> SearchHit? {
    let index = position - hitsOffset
    return hits.indices.contains(index) ? hits[index] : nil
  }

  /// The selected hit, if loaded.
  public var selectedHit: SearchHit? { hit(at: selected) }

  /// `1,234` or `10,000+`.
  public func countText(_ count: Int) -> String {
    Estimate.grouped(count) + (isCountCapped && count >= SearchState.countLimit ? "+" : "")
  }

  /// The total, `+` when capped.
  public var totalText: String {
    Estimate.grouped(counts.values.reduce(0, +)) + (isCountCapped ? "+" : "")
  }
}
