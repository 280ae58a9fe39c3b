import MusterDomain
import MusterTerminal

extension AppState {
  /// Applies one action and returns the effects it asks for.
  ///
  /// Pure: no store, no terminal, no clock. Tests call it directly.
  public mutating func apply(_ action: Action) -> [Effect] {
    let effects = update(action)
    // The focus is always on a pane that shows: the map when it has taken the detail's
    // place, the detail when the map is hidden.
    if focus == .detail, !layout.showsDetail { focus = .map }
    if focus == .map, !map.isShown { focus = .detail }
    return effects
  }

  /// `apply` before the focus is settled.
  mutating func update(_ action: Action) -> [Effect] {
    switch action {
    case .started:
      return [.loadSummary, .checkForChanges] + (mode == .interactive ? [.loadHistory] : [])

    case .command(let command):
      message = nil
      // A key during the kiosk's tour only ends it.
      guard !tour.isRunning else {
        tour.isRunning = false
        return []
      }
      return perform(command)

    case .resized(let size):
      windowSize = size
      keepSelectionsVisible()
      return activityEffect() + mapSitesEffect()

    case .idled(let seconds):
      return [.checkForChanges] + idled(for: seconds)

    case .mouse(let event):
      message = nil
      guard !tour.isRunning else {
        tour.isRunning = false
        return []
      }
      return handle(event)

    case .summaryLoaded(let summary):
      return summaryArrived(summary)

    case .activityLoaded(let counts):
      timeline.activity = counts
      return []

    case .listLoaded(let tab, let page, let day):
      return listArrived(tab, page, asOf: day)

    case .timelineLoaded(let before, let after):
      return timelineArrived(before: before, after: after)

    case .earlierEntriesLoaded(let page):
      guard !page.entries.isEmpty else {
        timeline.hasEarlier = false
        return []
      }
      timeline.entries = page.entries + timeline.entries
      timeline.selected += page.entries.count
      timeline.scroll += page.entries.count
      timeline.hasEarlier = page.hasMore
      return []

    case .laterEntriesLoaded(let page):
      timeline.entries += page.entries
      timeline.hasLater = page.hasMore
      return []

    case .detailLoaded(let record, let loaded, let day):
      guard record == detail.record, day == asOf else { return [] }
      detail.isLoading = false
      detail.loaded = loaded
      guard let loaded else {
        detail.lines = [DetailLine([DetailSpan("\(record) no longer exists.", .muted)])]
        detail.title = record.rawValue
        return []
      }
      detail.lines = DetailFormatter(asOf: asOf, presenceDays: presenceDays).lines(for: loaded)
      detail.title = loaded.title
      detail.cursor = min(detail.cursor, max(0, detail.lines.count - 1))
      keepDetailCursorVisible()
      return []

    case .changesLoaded(let query, let changes):
      guard detail.record == nil, detail.changes == query else { return [] }
      detail.isLoading = false
      detail.lines = DetailFormatter(asOf: asOf).lines(for: changes, from: query.from, to: query.to)
      detail.title = "What moved"
      detail.cursor = min(detail.cursor, max(0, detail.lines.count - 1))
      keepDetailCursorVisible()
      return []

    case .entryDayFound(let day):
      guard let day else {
        message = "no earlier or later entry"
        return []
      }
      return moveTimeCursor(to: day)

    case .changeTokenLoaded(let token):
      defer { changeToken = token }
      guard let previous = changeToken, previous != token else { return [] }
      // Another process committed (an import, another analyst's note): reload what is
      // shown, keeping the selections.
      map.loadedBox = nil
      return [.loadSummary] + reloadForTimeCursor()

    case .searchCompleted(let generation, let found, let hits):
      return searchArrived(generation: generation, found, hits: hits)

    case .searchHitsLoaded(let generation, let offset, let hits):
      return searchHitsArrived(generation: generation, offset: offset, hits)

    case .historyLoaded(let history):
      search.history = Array(history.suffix(SearchState.historyLimit))
      return []

    case .mapSitesLoaded(let box, let day, let sites):
      return mapSitesArrived(box, asOf: day, sites)

    case .siteBoundsLoaded(let box):
      return siteBoundsArrived(box)

    case .noteAdded(let record):
      return noteArrived(on: record)

    case .pinToggled(let record, let isPinned):
      return pinArrived(record, isPinned: isPinned)

    case .undone(let changes):
      return undoArrived(changes)

    case .completionsLoaded(let field, let generation, let hits):
      return completionsArrived(field: field, generation: generation, hits)

    case .formSaved(let changes):
      return formSaved(changes)

    case .formRefused(let reason):
      return formRefused(reason)

    case .exported(let path):
      message = "wrote \(path)"
      return []

    case .failed(let text):
      message = text
      detail.isLoading = false
      return []
    }
  }

