import MusterDomain
import MusterTerminal

extension AppState {
  /// PgUp, PgDn: the focused pane by its visible rows less one.
  mutating func page(by pages: Int) -> [Effect] {
    let rows: Int
    switch focus {
    case .list: rows = layout.listRows
    case .timeline: rows = layout.timelineRows
    case .detail: rows = layout.detailRows
    case .map: rows = 0
    }
    return move(by: pages * max(1, rows - 1))
  }

  /// Tab, Shift-Tab: the next or previous pane that shows.
  mutating func focus(stepping step: Int) -> [Effect] {
    let order = panes
    let index = order.firstIndex(of: focus) ?? 0
    return focus(on: order[(index + step + order.count) % order.count])
  }

  /// `l`, `h`: the next or previous list tab; the Results tab follows the last one while
  /// there are results.
  mutating func switchTab(forward: Bool) -> [Effect] {
    let tabs = ListTab.tabs(for: mode)
    let hasResults = search.results.query != nil
    if search.results.isShowing {
      search.results.isShowing = false
      list = ListState(tab: forward ? tabs[0] : tabs[tabs.count - 1], counts: list.counts)
      list.total = list.counts[list.tab] ?? 0
      focus = .list
      return [listWindowEffect()]
    }
    if hasResults, (forward && list.tab == tabs.last) || (!forward && list.tab == tabs.first) {
      search.results.isShowing = true
      focus = .list
      return resultsWindowEffect()
    }
    let index = tabs.firstIndex(of: list.tab) ?? 0
    let step = forward ? 1 : tabs.count - 1
    list = ListState(tab: tabs[(index + step) % tabs.count], counts: list.counts)
    list.total = list.counts[list.tab] ?? 0
    focus = .list
    return [listWindowEffect()]
  }

  /// Moves the selection of the focused pane, loading what comes into view.
  mutating func move(by delta: Int) -> [Effect] {
    switch focus {
    case .list where search.results.isShowing:
      return moveInResults(by: delta)
    case .list:
      guard list.total > 0 else { return [] }
      let target = list.selection.target(movingBy: delta, count: list.total)
      guard target != list.selected else { return [] }
      list.selected = target
      keepSelectionsVisible()
      // The detail stays on the open record: a move costs two rows, not a new detail.
      return listNeedsWindow ? [listWindowEffect()] : []

    case .timeline:
      guard !timeline.entries.isEmpty else { return [] }
      let target = timeline.selection.target(movingBy: delta, count: timeline.entries.count)
      var effects: [Effect] = []
      // Near either end of what is loaded, load more.
      if target <= 5, timeline.hasEarlier, let first = timeline.entries.first {
        effects.append(
          .loadEarlierEntries(
            before: first.position, limit: TimelineState.window, filter: search.filter))
      }
      if target >= timeline.entries.count - 6, timeline.hasLater, let last = timeline.entries.last {
        effects.append(
          .loadLaterEntries(
            after: last.position, limit: TimelineState.window, filter: search.filter))
      }
      guard target != timeline.selected else { return effects }
      timeline.selected = target
      keepSelectionsVisible()
      return effects

    case .map:
      return []

    case .detail:
      guard !detail.lines.isEmpty else { return [] }
      detail.cursor = Selection.clamped(detail.cursor, plus: delta, below: detail.lines.count)
      keepDetailCursorVisible()
      return []
    }
  }

  /// Focuses a pane.
  mutating func focus(on pane: Pane) -> [Effect] {
    switch pane {
    case .detail where !layout.showsDetail: focus = .map
    case .map where !map.isShown: focus = .detail
    default: focus = pane
    }
    return []
  }

  /// Enter: the selected record into the detail, or along the link under its cursor.
  mutating func open() -> [Effect] {
    switch focus {
    case .map:
      return []
    case .list, .timeline:
      guard let record = selectedRecord else { return [] }
      let from = focus
      focus = .detail
      if detail.record == record && detail.history.isEmpty {
        detail.openedFrom = from
        detail.cursor = 0
        detail.scroll = 0
        return []
      }
      detail = DetailState(record: record, openedFrom: from, isLoading: true)
      return [.loadDetail(record, asOf: asOf, presenceDays: presenceDays)]
    case .detail:
      if detail.changes != nil, let link = detail.linkAtCursor {
        // From what moved into one of its records; Esc leaves the detail.
        detail = DetailState(record: link, openedFrom: detail.openedFrom, isLoading: true)
        return [.loadDetail(link, asOf: asOf, presenceDays: presenceDays)]
      }
      guard let link = detail.linkAtCursor, let current = detail.record, link != current else {
        return []
      }
      let crumb = DetailState.Crumb(record: current, title: detail.title, cursor: detail.cursor)
      let history = detail.history + [crumb]
      detail = DetailState(
        record: link, history: history, openedFrom: detail.openedFrom, isLoading: true)
      return [.loadDetail(link, asOf: asOf, presenceDays: presenceDays)]
    }
  }

  /// Backspace or Esc: back along the followed links, then out of the detail.
  mutating func back() -> [Effect] {
    if isHelpVisible {
      input = .browsing
      return []
    }
    if focus == .list, search.results.isShowing {
      // Esc on kept results: the view from before the search, exactly.
      return cancelSearch()
    }
    guard focus == .detail else { return [] }
    guard let crumb = detail.history.last else {
      // Out of the detail, back where it was opened from; the record stays on show.
      focus = detail.openedFrom
      return []
    }
    detail = DetailState(
      record: crumb.record, cursor: crumb.cursor, history: Array(detail.history.dropLast()),
      openedFrom: detail.openedFrom, isLoading: true)
    return [.loadDetail(crumb.record, asOf: asOf, presenceDays: presenceDays)]
  }

  /// A click focuses the pane under it and selects the row, and a click on the selected
  /// row opens it (Enter); the wheel scrolls that pane.
  mutating func handle(_ event: MouseEvent) -> [Effect] {
    guard !isHelpVisible, let pane = layout.pane(at: event.position) else { return [] }
    let wasFocused = focus == pane
    var effects = focus(on: pane)
    switch event.action {
    case .wheelUp:
      return effects + move(by: -3)
    case .wheelDown:
      return effects + move(by: 3)
    case .click:
      let row: Int
      switch pane {
      case .list:
        let showsResults = search.results.isShowing
        let scroll = showsResults ? search.results.scroll : list.scroll
        let total = showsResults ? search.results.matches.count : list.total
        let selected = showsResults ? search.results.selected : list.selected
        row = scroll + (event.position.y - layout.list.minY - 2)
        guard event.position.y >= layout.list.minY + 2, row < total else { return effects }
        if wasFocused && row == selected { return effects + open() }
        effects += move(by: row - selected)
      case .timeline:
        row =
          layout.arrangement == .wide
          ? timeline.scroll + (event.position.y - layout.timeline.minY - 1) : timeline.selected
        guard row >= 0, row < timeline.entries.count else { return effects }
        if wasFocused && row == timeline.selected { return effects + open() }
        effects += move(by: row - timeline.selected)
      case .detail:
        let line = DetailLine.line(
          atRow: event.position.y - layout.detail.minY - 1, lines: detail.lines,
          scroll: detail.scroll, width: max(1, layout.detailWidth))
        guard let line else { return effects }
        if wasFocused && line == detail.cursor { return effects + open() }
        effects += move(by: line - detail.cursor)
      case .map:
        break
      }
      return effects
    }
  }
}
