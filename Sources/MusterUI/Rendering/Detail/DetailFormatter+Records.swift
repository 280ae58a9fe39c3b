import MusterDomain

extension DetailFormatter {
  /// `3 Political militia (40 events); also 2 Rebel group (3)`: the type an actor has in
  /// most events as a principal, then the others.
  static func acledTypes(_ actor: ForceActor) -> String? {
    guard let main = actor.acledTypeCode else { return nil }
    func name(_ code: Int) -> String {
      EventDataset.acledActorTypes[code].map { "\(code) \($0)" } ?? String(code)
    }
    var text = name(main)
    if let events = actor.acledTypes.first(where: { $0.type == main })?.events {
      text += " (\(events) event\(events == 1 ? "" : "s"))"
    }
    let others = actor.acledTypes.filter { $0.type != main }
    if !others.isEmpty {
      text += "; also " + others.map { "\(name($0.type)) (\($0.events))" }.joined(separator: ", ")
    }
    return text
  }

  func lines(for detail: ActorDetail) -> [DetailLine] {
    let actor = detail.actor
    var lines = [heading(actor.name, Self.words(actor.kind.rawValue))]
    lines += names(id: actor.id.rawValue, name: actor.name, aliases: actor.aliases)
    lines += field("Country", actor.country)
    lines += field("ACLED actor type", Self.acledTypes(actor))
    // The state as of the cursor is what the analyst came for: before the background.
    lines += asOfSection(detail.positions, showSite: true, empty: "no position known")
    lines += presenceSection(detail.activity, title: "Active")
    lines += aboutSection(actor.description)
    if !detail.relations.isEmpty {
      lines += section("Relations (\(detail.relations.count))")
      for view in detail.relations {
        let verb = view.isSubject ? view.relation.kind.phrase : view.relation.kind.inversePhrase
        let role = view.relation.role.map { " (\($0))" } ?? ""
        lines.append(
          DetailLine(
            [DetailSpan("\(verb) ", .muted), DetailSpan(view.other.title, .link), DetailSpan(role)]
              + gradeSpan(view.grade) + statusSpan(view.relation.analystStatus), indent: 1,
            link: view.other.record))
      }
    }
    lines += deploymentClaims(detail.deployments, showSite: true)
    lines += claims(detail.events, total: detail.eventCount, title: "Events")
    lines += twins(detail.twins, of: detail.actor.id.reference(.actor))
    lines += notes(detail.notes)
    lines += history(detail.history)
    return lines
  }

  /// `Same in other datasets (2)`: records matching says are this one (certain) or may be
  /// (with a score), each with the rule that matched; Enter follows one.
  func twins(_ proposals: [ReconcileProposal], of record: RecordReference) -> [DetailLine] {
    guard !proposals.isEmpty else { return [] }
    var lines = section("Same in other datasets (\(proposals.count))")
    for proposal in proposals {
      let other = proposal.first.record == record ? proposal.second : proposal.first
      let certainty =
        proposal.isCertain ? "same" : "maybe \(Int((proposal.score * 100).rounded()))%"
      let events = "\(other.events) event\(other.events == 1 ? "" : "s")"
      lines.append(
        DetailLine(
          [
            DetailSpan("\(certainty) ", .muted), DetailSpan(other.name, .link),
            DetailSpan(" (\(other.dataset), \(events)) ", .muted), DetailSpan(proposal.reason),
          ], indent: 1, link: other.record))
    }
    return lines
  }