  // MARK: Arrivals

  mutating func summaryArrived(_ loaded: CatalogSummary) -> [Effect] {
    let isFirst = summary == nil
    summary = loaded
    list.counts[.actors] = loaded.count(of: .actor)
    list.counts[.sites] = loaded.count(of: .site)
    list.counts[.deployments] = loaded.count(of: .deployment)
    guard isFirst else { return activityEffect() + pinCountEffect() }
    if asOf == nil { asOf = loaded.span?.last }
    var effects = activityEffect() + pinCountEffect()
    effects.append(listWindowEffect())
    if let asOf {
      effects.append(
        .loadTimeline(around: asOf, limit: TimelineState.window, filter: search.filter))
    }
    return effects
  }

  mutating func listArrived(_ tab: ListTab, _ page: EntityPage, asOf day: Day?) -> [Effect] {
    if tab == .pins { list.counts[.pins] = page.total }
    guard tab == list.tab, day == asOf else { return [] }
    list.rows = page.rows
    list.offset = page.offset
    list.total = page.total
    list.pendingOffset = nil
    list.counts[tab] = page.total
    list.selected = min(list.selected, max(0, page.total - 1))
    keepSelectionsVisible()
    // The detail opens records on Enter; until one is opened, it shows the first selection
    // so the screen is never empty.
    guard detail.record == nil, detail.changes == nil, focus == .list,
      let record = list.selectedRow?.record
    else {
      return []
    }
    return showInDetail(record)
  }

  mutating func timelineArrived(before: TimelinePage, after: TimelinePage) -> [Effect] {
    // The entry itself, not its record: a deployment has an entry for its start and another
    // for its end, and a reload must not jump from one to the other.
    let previous = timeline.selectedEntry?.position
    timeline.entries = before.entries + after.entries
    timeline.hasEarlier = before.hasMore
    timeline.hasLater = after.hasMore
    // The cursor sits on the last entry on or before the time cursor.
    timeline.selected = max(0, before.entries.count - 1)
    if let previous, let index = timeline.entries.firstIndex(where: { $0.position == previous }),
      let asOf, previous.day <= asOf
    {
      timeline.selected = index
    }
    timeline.scroll = max(0, timeline.selected - layout.timelineRows / 2)
    keepSelectionsVisible()
    guard detail.record == nil, detail.changes == nil, focus == .timeline,
      let record = timeline.selectedEntry?.record
    else { return [] }
    return showInDetail(record)
  }

  // MARK: Loading helpers

  /// The sparkline's counts for the current width.
  func activityEffect() -> [Effect] {
    guard let span else { return [] }
    let buckets = layout.sparklineBuckets
    guard buckets > 4 else { return [] }
    return [.loadActivity(span, buckets: buckets)]
  }

  /// Counts the analyst's pins for the Pins tab's label (an empty page of it).
  func pinCountEffect() -> [Effect] {
    guard mode == .interactive else { return [] }
    return [.loadList(.pins, offset: 0, limit: 0, asOf: asOf, filter: nil)]
  }

  /// Loads the window of list rows around the selection if what must show is not loaded.
  mutating func listWindowEffect() -> Effect {
    let wanted = max(0, list.selected - ListState.window / 2)
    list.pendingOffset = wanted
    return .loadList(
      list.tab, offset: wanted, limit: ListState.window, asOf: asOf, filter: search.filter)
  }

