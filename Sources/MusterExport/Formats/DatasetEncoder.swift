import MusterDomain
import Yams

/// Writes a dataset in the native YAML format that `DatasetReader` reads back unchanged.
public enum DatasetEncoder {
  /// The dataset as YAML text.
  public static func yaml(_ dataset: Dataset) throws -> String {
    try Yams.serialize(node: node(dataset), width: -1, allowUnicode: true)
  }

  /// The dataset as JSON text: the same document in JSON syntax, which YAML (and so
  /// `DatasetReader`) reads too.
  public static func json(_ dataset: Dataset) -> String {
    var out = ""
    JSONText.write(node(dataset), into: &out, indent: "")
    return out + "\n"
  }

  /// The dataset as one YAML node.
  static func node(_ dataset: Dataset) -> Node {
    var root: [(String, Node?)] = [("muster", plain(String(Dataset.formatVersion)))]
    root.append(("title", dataset.title.map(text)))
    root.append(("description", dataset.description.map(text)))
    root.append(("sources", list(dataset.sources.map(source))))
    root.append(("documents", list(dataset.documents.map(document))))
    root.append(("actors", list(dataset.actors.map(actor))))
    root.append(("relations", list(dataset.relations.map(relation))))
    root.append(("sites", list(dataset.sites.map(site))))
    root.append(("deployments", list(dataset.deployments.map(deployment))))
    root.append(("events", list(dataset.events.map(event))))
    root.append(("notes", list(dataset.notes.map(note))))
    root.append(("pins", list(dataset.pins.map(pin))))
    return mapping(root)
  }

  // MARK: Nodes

  static func plain(_ value: String) -> Node {
    .scalar(Node.Scalar(value, .implicit, .plain))
  }

  /// Text, quoted whenever plain YAML would read it as something else.
  static func text(_ value: String) -> Node {
    let needsQuotes =
      ["", "~", "null", "Null", "NULL", "true", "false", "yes", "no"].contains(value)
      || value.first.map { " \t".contains($0) } == true
      || value.last.map { " \t".contains($0) } == true
    return .scalar(Node.Scalar(value, Tag(.str), needsQuotes ? .doubleQuoted : .any))
  }

  static func mapping(_ pairs: [(String, Node?)]) -> Node {
    .mapping(Node.Mapping(pairs.compactMap { key, value in value.map { (plain(key), $0) } }))
  }

  /// A list, or nothing when it is empty.
  static func list(_ items: [Node]) -> Node? {
    items.isEmpty ? nil : .sequence(Node.Sequence(items))
  }

  static func number(_ value: Int?) -> Node? { value.map { plain(String($0)) } }

  static func date(_ date: FuzzyDate?) -> Node? {
    guard let date else { return nil }
    if date.isCanonical { return plain(date.description) }
    return mapping([
      ("from", plain(date.first.description)),
      ("to", date.first == date.last ? nil : plain(date.last.description)),
      ("precision", plain(date.precision.rawValue)),
      ("code", date.nativeCode.map(text)),
    ])
  }

  static func bound(_ bound: PeriodBound?) -> Node? {
    guard let bound else { return nil }
    if bound.kind == .known { return date(bound.date) }
    return mapping([("date", date(bound.date)), ("bound", plain(bound.kind.rawValue))])
  }

  static func estimate(_ estimate: Estimate?, unit: StrengthUnit? = nil) -> Node? {
    guard let estimate else { return nil }
    return mapping([
      ("low", number(estimate.low)), ("best", number(estimate.best)),
      ("high", number(estimate.high)), ("unit", unit.map { plain($0.rawValue) }),
    ])
  }

  static func aliases(_ aliases: [Alias]) -> Node? {
    list(
      aliases.map { alias in
        if alias.language == nil && alias.script == nil && alias.dataset == nil {
          return text(alias.name)
        }
        return mapping([
          ("name", text(alias.name)), ("language", alias.language.map(text)),
          ("script", alias.script.map(text)), ("dataset", alias.dataset.map { text($0.rawValue) }),
        ])
      })
  }

  static func citations(_ citations: [Citation]) -> Node? {
    list(
      citations.map { citation in
        mapping([
          ("document", plain(citation.document.rawValue)),
          ("credibility", plain(String(citation.credibility.rawValue))),
          ("quote", citation.quote.map(text)), ("locator", citation.locator.map(text)),
          ("via", list(citation.via.map { plain($0.rawValue) })),
        ])
      })
  }

  static func id<Record>(_ id: ID<Record>) -> Node { text(id.rawValue) }

  // MARK: Records

  static func source(_ source: Source) -> Node {
    mapping([
      ("id", id(source.id)), ("name", text(source.name)), ("kind", plain(source.kind.rawValue)),
      ("country", source.country.map(text)), ("reliability", plain(source.reliability.rawValue)),
      ("note", source.note.map(text)),
    ])
  }

