import MusterDomain

extension AppState {
  /// A tick without input: in kiosk mode, after `tour.idleAfter` seconds the home view and
  /// the tour, then a step every `tour.step` seconds.
  mutating func idled(for seconds: Int) -> [Effect] {
    guard mode == .kiosk, let idleAfter = tour.idleAfter, seconds >= idleAfter else { return [] }
    guard tour.isRunning else {
      tour.isRunning = true
      tour.lastStepAt = seconds
      return goHome()
    }
    guard seconds - tour.lastStepAt >= tour.step else { return [] }
    tour.lastStepAt = seconds
    return stepTour()
  }

  /// The view a kiosk starts with: the timeline at the latest day, nothing typed, nothing
  /// filtered, the detail showing the latest entry.
  mutating func goHome() -> [Effect] {
    input = .browsing
    search = SearchState()
    list = ListState(counts: list.counts)
    detail = DetailState()
    focus = .timeline
    // Entries load afresh, the cursor on the latest one (nothing kept from before).
    let activity = timeline.activity
    timeline = TimelineState()
    timeline.activity = activity
    var effects: [Effect] = [listWindowEffect()]
    if let last = span?.last {
      asOf = last
      effects.append(.loadTimeline(around: last, limit: TimelineState.window))
    }
    return effects
  }

  /// One step back in time to the previous event, its detail shown; past the first, home.
  mutating func stepTour() -> [Effect] {
    focus = .timeline
    var index = timeline.selected - 1
    while index >= 0, timeline.entries[index].record.kind != .event { index -= 1 }
    guard index >= 0 else {
      // Earlier entries first, if there are any; the next step goes on from them.
      if timeline.hasEarlier, let first = timeline.entries.first {
        return [.loadEarlierEntries(before: first.position, limit: TimelineState.window)]
      }
      return goHome()
    }
    timeline.selected = index
    keepSelectionsVisible()
    let record = timeline.entries[index].record
    detail = DetailState(record: record, openedFrom: .timeline, isLoading: true)
    var effects: [Effect] = [.loadDetail(record, asOf: asOf, presenceDays: presenceDays)]
    if index <= 5, timeline.hasEarlier, let first = timeline.entries.first {
      effects.append(.loadEarlierEntries(before: first.position, limit: TimelineState.window))
    }
    return effects
  }
}
