import MusterDomain
import MusterTerminal

extension AppState {
  mutating func perform(_ command: Command) -> [Effect] {
    switch command {
    case .moveSelection(let delta):
      return move(by: delta)

    case .page(let pages):
      let rows: Int
      switch focus {
      case .list: rows = layout.listRows
      case .timeline: rows = layout.timelineRows
      case .detail: rows = layout.detailRows
      case .map: rows = 0
      }
      return move(by: pages * max(1, rows - 1))

    case .moveToStart:
      return move(by: Int.min / 2)

    case .moveToEnd:
      return move(by: Int.max / 2)

    case .focusNext, .focusPrevious:
      let order = panes
      let index = order.firstIndex(of: focus) ?? 0
      let step = command == .focusNext ? 1 : order.count - 1
      return focus(on: order[(index + step) % order.count])

    case .focus(let pane):
      return focus(on: pane)

    case .nextTab, .previousTab:
      // The Results tab follows the last tab while there are results.
      let tabs = ListTab.tabs(for: mode)
      let hasResults = search.results.query != nil
      if search.results.isShowing {
        search.results.isShowing = false
        list = ListState(
          tab: command == .nextTab ? tabs[0] : tabs[tabs.count - 1], counts: list.counts)
        list.total = list.counts[list.tab] ?? 0
        focus = .list
        return [listWindowEffect()]
      }
      if hasResults,
        (command == .nextTab && list.tab == tabs.last)
          || (command == .previousTab && list.tab == tabs.first)
      {
        search.results.isShowing = true
        focus = .list
        return resultsWindowEffect()
      }
      let index = tabs.firstIndex(of: list.tab) ?? 0
      let step = command == .nextTab ? 1 : tabs.count - 1
      list = ListState(tab: tabs[(index + step) % tabs.count], counts: list.counts)
      list.total = list.counts[list.tab] ?? 0
      focus = .list
      return [listWindowEffect()]

    case .open:
      return open()

    case .back:
      return back()

    case .stepTime(let steps):
      guard let asOf else { return [] }
      return [.findEntryDay(from: asOf, forward: steps > 0, filter: search.filter)]

    case .moveTime(let months):
      guard let asOf else { return [] }
      return moveTimeCursor(to: asOf.addingMonths(months))

    case .startSearch:
      return startSearch()

    case .startFilter:
      return startFilter()

    case .clearFilter:
      return clearFilter()

    case .stepMatch(let step):
      return stepMatch(by: step)

    case .recallQuery(let step):
      return recallQuery(by: step)

    case .promptForDate:
      datePrompt = ""
      return []

    case .toggleMap:
      return toggleMap()

    case .zoomMap(let zoomsIn):
      return zoomMap(in: zoomsIn)

    case .panMap(let x, let y):
      return panMap(x: x, y: y)

    case .fitMap:
      return fitMap()

    case .startNote:
      return startNote()

    case .edit(let edit):
      noteDraft?.editor.apply(edit)
      return []

    case .togglePin:
      return togglePin()

    case .exportView:
      return exportView()

    case .type(let character):
      if noteDraft != nil {
        noteDraft?.editor.insert(String(character))
        return []
      }
      if search.prompt != nil {
        guard search.text.count < 200 else { return [] }
        search.text.append(character)
        return searchTextChanged()
      }
      guard datePrompt != nil else { return [] }
      if (datePrompt?.count ?? 0) < 21 { datePrompt?.append(character) }
      return []

    case .insert(let text) where noteDraft != nil:
      noteDraft?.editor.insert(text)
      return []

    case .insert(let text):
      // Pasted text: lines become one line; control characters (escape bytes) are dropped.
      let clean = String(
        text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
          .filter { character in
            !character.unicodeScalars.contains {
              $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
            }
          })
      if search.prompt != nil {
        search.text = String((search.text + clean).prefix(200))
        return searchTextChanged()
      }
      guard datePrompt != nil else { return [] }
      let date = clean.filter { !$0.isWhitespace }
      datePrompt = String(((datePrompt ?? "") + date).prefix(21))
      return []

    case .deleteBackward:
      if noteDraft != nil {
        noteDraft?.editor.apply(.deleteBackward)
        return []
      }
      if search.prompt != nil {
        guard !search.text.isEmpty else { return [] }
        search.text.removeLast()
        return searchTextChanged()
      }
      if datePrompt?.isEmpty == false { datePrompt?.removeLast() }
      return []

    case .submit:
      if noteDraft != nil { return submitNote() }
      if search.prompt != nil { return submitSearch() }
      guard let text = datePrompt else { return [] }
      datePrompt = nil
      do {
        let date = try FuzzyDate(parsing: text)
        return moveTimeCursor(to: date.last)
      } catch {
        message = error.description
        return []
      }

    case .cancel:
      if noteDraft != nil {
        noteDraft = nil
        message = "note discarded"
        return []
      }
      if search.prompt != nil { return cancelSearch() }
      datePrompt = nil
      isHelpVisible = false
      return []

    case .scrollHelp(let lines):
      let overflow = HelpOverlay.lineCount(for: mode) - HelpOverlay.visibleLines(screen: screenSize)
      helpScroll = min(max(0, helpScroll + lines), max(0, overflow))
      return []

    case .toggleHelp:
      isHelpVisible.toggle()
      helpScroll = 0
      return []

    case .redraw:
      return [.redrawScreen]

    case .quit:
      // The kiosk keymap has no quit binding; this guard is the backstop.
      guard mode == .interactive else { return [] }
      isRunning = false
      return []
    }
  }

  /// Moves the selection of the focused pane, loading what comes into view.
  mutating func move(by delta: Int) -> [Effect] {
    switch focus {
    case .list where search.results.isShowing:
      return moveInResults(by: delta)
    case .list:
      guard list.total > 0 else { return [] }
      let target = min(
        max(0, list.selected.addingReportingOverflow(delta).partialValue), list.total - 1)
      guard target != list.selected else { return [] }
      list.selected = target
      keepSelectionsVisible()
      // The detail stays on the open record: a move costs two rows, not a new detail.
      return listNeedsWindow ? [listWindowEffect()] : []

    case .timeline:
      guard !timeline.entries.isEmpty else { return [] }
      let target = min(
        max(0, timeline.selected.addingReportingOverflow(delta).partialValue),
        timeline.entries.count - 1)
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
      detail.cursor = min(
        max(0, detail.cursor.addingReportingOverflow(delta).partialValue), detail.lines.count - 1)
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
      return [.loadDetail(record, asOf: asOf)]
    case .detail:
      guard let link = detail.linkAtCursor, let current = detail.record, link != current else {
        return []
      }
      let crumb = DetailState.Crumb(record: current, title: detail.title, cursor: detail.cursor)
      let history = detail.history + [crumb]
      detail = DetailState(
        record: link, history: history, openedFrom: detail.openedFrom, isLoading: true)
      return [.loadDetail(link, asOf: asOf)]
    }
  }

  /// Backspace or Esc: back along the followed links, then out of the detail.
  mutating func back() -> [Effect] {
    if isHelpVisible {
      isHelpVisible = false
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
    return [.loadDetail(crumb.record, asOf: asOf)]
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
        let line = DetailPane.line(
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