  static func document(_ document: Document) -> Node {
    mapping([
      ("id", id(document.id)), ("source", id(document.source)), ("title", text(document.title)),
      ("url", document.url.map(text)), ("published", date(document.published)),
      ("cites", list(document.cites.map(id))), ("note", document.note.map(text)),
    ])
  }

  static func actor(_ actor: ForceActor) -> Node {
    mapping([
      ("id", id(actor.id)), ("name", text(actor.name)), ("kind", plain(actor.kind.rawValue)),
      ("country", actor.country.map(text)), ("aliases", aliases(actor.aliases)),
      ("description", actor.description.map(text)), ("acled_type", number(actor.acledTypeCode)),
    ])
  }

  static func relation(_ relation: ActorRelation) -> Node {
    mapping([
      ("id", id(relation.id)), ("subject", id(relation.subject)),
      ("kind", plain(relation.kind.rawValue)), ("object", id(relation.object)),
      ("role", relation.role.map(text)), ("start", bound(relation.period.start)),
      ("end", bound(relation.period.end)),
      ("analyst_status", plain(relation.analystStatus.rawValue)),
      ("note", relation.note.map(text)), ("citations", citations(relation.citations)),
    ])
  }

  static func site(_ site: Site) -> Node {
    let location = site.location.map { location in
      mapping([
        ("latitude", plain(String(location.latitude))),
        ("longitude", plain(String(location.longitude))),
        ("precision", plain(location.precision.rawValue)),
        ("code", location.nativeCode.map(text)),
      ])
    }
    return mapping([
      ("id", id(site.id)), ("name", text(site.name)), ("kind", plain(site.kind.rawValue)),
      ("parent", site.parent.map(id)), ("country", site.country.map(text)),
      ("admin1", site.admin1.map(text)), ("admin2", site.admin2.map(text)),
      ("aliases", aliases(site.aliases)), ("location", location),
      ("description", site.description.map(text)),
    ])
  }

  static func deployment(_ deployment: Deployment) -> Node {
    mapping([
      ("id", id(deployment.id)), ("actor", id(deployment.actor)), ("site", id(deployment.site)),
      ("role", plain(deployment.role.rawValue)), ("status", plain(deployment.status.rawValue)),
      ("strength", estimate(deployment.strength?.estimate, unit: deployment.strength?.unit)),
      ("start", bound(deployment.period.start)), ("end", bound(deployment.period.end)),
      ("successor", deployment.successor.map(id)),
      ("analyst_status", plain(deployment.analystStatus.rawValue)),
      ("note", deployment.note.map(text)), ("citations", citations(deployment.citations)),
    ])
  }

  static func event(_ event: Event) -> Node {
    let actors = list(
      event.participants.map {
        mapping([
          ("actor", id($0.actor)), ("role", plain($0.role.rawValue)),
          ("acled_type", number($0.acledType)),
        ])
      })
    let effects = list(
      event.effects.map { effect in
        var pairs: [(String, Node?)] = [("deployment", id(effect.deployment))]
        switch effect.change {
        case .begins: pairs.append(("begins", plain("true")))
        case .ends: pairs.append(("ends", plain("true")))
        case .status(let status): pairs.append(("status", plain(status.rawValue)))
        case .strength(let strength):
          pairs.append(("strength", estimate(strength.estimate, unit: strength.unit)))
        }
        return mapping(pairs)
      })
    return mapping([
      ("id", id(event.id)), ("kind", plain(event.kind.rawValue)), ("date", date(event.date)),
      ("site", event.site.map(id)),
      ("location_precision", event.locationPrecision.map { plain($0.rawValue) }),
      ("location_code", event.locationCode.map(text)), ("actors", actors),
      ("fatalities", estimate(event.fatalities)), ("summary", text(event.summary)),
      ("quote", event.quote.map(text)), ("about", list(event.about.map { text($0.rawValue) })),
      ("external_id", event.externalID.map(text)),
      ("source_timestamp", number(event.sourceTimestamp)),
      ("classification", list(event.classification.map(text))),
      ("tags", list(event.tags.map(text))), ("effects", effects),
      ("analyst_status", plain(event.analystStatus.rawValue)), ("note", event.note.map(text)),
      ("citations", citations(event.citations)),
    ])
  }

  static func note(_ note: Note) -> Node {
    mapping([
      ("id", id(note.id)), ("target", text(note.target.rawValue)), ("author", text(note.author)),
      ("created_at", plain(Timestamp.format(note.createdAt))), ("text", text(note.text)),
    ])
  }

  static func pin(_ pin: Pin) -> Node {
    mapping([
      ("target", text(pin.target.rawValue)), ("author", text(pin.author)),
      ("created_at", plain(Timestamp.format(pin.createdAt))),
    ])
  }
}
