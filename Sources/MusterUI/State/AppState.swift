import MusterDomain
import MusterTerminal

/// Who is at the keyboard: an analyst, or anybody at a kiosk.
public enum SessionMode: Hashable, Sendable {
  case interactive
  case kiosk
}

/// The panes that can have focus, in Tab order.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
  case timeline
  case list
  case detail
  /// The map, when it shows (`m`).
  case map
}

/// Everything the screen shows, as plain values; the single source of truth.
///
/// Changed only by `apply(_:)`, which performs no I/O and returns the effects it needs.
public struct AppState: Equatable, Sendable {
  /// Interactive or kiosk.
  public let mode: SessionMode
  /// The window's size as the terminal reports it: whatever a client claims.
  public var windowSize: Size
  /// The pane keys go to.
  public var focus: Pane = .list
  /// The entity list.
  public var list = ListState()
  /// The timeline.
  public var timeline = TimelineState()
  /// The detail of the selected or followed record.
  public var detail = DetailState()
  /// The time cursor: the day every pane describes ("as of"); `nil` until data arrives.
  public var asOf: Day?
  /// Where the time cursor was before its last move, for "what moved" (`w`).
  public var previousAsOf: Day?
  /// How many days up to the cursor count as "seen here" (`d` changes it).
  public var presenceDays = Presence.defaultWindow
  /// The dataset's name and size.
  public var summary: CatalogSummary?
  /// What has the keyboard: the browser, or one of its prompts.
  public var input = InputMode.browsing
  /// The key tables: dispatch, the help and the status line's hints read them.
  public let keymap: Keymap
  /// The search bar, its results and the lasting filter.
  public var search = SearchState()
  /// The kiosk's idle tour.
  public var tour = TourState()
  /// The map pane.
  public var map = MapState()
  /// A message for the status line, until the next key.
  public var message: String?
  /// The store's change token when the data was last loaded.
  public var changeToken: Int?
  /// False once the user has quit.
  public var isRunning = true

  /// A state for a terminal of `screenSize`, with nothing loaded yet.
  public init(mode: SessionMode, screenSize: Size, keymap: Keymap = .standard) {
    self.mode = mode
    self.windowSize = screenSize
    self.keymap = keymap
  }

  /// Which key table reads the keys now.
  public var keyContext: KeyContext { input.context(focus: focus, mapShown: map.isShown) }

  /// Whether the help overlay is showing.
  public var isHelpVisible: Bool {
    if case .help = input { return true }
    return false
  }

  /// The first help line shown, when the help is taller than the screen.
  public var helpScroll: Int {
    if case .help(let scroll) = input { return scroll }
    return 0
  }

  /// Whether the filter bar is open.
  ///
  /// A plain flag, read before `input` is replaced: copying the prompt out of `input`
  /// and then assigning `input` crashes the Swift 6.3 optimiser (CopyPropagation) in
  /// release builds.
  var isFilterPrompt: Bool {
    switch input {
    case .search(.filter): true
    default: false
    }
  }

  /// The search or filter bar that is open, if one is.
  public var searchPrompt: SearchState.Prompt? {
    if case .search(let prompt) = input { return prompt }
    return nil
  }

  /// The date being typed after `t`, or `nil`.
  public var datePrompt: String? {
    if case .date(let editor) = input { return editor.text }
    return nil
  }

  /// The note being written after `a`, or `nil`.
  public var noteDraft: NoteDraft? {
    if case .note(let draft) = input { return draft }
    return nil
  }

  /// The size drawn: the window's, up to `Size.largestDrawn`.
  ///
  /// Setting it sets the window's.
  public var screenSize: Size {
    get { windowSize.limited(to: .largestDrawn) }
    set { windowSize = newValue }
  }

  /// Whether the window is larger than what is drawn in it.
  public var isWindowLargerThanDrawn: Bool { windowSize != screenSize }

  /// The days the data covers.
  public var span: DayRange? { summary?.span }

  /// The layout for the current size.
  public var layout: ScreenLayout { ScreenLayout(screen: screenSize, showsMap: map.isShown) }

  /// The panes Tab visits, in order: the map takes the detail's place unless the screen
  /// is wide enough for both.
  public var panes: [Pane] {
    guard map.isShown else { return [.timeline, .list, .detail] }
    return layout.showsDetail ? [.timeline, .list, .detail, .map] : [.timeline, .list, .map]
  }
}

/// A note being written, and the record it is for.
public struct NoteDraft: Equatable, Sendable {
  /// The record the note is about.
  public var target: RecordReference
  /// The record's title, for the prompt.
  public var title: String
  /// The text and its cursor.
  public var editor = LineEditor()

  /// A draft for a record.
  public init(target: RecordReference, title: String) {
    self.target = target
    self.title = title
  }
}
