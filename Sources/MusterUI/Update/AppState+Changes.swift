import MusterDomain

extension AppState {
  /// `w`: what moved over the time cursor's last step, in the detail pane; it follows the
  /// cursor's next steps until a record is opened.
  mutating func showChanges() -> [Effect] {
    guard let query = changesQuery() else {
      message = "move the time cursor first ([ ] { } t): then w shows what moved"
      return []
    }
    let from = focus == .detail ? detail.openedFrom : focus
    detail = DetailState(openedFrom: from == .map ? .list : from, isLoading: true)
    detail.changes = query
    focus = .detail
    return [.loadChanges(query)]
  }

  /// The span of the time cursor's last step, earlier day first.
  func changesQuery() -> ChangesQuery? {
    guard let asOf, let previousAsOf, previousAsOf != asOf else { return nil }
    return ChangesQuery(
      from: min(asOf, previousAsOf), to: max(asOf, previousAsOf), presenceDays: presenceDays)
  }

  /// The windows `d` steps through.
  static let presenceWindows = [30, 90, 180, 365]

  /// `d`: the next window of days "seen here" and "appeared" count; the detail follows.
  mutating func cyclePresenceWindow() -> [Effect] {
    let windows = Self.presenceWindows
    presenceDays = windows.first { $0 > presenceDays } ?? windows[0]
    message = "seen here: the \(presenceDays) days up to the cursor"
    if let record = detail.record {
      detail.isLoading = true
      return [.loadDetail(record, asOf: asOf, presenceDays: presenceDays)]
    }
    if detail.changes != nil, let query = changesQuery() {
      detail.changes = query
      detail.isLoading = true
      return [.loadChanges(query)]
    }
    return []
  }
}
