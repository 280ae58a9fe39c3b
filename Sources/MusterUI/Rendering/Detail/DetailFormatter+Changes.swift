import MusterDomain

extension DetailFormatter {
  /// What moved after `from` up to `to`: one line per change, the inferred ones marked
  /// `~` and "inferred"; Enter follows a change to its position (or its actor).
  func lines(for changes: [PositionChange], from: Day, to: Day) -> [DetailLine] {
    var lines = [
      DetailLine([
        DetailSpan("What moved", .heading), DetailSpan("  after \(from) to \(to)", .muted),
      ])
    ]
    if changes.isEmpty {
      lines.append(DetailLine([DetailSpan("nothing moved", .muted)], indent: 1))
      return lines
    }
    for change in changes {
      var spans = [
        DetailSpan("\(change.day)  ", .muted), DetailSpan("\(change.kind.rawValue)  "),
        DetailSpan(
          (change.isInferred ? "~" : "") + "\(change.actor.title) at \(change.site.title)", .link),
      ]
      let notes = [change.detail, change.isInferred ? "inferred" : nil].compactMap { $0 }
      if !notes.isEmpty { spans.append(DetailSpan("  " + notes.joined(separator: ", "), .muted)) }
      spans += gradeSpan(change.grade)
      lines.append(
        DetailLine(spans, indent: 1, link: change.deployment?.record ?? change.actor.record))
      for event in change.evidence {
        lines.append(
          DetailLine(
            [DetailSpan("from ", .muted), DetailSpan(event.title, .link)], indent: 2,
            link: event.record))
      }
    }
    return lines
  }
}
