import MusterDomain
import Yams

extension RecordReader {
  mutating func source(_ node: Node) -> Source? {
    guard
      let fields = reader.fields(
        node, of: "a source", allowed: ["id", "name", "kind", "country", "reliability", "note"],
        required: ["id", "name", "kind", "reliability"]),
      let id = identifier(fields["id"], .source, in: "source"),
      let name = reader.text(fields["name"], "source name"),
      let kind = reader.choice(fields["kind"], "source kind", SourceKind.self),
      let reliability = reader.choice(fields["reliability"], "reliability", Reliability.self)
    else { return nil }
    remember(RecordReference(kind: .source, rawValue: id), fields)
    return Source(
      id: ID(id), name: name, kind: kind, country: reader.string(fields["country"], "country"),
      reliability: reliability, note: reader.string(fields["note"], "note"))
  }

  mutating func document(_ node: Node) -> Document? {
    guard
      let fields = reader.fields(
        node, of: "a document",
        allowed: ["id", "source", "title", "url", "published", "cites", "note"],
        required: ["id", "source", "title"]),
      let id = identifier(fields["id"], .document, in: "document"),
      let source = reference(fields["source"], [.source], in: "document source", from: id),
      let title = reader.text(fields["title"], "document title")
    else { return nil }
    remember(RecordReference(kind: .document, rawValue: id), fields)
    let cites = reader.list(fields["cites"], "cites").compactMap {
      reference($0, [.document], in: "cited document", from: id)
    }
    return Document(
      id: ID(id), source: ID(source.rawValue), title: title,
      url: reader.string(fields["url"], "url"),
      published: reader.date(fields["published"], "published"),
      cites: cites.map { ID($0.rawValue) }, note: reader.string(fields["note"], "note"))
  }

  mutating func actor(_ node: Node) -> ForceActor? {
    guard
      let fields = reader.fields(
        node, of: "an actor",
        allowed: ["id", "name", "kind", "country", "aliases", "description", "acled_type"],
        required: ["id", "name", "kind"]),
      let id = identifier(fields["id"], .actor, in: "actor"),
      let name = reader.text(fields["name"], "actor name"),
      let kind = reader.choice(fields["kind"], "actor kind", ActorKind.self)
    else { return nil }
    remember(RecordReference(kind: .actor, rawValue: id), fields)
    return ForceActor(
      id: ID(id), name: name, kind: kind, country: reader.string(fields["country"], "country"),
      aliases: aliases(fields["aliases"], of: id),
      description: reader.string(fields["description"], "description"),
      acledTypeCode: reader.integer(fields["acled_type"], "ACLED actor type", in: 1...8))
  }

  mutating func relation(_ node: Node) -> ActorRelation? {
    guard
      let fields = reader.fields(
        node, of: "a relation",
        allowed: [
          "id", "subject", "kind", "object", "role", "start", "end", "analyst_status", "note",
          "citations",
        ], required: ["id", "subject", "kind", "object"]),
      let id = identifier(fields["id"], .relation, in: "relation"),
      let subject = reference(fields["subject"], [.actor], in: "relation subject", from: id),
      let kind = reader.choice(fields["kind"], "relation kind", RelationKind.self),
      let object = reference(fields["object"], [.actor], in: "relation object", from: id)
    else { return nil }
    remember(RecordReference(kind: .relation, rawValue: id), fields)
    if subject == object {
      reader.problem(fields["object"], "relation \(id) relates \(subject) to itself")
    }
    return ActorRelation(
      id: ID(id), subject: ID(subject.rawValue), kind: kind, object: ID(object.rawValue),
      role: reader.string(fields["role"], "role"), period: period(fields, of: id),
      analystStatus: analystStatus(fields), note: reader.string(fields["note"], "note"),
      citations: citations(fields["citations"], of: id))
  }

  mutating func site(_ node: Node) -> Site? {
    guard
      let fields = reader.fields(
        node, of: "a site",
        allowed: [
          "id", "name", "kind", "parent", "country", "admin1", "admin2", "aliases", "location",
          "description",
        ], required: ["id", "name", "kind"]),
      let id = identifier(fields["id"], .site, in: "site"),
      let name = reader.text(fields["name"], "site name"),
      let kind = reader.choice(fields["kind"], "site kind", SiteKind.self)
    else { return nil }
    remember(RecordReference(kind: .site, rawValue: id), fields)
    let parent = reference(fields["parent"], [.site], in: "site parent", from: id)
    if parent?.rawValue == id {
      reader.problem(fields["parent"], "site \(id) cannot lie in itself")
    }
    return Site(
      id: ID(id), name: name, kind: kind, parent: parent.map { ID($0.rawValue) },
      country: reader.string(fields["country"], "country"),
      admin1: reader.string(fields["admin1"], "admin1"),
      admin2: reader.string(fields["admin2"], "admin2"),
      aliases: aliases(fields["aliases"], of: id), location: location(fields["location"]),
      description: reader.string(fields["description"], "description"))
  }