  /// Whether the visible part of the list and the selection are loaded.
  var listNeedsWindow: Bool {
    let visible = list.scroll..<(list.scroll + max(1, layout.listRows))
    let loaded = list.offset..<(list.offset + list.rows.count)
    let wanted = visible.clamped(to: 0..<max(1, list.total))
    return list.total > 0 && list.pendingOffset == nil
      && (!loaded.contains(wanted.lowerBound)
        || !loaded.contains(max(wanted.lowerBound, wanted.upperBound - 1))
        || !loaded.contains(list.selected))
  }

  /// Shows a record in the detail pane (dropping the trail of followed links).
  mutating func showInDetail(_ record: RecordReference) -> [Effect] {
    guard detail.record != record || !detail.history.isEmpty else { return [] }
    detail = DetailState(record: record, cursor: 0, scroll: 0, history: [], isLoading: true)
    return [.loadDetail(record, asOf: asOf, presenceDays: presenceDays)]
  }

  /// The record selected in the focused pane, which Enter opens.
  var selectedRecord: RecordReference? {
    switch focus {
    case .list where search.results.isShowing: search.results.selectedHit?.record
    case .list: list.selectedRow?.record
    case .timeline: timeline.selectedEntry?.record
    case .detail: detail.linkAtCursor
    case .map: highlightedSite
    }
  }

  /// Moves the time cursor and reloads everything that depends on it.
  mutating func moveTimeCursor(to day: Day) -> [Effect] {
    var target = day
    if let span {
      target = min(max(day, span.first), span.last)
    }
    guard target != asOf else { return [] }
    previousAsOf = asOf
    asOf = target
    return reloadForTimeCursor()
  }

  /// Reloads the list window, the timeline around the cursor, and the detail.
  mutating func reloadForTimeCursor() -> [Effect] {
    var effects: [Effect] = [listWindowEffect()]
    if let asOf {
      effects.append(
        .loadTimeline(around: asOf, limit: TimelineState.window, filter: search.filter))
    }
    if let record = detail.record {
      detail.isLoading = true
      effects.append(.loadDetail(record, asOf: asOf, presenceDays: presenceDays))
    } else if detail.changes != nil, let query = changesQuery() {
      // The changes view follows the cursor: each step shows what that step moved.
      detail.changes = query
      detail.isLoading = true
      effects.append(.loadChanges(query))
    }
    return effects + mapSitesEffect()
  }

  // MARK: Scrolling

  /// Keeps every pane's selection inside its visible rows after a move or resize.
  mutating func keepSelectionsVisible() {
    list.selection.keepVisible(count: list.total, rows: layout.listRows)
    timeline.selection.keepVisible(count: timeline.entries.count, rows: layout.timelineRows)
    keepDetailCursorVisible()
  }

  mutating func keepDetailCursorVisible() {
    let rows = max(1, layout.detailRows)
    let width = max(1, layout.detailWidth)
    detail.cursor = min(max(0, detail.cursor), max(0, detail.lines.count - 1))
    // No empty rows below the last line while earlier lines are scrolled away (after the
    // pane grows, say): the scroll is at most the first line of the last screenful.
    var lastScreenful = detail.lines.count
    var used = 0
    while lastScreenful > 0 {
      used += detail.lines[lastScreenful - 1].rowCount(width: width)
      if used > rows { break }
      lastScreenful -= 1
    }
    detail.scroll = min(detail.scroll, lastScreenful)
    if detail.cursor < detail.scroll { detail.scroll = detail.cursor }
    // Lines wrap, so count the rows the lines from `scroll` to the cursor take.
    while detail.scroll < detail.cursor {
      let used = detail.lines[detail.scroll...detail.cursor].reduce(0) {
        $0 + $1.rowCount(width: width)
      }
      if used <= rows { break }
      detail.scroll += 1
    }
  }
}
