import MusterDomain

extension DetailFormatter {
  /// `Seen here in the 90 days to 2021-11-30`: the actors (or, for an actor, the sites)
  /// with events together in the window, most events first; Enter follows one.
  func presenceSection(_ presence: [Presence], title: String) -> [DetailLine] {
    guard let asOf, !presence.isEmpty else { return [] }
    var lines = section("\(title) in the \(presenceDays) days to \(asOf)")
    for entry in presence {
      let events = "\(entry.events) event\(entry.events == 1 ? "" : "s")"
      let days =
        entry.firstDay == entry.lastDay
        ? "on \(entry.lastDay)" : "\(entry.firstDay) to \(entry.lastDay)"
      lines.append(
        DetailLine(
          [DetailSpan(entry.other.title, .link), DetailSpan("  \(events), \(days)", .muted)],
          indent: 1, link: entry.other.record))
    }
    return lines
  }
}