  mutating func location(_ node: Node?) -> Location? {
    guard let node, !NodeReader.isNull(node),
      let fields = reader.fields(
        node, of: "a location", allowed: ["latitude", "longitude", "precision", "code"],
        required: ["latitude", "longitude", "precision"]),
      let latitude = reader.number(fields["latitude"], "latitude", in: -90...90),
      let longitude = reader.number(fields["longitude"], "longitude", in: -180...180),
      let precision = reader.choice(
        fields["precision"], "location precision", LocationPrecision.self)
    else { return nil }
    return Location(
      latitude: latitude, longitude: longitude, precision: precision,
      nativeCode: reader.string(fields["code"], "location code"))
  }

  mutating func deployment(_ node: Node) -> Deployment? {
    guard
      let fields = reader.fields(
        node, of: "a deployment",
        allowed: [
          "id", "actor", "site", "role", "status", "strength", "start", "end", "successor",
          "analyst_status", "note", "citations",
        ], required: ["id", "actor", "site", "status"]),
      let id = identifier(fields["id"], .deployment, in: "deployment"),
      let actor = reference(fields["actor"], [.actor], in: "deployment actor", from: id),
      let site = reference(fields["site"], [.site], in: "deployment site", from: id),
      let status = reader.choice(fields["status"], "deployment status", DeploymentStatus.self)
    else { return nil }
    remember(RecordReference(kind: .deployment, rawValue: id), fields)
    let successor = reference(
      fields["successor"], [.deployment], in: "deployment successor", from: id)
    if successor?.rawValue == id {
      reader.problem(fields["successor"], "deployment \(id) cannot succeed itself")
    }
    return Deployment(
      id: ID(id), actor: ID(actor.rawValue), site: ID(site.rawValue),
      role: reader.choice(fields["role"], "deployment role", DeploymentRole.self) ?? .presence,
      status: status, strength: strength(fields["strength"], "strength"),
      period: period(fields, of: id), successor: successor.map { ID($0.rawValue) },
      analystStatus: analystStatus(fields), note: reader.string(fields["note"], "note"),
      citations: citations(fields["citations"], of: id))
  }

  mutating func event(_ node: Node) -> Event? {
    guard
      let fields = reader.fields(
        node, of: "an event",
        allowed: [
          "id", "kind", "date", "site", "location_precision", "location_code", "actors",
          "fatalities", "summary", "quote", "about", "external_id", "source_timestamp",
          "classification", "tags", "effects", "analyst_status", "note", "citations",
        ], required: ["id", "kind", "date", "summary"]),
      let id = identifier(fields["id"], .event, in: "event"),
      let kind = reader.choice(fields["kind"], "event kind", EventKind.self),
      let date = reader.date(fields["date"], "event date"),
      let summary = reader.text(fields["summary"], "summary")
    else { return nil }
    remember(RecordReference(kind: .event, rawValue: id), fields)
    let site = reference(fields["site"], [.site], in: "event site", from: id)
    let participants = reader.list(fields["actors"], "actors").compactMap { item -> Participant? in
      guard
        let participant = reader.fields(
          item, of: "an actor of \(id)", allowed: ["actor", "role", "acled_type"],
          required: ["actor", "role"]),
        let actor = reference(participant["actor"], [.actor], in: "event actor", from: id),
        let role = reader.choice(participant["role"], "participant role", ParticipantRole.self)
      else { return nil }
      return Participant(
        ID(actor.rawValue), role,
        acledType: reader.integer(participant["acled_type"], "ACLED actor type", in: 1...8))
    }
    let about = reader.list(fields["about"], "about").compactMap {
      reference($0, RecordKind.allCases, in: "about", from: id)
    }
    if kind == .statement, !participants.contains(where: { $0.role == .speaker }) {
      reader.problem(
        fields["actors"] ?? node,
        "statement \(id) names no speaker; expected an actor with role speaker")
    }
    return Event(
      id: ID(id), kind: kind, date: date, site: site.map { ID($0.rawValue) },
      participants: participants,
      fatalities: estimate(fields["fatalities"], "fatalities", allowUnit: false)?.0,
      summary: summary, quote: reader.string(fields["quote"], "quote"), about: about,
      externalID: reader.string(fields["external_id"], "external id"),
      sourceTimestamp: reader.integer(fields["source_timestamp"], "source timestamp"),
      classification: reader.list(fields["classification"], "classification").compactMap {
        reader.text($0, "a classification")
      },
      tags: reader.list(fields["tags"], "tags").compactMap { reader.text($0, "a tag") },
      effects: effects(fields["effects"], of: id),
      analystStatus: analystStatus(fields), note: reader.string(fields["note"], "note"),
      citations: citations(fields["citations"], of: id),
      locationPrecision: fields["location_precision"].flatMap {
        reader.choice($0, "location precision", LocationPrecision.self)
      },
      locationCode: reader.string(fields["location_code"], "location code"))
  }

