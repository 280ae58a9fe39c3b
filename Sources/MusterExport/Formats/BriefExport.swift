import MusterDomain

/// A Markdown brief of one site or actor, ready to paste into a report: its state as of a
/// day, its claims in date order with their sources and grades, its relations.
public enum BriefExport {
  /// The brief; `sources` gives each claim's cited sources (deployments and events), as
  /// the caller loaded them.
  public static func markdown(
    _ detail: RecordDetail, asOf day: Day?, sources: [RecordReference: [CitedSource]]
  ) -> String? {
    var lines: [String] = []
    let asOf = day.map { " as of \($0)" } ?? ""
    var claims: [Claimed] = []
    switch detail {
    case .site(let site):
      lines.append("# \(inline(site.site.name)) (\(site.site.kind.rawValue))")
      lines.append("")
      var facts: [String] = []
      if !site.ancestors.isEmpty {
        facts.append("In " + site.ancestors.map { inline($0.title) }.joined(separator: " › ") + ".")
      }
      if let location = site.site.location {
        facts.append(
          "Location \(location.latitude), \(location.longitude) (\(location.precision.rawValue)).")
      }
      if !site.site.aliases.isEmpty {
        facts.append(
          "Also: " + site.site.aliases.map { inline($0.name) }.joined(separator: ", ") + ".")
      }
      if !facts.isEmpty { lines += [facts.joined(separator: " "), ""] }
      if let description = site.site.description { lines += [inline(description), ""] }
      lines.append("## Held\(asOf)")
      lines.append("")
      lines += site.holders.isEmpty ? ["No holder known."] : site.holders.map(stateLine)
      claims = self.claims(site.deployments, site.events)
    case .actor(let actor):
      lines.append("# \(inline(actor.actor.name)) (\(actor.actor.kind.rawValue))")
      lines.append("")
      if let description = actor.actor.description { lines += [inline(description), ""] }
      lines.append("## Positions\(asOf)")
      lines.append("")
      lines += actor.positions.isEmpty ? ["No position known."] : actor.positions.map(stateLine)
      lines.append("")
      lines.append("## Relations")
      lines.append("")
      lines +=
        actor.relations.isEmpty
        ? ["None recorded."]
        : actor.relations.map { view in
          let phrase = view.isSubject ? view.relation.kind.phrase : view.relation.kind.inversePhrase
          return "- \(phrase) \(inline(view.other.title))"
            + (view.grade.map { " (\($0))" } ?? "")
        }
      claims = self.claims(actor.deployments, actor.events)
    default:
      return nil
    }
    lines.append("")
    lines.append("## Claims in date order")
    lines.append("")
    let ordered = claims.sorted {
      ($0.date?.first.daysSinceEpoch ?? Int.min, $0.record.rawValue)
        < ($1.date?.first.daysSinceEpoch ?? Int.min, $1.record.rawValue)
    }
    if ordered.isEmpty { lines.append("None recorded.") }
    for claim in ordered {
      let date = claim.date.map { $0.precision == .day ? "\($0)" : "\($0) (\($0.precision))" }
      lines.append(
        "- **\(date ?? "undated")** \(claim.text)" + (claim.grade.map { " — grade \($0)" } ?? ""))
      for cited in sources[claim.record] ?? [] {
        let title = cited.document.title.isEmpty ? cited.source.name : cited.document.title
        lines.append(
          "  - \(inline(cited.source.name)): \(inline(title))"
            + (cited.document.published.map { ", \($0)" } ?? "") + " (\(cited.grade))")
      }
    }
    lines.append("")
    lines.append(
      "_Grades: Admiralty code, source reliability A–F then information credibility 1–6._")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A claim as the brief lists it.
  typealias Claimed = (date: FuzzyDate?, text: String, record: RecordReference, grade: Grade?)

  /// Deployment and event claims as the brief lists them.
  static func claims(_ deployments: [DeploymentState], _ events: [Claim]) -> [Claimed] {
    deployments.map { state in
      (
        state.deployment.period.start?.date,
        "\(inline(state.actorName)) \(state.deployment.role.rawValue) at "
          + "\(inline(state.siteName)): \(words(state.deployment.status.rawValue))",
        state.deployment.id.reference(.deployment), state.grade
      )
    } + events.map { ($0.date, inline($0.title), $0.record, $0.grade) }
  }

  static func stateLine(_ state: DeploymentState) -> String {
    var text =
      "- **\(inline(state.actorName))** at \(inline(state.siteName)): "
      + "\(words(state.status.rawValue)), \(words(state.deployment.role.rawValue))"
    if let strength = state.strength { text += ", \(strength)" }
    if let grade = state.grade { text += " (\(grade))" }
    if state.deployment.isInferred {
      text += ", inferred from field data (\(state.deployment.analystStatus.rawValue))"
    }
    return text
  }

  /// `handed_over` → `handed over`.
  static func words(_ code: String) -> String {
    code.split(separator: "_").joined(separator: " ")
  }

  /// Text from the data on one Markdown line: line breaks become spaces and characters
  /// Markdown would read as markup are escaped.
  static func inline(_ text: String) -> String {
    var out = ""
    for character in text {
      if character.isNewline {
        out.append(" ")
      } else if "\\`*_[]<>#|".contains(character) {
        out.append("\\")
        out.append(character)
      } else if !character.unicodeScalars.contains(where: {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
      }) {
        out.append(character)
      }
    }
    return out
  }
}
