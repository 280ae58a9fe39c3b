import MusterDomain
import MusterTerminal

/// Everything that can change `AppState`: commands in, facts back.
public enum Action: Equatable, Sendable {
  /// Sent once, before the first frame.
  case started
  /// The user asked for something.
  case command(Command)
  /// The terminal changed size.
  case resized(Size)
  /// A tick passed with no input; the input was last seen `seconds` ago.
  case idled(seconds: Int)
  /// A click or a wheel turn.
  case mouse(MouseEvent)
  /// The dataset's size and span arrived.
  case summaryLoaded(CatalogSummary)
  /// The activity sparkline's counts arrived.
  case activityLoaded([Int])
  /// A window of list rows arrived.
  case listLoaded(ListTab, EntityPage, asOf: Day?)
  /// Timeline entries before and after a day arrived.
  case timelineLoaded(before: TimelinePage, after: TimelinePage)
  /// Earlier timeline entries arrived.
  case earlierEntriesLoaded(TimelinePage)
  /// Later timeline entries arrived.
  case laterEntriesLoaded(TimelinePage)
  /// A record's detail arrived (`nil` when it no longer exists).
  case detailLoaded(RecordReference, RecordDetail?, asOf: Day?)
  /// The next or previous day on which something happened, if any.
  case entryDayFound(Day?)
  /// The store's change token.
  case changeTokenLoaded(Int)
  /// A search's matches and the first window of their hits arrived.
  case searchCompleted(generation: Int, SearchMatches, hits: [SearchHit])
  /// A window of search hits arrived.
  case searchHitsLoaded(generation: Int, offset: Int, [SearchHit])
  /// The query history arrived.
  case historyLoaded([String])
  /// Located sites arrived for the map: the box and day asked for.
  case mapSitesLoaded(GeoBox, asOf: Day?, [MapSite])
  /// The box around every located site arrived (`nil`: none is located).
  case siteBoundsLoaded(GeoBox?)
  /// A note was saved on a record.
  case noteAdded(RecordReference)
  /// A record was pinned or unpinned.
  case pinToggled(RecordReference, isPinned: Bool)
  /// The analyst's last change was undone: the history entries of the undo.
  case undone([RecordChange])
  /// The records a form's record field matches arrived.
  case completionsLoaded(field: Int, generation: Int, [SearchHit])
  /// A form's change was written: its history entries.
  case formSaved([RecordChange])
  /// The store refused a form's change, saying why.
  case formRefused(String)
  /// The view was written to a file.
  case exported(path: String)
  /// What moved over a span of days, for the detail pane.
  case changesLoaded(ChangesQuery, [PositionChange])
  /// Something went wrong; the message is for the status line.
  case failed(String)
}

/// Work that touches the outside world; `apply` only describes it.
public enum Effect: Hashable, Sendable {
  case loadSummary
  /// Events per slice of a span.
  case loadActivity(DayRange, buckets: Int)
  /// A window of a list tab, with facts as of a day.
  case loadList(ListTab, offset: Int, limit: Int, asOf: Day?, filter: SearchQuery? = nil)
  /// Timeline entries around a day.
  case loadTimeline(around: Day, limit: Int, filter: SearchQuery? = nil)
  /// Timeline entries before a position.
  case loadEarlierEntries(before: TimelinePosition, limit: Int, filter: SearchQuery? = nil)
  /// Timeline entries after a position.
  case loadLaterEntries(after: TimelinePosition, limit: Int, filter: SearchQuery? = nil)
  /// A record's detail as of a day.
  case loadDetail(
    RecordReference, asOf: Day?, presenceDays: Int = Presence.defaultWindow)
  /// What moved over a span of days.
  case loadChanges(ChangesQuery)
  /// The next (or previous) day with an entry, strictly after (or before) a day.
  case findEntryDay(from: Day, forward: Bool, filter: SearchQuery? = nil)
  /// The store's change token, to notice other processes' commits.
  case checkForChanges
  /// Run a search; the answer is numbered `generation`. A newer search supersedes it.
  case search(SearchRequest, generation: Int)
  /// Titles and snippets for matches from a position on.
  case loadSearchHits([SearchMatch], query: SearchQuery, offset: Int, generation: Int)
  /// Read the query history (never in kiosk mode).
  case loadHistory
  /// Add a query to the history (never in kiosk mode).
  case rememberQuery(String)
  /// Located sites in a box, with holders as of a day, for the map.
  case loadMapSites(GeoBox, asOf: Day?)
  /// The box around every located site.
  case loadSiteBounds
  /// Save a note on a record (never in kiosk mode).
  case addNote(RecordReference, text: String)
  /// Pin a record, or unpin it if pinned (never in kiosk mode).
  case togglePin(RecordReference)
  /// Undo the analyst's own last change (never in kiosk mode).
  case undoLastChange
  /// The records of a kind that a form field's text matches, for its pick list.
  case completeRecord(text: String, kind: RecordKind, field: Int, generation: Int)
  /// Write a form's change to a claim (never in kiosk mode).
  case applyClaimEdit(ClaimEdit, basedOn: Int64?)
  /// Write a view to a file (never in kiosk mode).
  case export(ViewExport)
  /// Draw every cell again on the next frame.
  case redrawScreen
}

/// What `e` writes: a brief of the record in view, or the records listed.
public struct ViewExport: Hashable, Sendable {
  /// What is written.
  public enum Content: Hashable, Sendable {
    /// A Markdown brief of one site or actor.
    case brief(RecordReference)
    /// The records of a list tab, with the lasting filter.
    case list(ListTab, filter: SearchQuery?)
    /// The records a search found.
    case results(SearchQuery)
  }

  /// What is written.
  public var content: Content
  /// The day the export describes.
  public var asOf: Day?

  /// An export from its parts.
  public init(content: Content, asOf: Day?) {
    self.content = content
    self.asOf = asOf
  }
}

/// Writes exports for the browser; the muster command supplies it outside kiosk mode.
public protocol ViewExporting: Sendable {
  /// Writes `export` to a new file; returns its path.
  func export(_ export: ViewExport) throws -> String
}
