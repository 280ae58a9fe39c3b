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
    return ChangesQuery(from: min(asOf, previousAsOf), to: max(asOf, previousAsOf))
  }
}
