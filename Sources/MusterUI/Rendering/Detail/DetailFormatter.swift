import MusterDomain

/// Lays out a record's detail as lines: fields, state as of a day, claims with citations
/// and grades and quoted-via chains, relations, notes.
public struct DetailFormatter {
  /// The day the "as of" section describes, if any.
  public let asOf: Day?

  /// A formatter for one day.
  public init(asOf: Day?, presenceDays: Int = Presence.defaultWindow) {
    self.asOf = asOf
    self.presenceDays = presenceDays
  }

  /// The window of days "seen here" and "active" count, for their titles.
  public let presenceDays: Int

  /// The lines for a record.
  public func lines(for detail: RecordDetail) -> [DetailLine] {
    switch detail {
    case .actor(let actor): lines(for: actor)
    case .site(let site): lines(for: site)
    case .deployment(let deployment): lines(for: deployment)
    case .event(let event): lines(for: event)
    case .relation(let relation): lines(for: relation)
    case .source(let source): lines(for: source)
    case .document(let document): lines(for: document)
    case .note(let note): lines(for: note)
    }
  }

  // MARK: Building blocks

  static func words(_ rawValue: String) -> String {
    String(rawValue.map { $0 == "_" ? " " : $0 })
  }

  func heading(_ title: String, _ category: String) -> DetailLine {
    DetailLine([DetailSpan(title, .heading), DetailSpan("  \(category)", .muted)])
  }

  func section(_ title: String) -> [DetailLine] {
    [.blank, DetailLine([DetailSpan(title, .label)])]
  }

  /// A record's description under its own heading, or nothing.
  func aboutSection(_ description: String?) -> [DetailLine] {
    guard let description, !description.isEmpty else { return [] }
    return section("About") + [DetailLine([DetailSpan(description)], indent: 1)]
  }

  func field(_ label: String, _ value: String?) -> [DetailLine] {
    guard let value, !value.isEmpty else { return [] }
    return [DetailLine([DetailSpan("\(label): ", .label), DetailSpan(value)], indent: 1)]
  }

  func link(_ label: String, _ target: RecordLink?, indent: Int = 1) -> [DetailLine] {
    guard let target else { return [] }
    return [
      DetailLine(
        [DetailSpan("\(label): ", .label), DetailSpan(target.title, .link)], indent: indent,
        link: target.record)
    ]
  }

  func gradeSpan(_ grade: Grade?) -> [DetailSpan] {
    grade.map { [DetailSpan(" \($0)", .grade)] } ?? []
  }

  func statusSpan(_ status: AnalystStatus) -> [DetailSpan] {
    switch status {
    case .accepted: []
    case .contested, .rejected: [DetailSpan(" (\(status.rawValue))", .contested)]
    case .unverified: [DetailSpan(" (unverified)", .muted)]
    case .inferred: [DetailSpan(" (inferred)", .muted)]
    }
  }

  /// A deployment's assessment, saying also when Muster inferred it.
  func statusSpan(_ deployment: Deployment) -> [DetailSpan] {
    guard deployment.isInferred, deployment.analystStatus != .inferred else {
      return statusSpan(deployment.analystStatus)
    }
    return [DetailSpan(" (inferred, \(deployment.analystStatus.rawValue))", .contested)]
  }

  func dateText(_ date: FuzzyDate?) -> String {
    guard let date else { return "undated" }
    return date.precision == .day ? date.description : "\(date) (\(date.precision.rawValue))"
  }

  func periodText(_ period: ClaimPeriod) -> String {
    let start: String
    switch period.start {
    case nil: start = "since ?"
    case let bound? where bound.kind == .atLeastSince:
      start = "at least since \(dateText(bound.date))"
    case let bound?: start = "from \(dateText(bound.date))"
    }
    let end: String
    switch period.end {
    case nil: end = "open"
    case let bound? where bound.kind == .lastSeen: end = "last seen \(dateText(bound.date))"
    case let bound?: end = "until \(dateText(bound.date))"
    }
    return "\(start), \(end)"
  }

  /// Citations: grade, source, document, date, then the quote and the quoted-via chain.
  func citations(_ cited: [CitedSource], indent: Int) -> [DetailLine] {
    cited.flatMap { source -> [DetailLine] in
      let document = source.document
      var lines = [
        DetailLine(
          [
            DetailSpan("\(source.grade) ", .grade), DetailSpan("\(source.source.name): ", .label),
            DetailSpan(document.title, .link),
            DetailSpan(document.published.map { " (\($0))" } ?? "", .muted),
          ], indent: indent, link: document.id.reference(.document))
      ]
      if let quote = source.citation.quote {
        lines.append(DetailLine([DetailSpan("“\(quote)”", .quote)], indent: indent + 1))
      }
      if !source.chain.isEmpty {
        let chain = source.chain.map { "\($0.source.name) (\($0.source.reliability.rawValue))" }
        lines.append(
          DetailLine(
            [DetailSpan("via ", .muted), DetailSpan(chain.joined(separator: " ← "), .text)],
            indent: indent + 1, link: source.chain.last?.document.id.reference(.document)))
      }
      return lines
    }
  }

