import MusterDomain

extension AppState {
  // MARK: The bar

  /// `/`: opens the search bar, remembering the view for Esc.
  mutating func startSearch() -> [Effect] {
    search.saved = SavedView(focus: focus, list: list, detail: detail, results: search.results)
    input = .search(.search)
    search.text = ""
    search.error = nil
    search.historyIndex = nil
    return []
  }

  /// `f`: opens the bar for a lasting filter, starting from the filter or the last search.
  mutating func startFilter() -> [Effect] {
    input = .search(.filter)
    search.text =
      search.filter?.description ?? search.results.query?.description ?? ""
    search.error = nil
    search.historyIndex = nil
    return []
  }

  /// The text in the bar changed: read it, and search when it reads.
  mutating func searchTextChanged() -> [Effect] {
    let query: SearchQuery
    do {
      query = try SearchQuery.parse(search.text)
    } catch {
      // The hint shows under the bar; the last good results stay.
      search.error = error
      return []
    }
    search.error = nil
    guard searchPrompt == .search else { return [] }
    if query.isEmpty {
      search.generation += 1
      search.isLoading = false
      search.results = SearchResultsView()
      search.results.isShowing = true
      return []
    }
    search.generation += 1
    search.isLoading = true
    search.requested = query
    search.results.isShowing = true
    return [
      .search(
        // Hits (titles, snippets) only for the rows on show; more load as the list scrolls.
        SearchRequest(
          query: query, limit: max(1, layout.listRows) + 2, countLimit: SearchState.countLimit),
        generation: search.generation)
    ]
  }

  /// Enter in the bar.
  mutating func submitSearch() -> [Effect] {
    let text = search.text.trimmingWhitespace
    let isFilter = isFilterPrompt
    guard search.error == nil else { return [] }
    input = .browsing
    var effects: [Effect] = []
    if !text.isEmpty, mode == .interactive {
      search.history.removeAll { $0 == text }
      search.history.append(text)
      if search.history.count > SearchState.historyLimit { search.history.removeFirst() }
      effects.append(.rememberQuery(text))
    }
    if isFilter {
      search.filter = (try? SearchQuery.parse(text)).flatMap { $0.isEmpty ? nil : $0 }
      message = search.filter == nil ? "filter cleared" : nil
      // Other tabs' counts are the unfiltered ones until they are shown again.
      list.counts = [:]
      list.selected = 0
      list.scroll = 0
      return effects + reloadForTimeCursor()
    }
    // The results stay and take the keyboard.
    focus = .list
    if search.results.query == nil { return effects + restoreSavedView() }
    return effects + showSelectedResult()
  }

  /// Esc in the bar, or in the results: everything as it was before `/`.
  mutating func cancelSearch() -> [Effect] {
    let wasFilter = isFilterPrompt
    input = .browsing
    search.error = nil
    search.isLoading = false
    search.generation += 1
    guard !wasFilter else { return [] }
    return restoreSavedView()
  }

  mutating func restoreSavedView() -> [Effect] {
    guard let saved = search.saved else {
      search.results.isShowing = false
      return []
    }
    search.saved = nil
    focus = saved.focus
    list = saved.list
    detail = saved.detail
    search.results = saved.results
    // The list's rows may be stale (a commit, a time move): reload what shows.
    var effects: [Effect] = []
    if listNeedsWindow { effects.append(listWindowEffect()) }
    return effects
  }

  /// Up and Down in the bar: earlier and later queries.
  mutating func recallQuery(by step: Int) -> [Effect] {
    let history = search.history
    guard !history.isEmpty else { return [] }
    let current = search.historyIndex ?? history.count
    let next = min(max(0, current + step), history.count)
    guard next != current else { return [] }
    search.historyIndex = next == history.count ? nil : next
    search.text = next == history.count ? "" : history[next]
    return searchTextChanged()
  }

  /// `F`: drops the lasting filter.
  mutating func clearFilter() -> [Effect] {
    guard search.filter != nil else { return [] }
    search.filter = nil
    message = "filter cleared"
    return reloadForTimeCursor()
  }

  // MARK: Results

  mutating func searchArrived(
    generation: Int, _ found: SearchMatches, hits: [SearchHit]
  ) -> [Effect] {
    guard generation == search.generation else { return [] }
    search.isLoading = false
    var results = SearchResultsView()
    results.query = search.requested
    results.matches = found.matches
    results.counts = found.counts
    results.isCountCapped = found.isCountCapped
    results.hits = hits
    results.isShowing = true
    search.results = results
    return []
  }

  mutating func searchHitsArrived(generation: Int, offset: Int, _ hits: [SearchHit]) -> [Effect] {
    guard generation == search.generation, offset == search.results.pendingHitsOffset else {
      return []
    }
    search.results.hits = hits
    search.results.hitsOffset = offset
    search.results.pendingHitsOffset = nil
    guard search.showsSelectionWhenLoaded, let hit = search.results.selectedHit else { return [] }
    search.showsSelectionWhenLoaded = false
    return showInDetail(hit.record)
  }

  /// Moves the selection among the results, loading hits that come into view.
  mutating func moveInResults(by delta: Int) -> [Effect] {
    let count = search.results.matches.count
    guard count > 0 else { return [] }
    let target = search.results.selection.target(movingBy: delta, count: count)
    guard target != search.results.selected else { return [] }
    search.results.selected = target
    keepResultsVisible()
    return resultsWindowEffect()
  }

  /// `n`/`N`: the next or previous result, shown in the detail; wraps around.
  mutating func stepMatch(by step: Int) -> [Effect] {
    let count = search.results.matches.count
    guard count > 0 else {
      message = "no search results (/ to search)"
      return []
    }
    search.results.isShowing = true
    search.results.selected = ((search.results.selected + step) % count + count) % count
    keepResultsVisible()
    let window = resultsWindowEffect()
    // A result whose hit is still loading goes to the detail when it arrives.
    search.showsSelectionWhenLoaded = search.results.selectedHit == nil
    return window + showSelectedResult()
  }

  /// Shows the selected result in the detail when its hit is loaded.
  mutating func showSelectedResult() -> [Effect] {
    guard let hit = search.results.selectedHit else { return [] }
    return showInDetail(hit.record)
  }

  mutating func keepResultsVisible() {
    search.results.selection.keepVisible(
      count: search.results.matches.count, rows: layout.listRows)
  }

  /// Loads the hits around the selection when what shows is not loaded.
  mutating func resultsWindowEffect() -> [Effect] {
    let results = search.results
    let rows = max(1, layout.listRows)
    let wanted = results.scroll..<min(results.matches.count, results.scroll + rows)
    let loaded = results.hitsOffset..<(results.hitsOffset + results.hits.count)
    guard !wanted.isEmpty, results.pendingHitsOffset == nil,
      !(loaded.contains(wanted.lowerBound) && loaded.contains(wanted.upperBound - 1)
        && loaded.contains(results.selected))
    else { return [] }
    let offset = max(0, min(results.selected, results.scroll) - SearchState.hitWindow / 3)
    let slice = Array(
      results.matches[offset..<min(results.matches.count, offset + SearchState.hitWindow)])
    search.results.pendingHitsOffset = offset
    return [
      .loadSearchHits(
        slice, query: results.query ?? SearchQuery(), offset: offset,
        generation: search.generation)
    ]
  }
}