  func lines(for detail: SiteDetail) -> [DetailLine] {
    let site = detail.site
    var lines = [heading(site.name, Self.words(site.kind.rawValue))]
    if !detail.ancestors.isEmpty {
      lines.append(
        DetailLine(
          [DetailSpan("in ", .muted)]
            + detail.ancestors.enumerated().flatMap { index, ancestor in
              (index > 0 ? [DetailSpan(" › ", .muted)] : []) + [DetailSpan(ancestor.title, .link)]
            }, indent: 1, link: detail.ancestors.first?.record))
    }
    lines += names(id: site.id.rawValue, name: site.name, aliases: site.aliases)
    if let location = site.location {
      lines += field(
        "Location",
        "\(location.latitude), \(location.longitude) (\(Self.words(location.precision.rawValue)))")
    }
    lines += field(
      "Area", [site.admin2, site.admin1, site.country].compactMap { $0 }.joined(separator: ", "))
    lines += asOfSection(detail.holders, showSite: false, empty: "no holder known")
    lines += presenceSection(detail.seenHere, title: "Seen here")
    lines += aboutSection(site.description)
    if !detail.children.isEmpty {
      lines += section("Places in it (\(detail.children.count))")
      lines += detail.children.map {
        DetailLine([DetailSpan($0.title, .link)], indent: 1, link: $0.record)
      }
    }
    lines += deploymentClaims(detail.deployments, showSite: false)
    lines += claims(detail.events, total: detail.eventCount, title: "Events")
    lines += twins(detail.twins, of: site.id.reference(.site))
    lines += notes(detail.notes)
    lines += history(detail.history)
    return lines
  }

  func lines(for detail: DeploymentDetail) -> [DetailLine] {
    let state = detail.state
    let deployment = state.deployment
    var lines = [
      heading("\(state.actorName) at \(state.siteName)", "deployment")
    ]
    lines += link("Actor", detail.actor)
    lines += link("Site", detail.site)
    lines += field("Role", deployment.role.rawValue)
    lines += field("Status", Self.words(deployment.status.rawValue) + " at the start")
    if let asOf {
      lines += field("As of \(asOf)", Self.words(state.status.rawValue))
    }
    lines += field("Strength", state.strength?.description)
    lines += field("Period", periodText(deployment.period))
    lines += field("Assessment", deployment.analystStatus.rawValue)
    lines += field("Grade", state.grade?.description)
    lines += link("Handed over to", state.successor)
    for predecessor in state.predecessors {
      lines += link("Took over from", predecessor)
    }
    lines += field("Note", deployment.note)
    if !detail.effects.isEmpty {
      lines += section("Changed by (\(detail.effects.count))")
      for effect in detail.effects {
        lines.append(
          DetailLine(
            [
              DetailSpan(dateText(effect.eventDate) + "  ", .muted),
              DetailSpan(effect.event.title, .link), DetailSpan(": \(effect.change.phrase)"),
            ], indent: 1, link: effect.event.record))
      }
    }
    return lines + sourcesAndNotes(detail.citations, detail.notes) + history(detail.history)
  }

  func lines(for detail: EventDetail) -> [DetailLine] {
    let event = detail.event
    var lines = [
      DetailLine(
        [DetailSpan(event.summary, .heading), DetailSpan("  \(event.kind.rawValue)", .muted)]
          + gradeSpan(detail.grade) + statusSpan(event.analystStatus))
    ]
    lines += field("Date", dateText(event.date))
    lines += link("Where", detail.site)
    lines += field("Placed", event.locationPrecision.map { Self.words($0.rawValue) })
    if let change = TerritoryChange(classification: event.classification) {
      lines += field(
        "Territory",
        TerritoryChange.isTooImprecise(event.locationCode)
          ? "\(change.acledName), placed too imprecisely to infer control"
          : "\(change.acledName): positions are inferred from it (docs/inference.md)")
    }
    for participant in detail.participants {
      lines += link(participant.role.rawValue, participant.actor)
    }
    for subject in detail.about {
      lines += link("About", subject)
    }
    if let quote = event.quote {
      lines.append(DetailLine([DetailSpan("“\(quote)”", .quote)], indent: 1))
    }
    lines += field("Fatalities", event.fatalities?.description)
    lines += field(
      "Type", event.classification.isEmpty ? nil : event.classification.joined(separator: " / "))
    lines += field("Tags", event.tags.isEmpty ? nil : event.tags.joined(separator: ", "))
    lines += field("External id", event.externalID)
    lines += field("Note", event.note)
    if !detail.effects.isEmpty {
      lines += section("Effects (\(detail.effects.count))")
      for effect in detail.effects {
        lines.append(
          DetailLine(
            [DetailSpan(effect.deployment.title, .link), DetailSpan(": \(effect.change.phrase)")],
            indent: 1, link: effect.deployment.record))
      }
    }
    return lines + sourcesAndNotes(detail.citations, detail.notes)
  }

