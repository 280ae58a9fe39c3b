import MusterDomain

extension AppState {
  /// The record `a`, `p` and `e` act on: the one in the detail when it has focus, otherwise
  /// the selection.
  var recordInView: (record: RecordReference, title: String)? {
    switch focus {
    case .detail:
      guard let record = detail.record else { return nil }
      return (record, detail.title.isEmpty ? record.rawValue : detail.title)
    case .list where search.results.isShowing:
      guard let hit = search.results.selectedHit else { return nil }
      return (hit.record, hit.title)
    case .list:
      guard let row = list.selectedRow else { return nil }
      return (row.record, row.title)
    case .timeline:
      guard let entry = timeline.selectedEntry else { return nil }
      return (entry.record, entry.title)
    case .map:
      guard let record = highlightedSite else { return nil }
      return (record, map.sites.first { $0.record == record }?.name ?? record.rawValue)
    }
  }

  /// `a`: opens the note editor for the record in view.
  mutating func startNote() -> [Effect] {
    // The kiosk keymap has no `a`; this guard is the backstop.
    guard mode == .interactive else { return [] }
    guard let (record, title) = recordInView else {
      message = "nothing selected to note"
      return []
    }
    input = .note(NoteDraft(target: record, title: title))
    return []
  }

  /// Enter in the note editor: saves a note that says something.
  mutating func submitNote() -> [Effect] {
    guard let draft = noteDraft else { return [] }
    input = .browsing
    let text = String(
      draft.editor.characters.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }
        .reversed())
    guard mode == .interactive, !text.isEmpty else { return [] }
    return [.addNote(draft.target, text: text)]
  }

  /// `u`: undoes the analyst's own last change (claims, actors, sites, aliases).
  mutating func undoLastChange() -> [Effect] {
    // The kiosk keymap has no `u`; this guard is the backstop.
    guard mode == .interactive else { return [] }
    message = "undoing\u{2026}"
    return [.undoLastChange]
  }

  /// The undo was written: everything shown is read again, selections kept.
  mutating func undoArrived(_ changes: [RecordChange]) -> [Effect] {
    let records = changes.map(\.record)
    message =
      "undone: "
      + (changes.first.map { $0.summary.replacingOccurrences(of: "undoes ", with: "") } ?? "")
      + (records.count > 1 ? " (\(records.count) records)" : "")
    map.loadedBox = nil
    return [.loadSummary] + reloadForTimeCursor()
  }

  /// `p`: pins or unpins the record in view.
  mutating func togglePin() -> [Effect] {
    guard mode == .interactive else { return [] }
    guard let (record, _) = recordInView else {
      message = "nothing selected to pin"
      return []
    }
    return [.togglePin(record)]
  }

  /// `e`: a brief of the site or actor in the detail, otherwise the records listed.
  mutating func exportView() -> [Effect] {
    guard mode == .interactive else { return [] }
    let content: ViewExport.Content
    if focus == .detail, let record = detail.record, [.site, .actor].contains(record.kind) {
      content = .brief(record)
    } else if search.results.isShowing, let query = search.results.query {
      content = .results(query)
    } else {
      content = .list(list.tab, filter: search.filter)
    }
    message = "exporting\u{2026}"
    return [.export(ViewExport(content: content, asOf: asOf))]
  }

  /// A note was saved: the detail shows it if its record is on show.
  mutating func noteArrived(on record: RecordReference) -> [Effect] {
    message = "note saved"
    guard detail.record == record else { return [] }
    return [.loadDetail(record, asOf: asOf, presenceDays: presenceDays)]
  }

  /// A pin changed: the Pins tab follows.
  mutating func pinArrived(_ record: RecordReference, isPinned: Bool) -> [Effect] {
    message = isPinned ? "pinned \(record)" : "unpinned \(record)"
    guard list.tab == .pins else { return pinCountEffect() }
    return [listWindowEffect()]
  }
}