  func claims(_ claims: [Claim], total: Int, title: String) -> [DetailLine] {
    guard total > 0 else { return [] }
    let totalText = RecordDetailCount.text(total)
    let count = claims.count < total ? "\(claims.count) of \(totalText)" : totalText
    var lines = section("\(title) (\(count))")
    for claim in claims {
      lines.append(
        DetailLine(
          [DetailSpan(dateText(claim.date) + "  ", .muted), DetailSpan(claim.title, .link)]
            + gradeSpan(claim.grade) + statusSpan(claim.analystStatus), indent: 1,
          link: claim.record))
      lines += citations(claim.citations, indent: 2)
    }
    return lines
  }

  func deploymentLine(_ state: DeploymentState, showSite: Bool) -> DetailLine {
    let deployment = state.deployment
    let who = showSite ? state.siteName : state.actorName
    var spans = [
      DetailSpan(who, .link), DetailSpan("  \(Self.words(state.status.rawValue))"),
      DetailSpan("  \(deployment.role.rawValue)", .muted),
    ]
    if let strength = state.strength { spans.append(DetailSpan("  \(strength)")) }
    spans += gradeSpan(state.grade) + statusSpan(deployment)
    return DetailLine(spans, indent: 1, link: deployment.id.reference(.deployment))
  }

  func asOfSection(_ states: [DeploymentState], showSite: Bool, empty: String) -> [DetailLine] {
    guard let asOf else { return [] }
    var lines = section("As of \(asOf)")
    if states.isEmpty {
      lines.append(DetailLine([DetailSpan(empty, .muted)], indent: 1))
    }
    for state in states {
      lines.append(deploymentLine(state, showSite: showSite))
      if let successor = state.successor {
        lines.append(
          DetailLine(
            [DetailSpan("handed over to ", .muted), DetailSpan(successor.title, .link)],
            indent: 2, link: successor.record))
      }
    }
    return lines
  }

  func deploymentClaims(_ states: [DeploymentState], showSite: Bool) -> [DetailLine] {
    guard !states.isEmpty else { return [] }
    var lines = section("Deployments (\(states.count))")
    for state in states {
      let deployment = state.deployment
      let title = showSite ? state.siteName : state.actorName
      lines.append(
        DetailLine(
          [
            DetailSpan(title, .link),
            DetailSpan(
              "  \(deployment.role.rawValue), \(Self.words(deployment.status.rawValue))", .text),
            DetailSpan("  \(periodText(deployment.period))", .muted),
          ] + gradeSpan(state.grade) + statusSpan(deployment), indent: 1,
          link: deployment.id.reference(.deployment)))
      if let successor = state.successor {
        lines += link("successor", successor, indent: 2)
      }
      if let note = deployment.note {
        lines.append(DetailLine([DetailSpan(note, .muted)], indent: 2))
      }
    }
    return lines
  }

  /// The closing sections of a claim's detail: its sources, then analysts' notes.
  func sourcesAndNotes(_ cited: [CitedSource], _ notes: [Note]) -> [DetailLine] {
    section("Sources (\(cited.count))") + citations(cited, indent: 1) + self.notes(notes)
  }

  /// The last changes analysts made to the record, newest first; nothing when none.
  func history(_ changes: [RecordChange]) -> [DetailLine] {
    guard !changes.isEmpty else { return [] }
    var lines = section("History")
    for change in changes {
      lines.append(
        DetailLine(
          [
            DetailSpan("\(Self.time(change.time))  \(change.author)  \(change.action): ", .muted),
            DetailSpan(change.summary),
          ], indent: 1))
    }
    return lines
  }

  func notes(_ notes: [Note]) -> [DetailLine] {
    var lines = section("Notes (\(notes.count))")
    for note in notes {
      lines.append(
        DetailLine(
          [
            DetailSpan("\(note.author), \(Self.time(note.createdAt)): ", .muted),
            DetailSpan(note.text),
          ],
          indent: 1, link: note.id.reference(.note)))
    }
    return lines
  }

  static func time(_ seconds: Int) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    let hours = rest / 3_600
    let minutes = rest / 60 % 60
    return
      "\(Day(daysSinceEpoch: days)) \(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes) UTC"
  }

  /// `Also`: the record's other names in its own dataset; then `In ACLED`, `In UCDP GED`:
  /// the names each other dataset gives it (records merged as one keep them all).
  func names(id: String, name: String, aliases: [Alias]) -> [DetailLine] {
    let groups = DatasetNames.of(id: id, name: name, aliases: aliases)
    var lines = field("Also", groups[0].names.dropFirst().joined(separator: " · "))
    for group in groups.dropFirst() {
      lines += field(
        "In \(group.dataset?.displayName ?? "own records")", group.names.joined(separator: " · "))
    }
    return lines
  }
}