  func lines(for detail: RelationDetail) -> [DetailLine] {
    let relation = detail.relation
    var lines = [
      DetailLine(
        [
          DetailSpan(detail.subject.title, .heading),
          DetailSpan(" \(relation.kind.phrase) ", .text),
          DetailSpan(detail.object.title, .heading),
        ] + gradeSpan(detail.citations.bestGrade) + statusSpan(relation.analystStatus))
    ]
    lines += link("Subject", detail.subject)
    lines += link("Object", detail.object)
    lines += field("Role", relation.role)
    lines += field("Period", periodText(relation.period))
    lines += field("Note", relation.note)
    return lines + sourcesAndNotes(detail.citations, detail.notes)
  }

  func lines(for detail: SourceDetail) -> [DetailLine] {
    let source = detail.source
    var lines = [heading(source.name, Self.words(source.kind.rawValue))]
    lines += field(
      "Reliability", "\(source.reliability.rawValue) (\(source.reliability.meaning))")
    lines += field("Country", source.country)
    lines += field("Note", source.note)
    let count =
      detail.documents.count < detail.documentCount
      ? "\(detail.documents.count) of \(detail.documentCount)" : "\(detail.documentCount)"
    lines += section("Documents (\(count))")
    lines += detail.documents.map {
      DetailLine([DetailSpan($0.title, .link)], indent: 1, link: $0.record)
    }
    lines += notes(detail.notes)
    return lines
  }

  func lines(for detail: DocumentDetail) -> [DetailLine] {
    let document = detail.document
    var lines = [heading(document.title, "document")]
    lines += link(
      "Source", RecordLink(detail.source.id.reference(.source), detail.source.name))
    lines += field(
      "Reliability",
      "\(detail.source.reliability.rawValue) (\(detail.source.reliability.meaning))")
    lines += field("Published", document.published.map { dateText($0) })
    lines += field("URL", document.url)
    lines += field("Note", document.note)
    if !detail.chain.isEmpty {
      lines += section("Quotes (\(detail.chain.count))")
      lines += detail.chain.map {
        DetailLine(
          [
            DetailSpan("\($0.source.name) (\($0.source.reliability.rawValue)): ", .label),
            DetailSpan($0.document.title, .link),
          ],
          indent: 1, link: $0.document.id.reference(.document))
      }
    } else if document.cites.count > 1 {
      lines += section("Quotes (\(document.cites.count))")
      lines += document.cites.map {
        DetailLine([DetailSpan($0.rawValue, .link)], indent: 1, link: $0.reference(.document))
      }
    }
    if !detail.citedBy.isEmpty {
      lines += section("Quoted by (\(detail.citedBy.count))")
      lines += detail.citedBy.map {
        DetailLine([DetailSpan($0.title, .link)], indent: 1, link: $0.record)
      }
    }
    if !detail.claims.isEmpty {
      lines += section("Claims citing it (\(detail.claims.count))")
      for claim in detail.claims {
        lines.append(
          DetailLine(
            [DetailSpan(dateText(claim.date) + "  ", .muted), DetailSpan(claim.title, .link)]
              + gradeSpan(claim.grade) + statusSpan(claim.analystStatus), indent: 1,
            link: claim.record))
      }
    }
    lines += notes(detail.notes)
    return lines
  }

  func lines(for detail: NoteDetail) -> [DetailLine] {
    [
      heading("Note by \(detail.note.author)", Self.time(detail.note.createdAt)),
      DetailLine([DetailSpan(detail.note.text)], indent: 1),
    ] + link("On", detail.target)
  }
}
