import MusterDomain

extension Dataset {
  /// The records `selected` and every record they need to be read back.
  ///
  /// That is the sites they lie in, the actors they name, the documents they cite and those
  /// documents' sources, a deployment's successor, a note's record. The result imports into
  /// an empty database.
  public func restricted(to selected: Set<RecordReference>) -> Dataset {
    var wanted = selected
    var pending = Array(selected)
    func need(_ record: RecordReference) {
      if wanted.insert(record).inserted { pending.append(record) }
    }
    func need(_ citations: [Citation]) {
      for citation in citations {
        need(citation.document.reference(.document))
        for document in citation.via { need(document.reference(.document)) }
      }
    }
    let sitesByID = Dictionary(sites.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
    let documentsByID = Dictionary(
      documents.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
    let deploymentsByID = Dictionary(
      deployments.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
    let relationsByID = Dictionary(
      relations.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
    let eventsByID = Dictionary(
      events.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
    let notesByID = Dictionary(notes.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
    while let record = pending.popLast() {
      switch record.kind {
      case .site:
        if let parent = sitesByID[record.rawValue]?.parent { need(parent.reference(.site)) }
      case .document:
        guard let document = documentsByID[record.rawValue] else { continue }
        need(document.source.reference(.source))
        for cited in document.cites { need(cited.reference(.document)) }
      case .deployment:
        guard let deployment = deploymentsByID[record.rawValue] else { continue }
        need(deployment.actor.reference(.actor))
        need(deployment.site.reference(.site))
        deployment.successor.map { need($0.reference(.deployment)) }
        need(deployment.citations)
      case .relation:
        guard let relation = relationsByID[record.rawValue] else { continue }
        need(relation.subject.reference(.actor))
        need(relation.object.reference(.actor))
        need(relation.citations)
      case .event:
        guard let event = eventsByID[record.rawValue] else { continue }
        event.site.map { need($0.reference(.site)) }
        for participant in event.participants { need(participant.actor.reference(.actor)) }
        for about in event.about { need(about) }
        for effect in event.effects { need(effect.deployment.reference(.deployment)) }
        need(event.citations)
      case .note:
        if let note = notesByID[record.rawValue] { need(note.target) }
      case .actor, .source:
        continue
      }
    }
    func keeps<Record>(_ kind: RecordKind, _ id: ID<Record>) -> Bool {
      wanted.contains(id.reference(kind))
    }
    return Dataset(
      title: title, description: description,
      sources: sources.filter { keeps(.source, $0.id) },
      documents: documents.filter { keeps(.document, $0.id) },
      actors: actors.filter { keeps(.actor, $0.id) },
      relations: relations.filter { keeps(.relation, $0.id) },
      sites: sites.filter { keeps(.site, $0.id) },
      deployments: deployments.filter { keeps(.deployment, $0.id) },
      events: events.filter { keeps(.event, $0.id) },
      notes: notes.filter { keeps(.note, $0.id) },
      pins: pins.filter { wanted.contains($0.target) })
  }
}