  /// Each item names a deployment and one or more changes: `begins`, `ends`, `status`,
  /// `strength`.
  mutating func effects(_ node: Node?, of owner: String) -> [DeploymentEffect] {
    reader.list(node, "effects").flatMap { item -> [DeploymentEffect] in
      guard
        let fields = reader.fields(
          item, of: "an effect of \(owner)",
          allowed: ["deployment", "begins", "ends", "status", "strength"],
          required: ["deployment"]),
        let target = reference(
          fields["deployment"], [.deployment], in: "effect deployment", from: owner)
      else { return [] }
      let deployment = ID<Deployment>(target.rawValue)
      var changes: [DeploymentEffect.Change] = []
      if reader.boolean(fields["begins"], "begins") == true { changes.append(.begins) }
      if reader.boolean(fields["ends"], "ends") == true { changes.append(.ends) }
      if let status = reader.choice(fields["status"], "deployment status", DeploymentStatus.self) {
        changes.append(.status(status))
      }
      if let strength = strength(fields["strength"], "strength") {
        changes.append(.strength(strength))
      }
      if changes.isEmpty {
        reader.problem(
          item, "an effect of \(owner) changes nothing; expected begins, ends, status or strength")
      }
      return changes.map { DeploymentEffect(deployment, $0) }
    }
  }

  /// A claim's analyst status; unverified when not given.
  mutating func analystStatus(_ fields: [String: Node]) -> AnalystStatus {
    reader.choice(fields["analyst_status"], "analyst status", AnalystStatus.self) ?? .unverified
  }

  mutating func note(_ node: Node) -> Note? {
    guard
      let fields = reader.fields(
        node, of: "a note", allowed: ["id", "target", "author", "created_at", "text"],
        required: ["id", "target", "author", "created_at", "text"]),
      let id = identifier(fields["id"], .note, in: "note"),
      let target = reference(fields["target"], RecordKind.allCases, in: "note target", from: id),
      let author = reader.text(fields["author"], "author"),
      let createdAt = timestamp(fields["created_at"], "created_at"),
      let text = reader.text(fields["text"], "note text")
    else { return nil }
    remember(RecordReference(kind: .note, rawValue: id), fields)
    return Note(id: ID(id), target: target, author: author, createdAt: createdAt, text: text)
  }

  mutating func pin(_ node: Node) -> Pin? {
    guard
      let fields = reader.fields(
        node, of: "a pin", allowed: ["target", "author", "created_at"],
        required: ["target", "author", "created_at"]),
      let target = reference(
        fields["target"], RecordKind.allCases, in: "pin target", from: "a pin"),
      let author = reader.text(fields["author"], "author"),
      let createdAt = timestamp(fields["created_at"], "created_at")
    else { return nil }
    return Pin(target: target, author: author, createdAt: createdAt)
  }

  /// A UTC time written `YYYY-MM-DDTHH:MM:SSZ`, as seconds since 1970.
  mutating func timestamp(_ node: Node?, _ what: String) -> Int? {
    guard let text = reader.string(node, what) else { return nil }
    guard let seconds = Timestamp.parse(text) else {
      reader.problem(node, "\(what) '\(text)' is not a time; expected YYYY-MM-DDTHH:MM:SSZ (UTC)")
      return nil
    }
    return seconds
  }
}
