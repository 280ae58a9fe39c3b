import GRDB
import MusterDomain

extension DatasetWriter {
  // MARK: Records

  mutating func write(_ source: Source) throws {
    let old = try db.row(
      sql: "SELECT rowid, name, reliability FROM source WHERE id = ?",
      arguments: [source.id.rawValue])
    let (rowid, _) = try upsert(
      "source", kind: .source, id: source.id.rawValue,
      columns: ["name", "sort_key", "kind", "country", "reliability", "note"],
      values: [
        source.name, SortKey.of(source.name), source.kind.rawValue, source.country,
        source.reliability.rank, source.note,
      ])
    if let old, (try old.get("reliability") as Int?) != source.reliability.rank {
      regradeDocuments.formUnion(
        try db.values(
          Int64.self, sql: "SELECT rowid FROM document WHERE source = ?", arguments: [rowid]))
    }
    if let old, (try old.get("name") as String?) != source.name {
      renamed.insert(IndexedRecord(.source, rowid))
    }
    toIndex.insert(IndexedRecord(.source, rowid))
  }

  mutating func write(_ document: Document) throws {
    let sourceRowid = try resolve("source", document.source.rawValue, from: document.id.rawValue)
    let oldSource = try db.value(
      Int64.self, sql: "SELECT source FROM document WHERE id = ?", arguments: [document.id.rawValue]
    )
    let (rowid, _) = try upsert(
      "document", kind: .document, id: document.id.rawValue,
      columns: [
        "source", "title", "url", "published_first", "published_last", "published_precision",
        "published_code", "note",
      ],
      values: [sourceRowid, document.title, document.url] + ColumnValues.date(document.published)
        + [document.note])
    if let oldSource, oldSource != sourceRowid { regradeDocuments.insert(rowid) }
    toIndex.insert(IndexedRecord(.document, rowid))
  }

  mutating func writeCites(of document: Document) throws {
    let rowid = try resolve("document", document.id.rawValue, from: document.id.rawValue)
    try db.run(sql: "DELETE FROM document_cite WHERE document = ?", arguments: [rowid])
    for (position, cited) in document.cites.enumerated() {
      let citedRowid = try resolve("document", cited.rawValue, from: document.id.rawValue)
      try db.cachedStatement(
        sql: "INSERT INTO document_cite(document, position, cited) VALUES (?, ?, ?)"
      ).execute(arguments: [rowid, position, citedRowid])
    }
  }

  mutating func write(_ actor: ForceActor) throws {
    let oldNames = try names(of: .actor, table: "actor", id: actor.id.rawValue)
    let (rowid, _) = try upsert(
      "actor", kind: .actor, id: actor.id.rawValue,
      columns: ["name", "sort_key", "kind", "country", "description", "acled_type"],
      values: [
        actor.name, SortKey.of(actor.name), actor.kind.rawValue, actor.country,
        actor.description, actor.acledTypeCode,
      ])
    try writeAliases(actor.aliases, owner: .actor, rowid: rowid)
    if let oldNames, oldNames != [actor.name] + actor.aliases.map(\.name) {
      renamed.insert(IndexedRecord(.actor, rowid))
    }
    toIndex.insert(IndexedRecord(.actor, rowid))
  }

  mutating func write(_ site: Site) throws {
    let oldNames = try names(of: .site, table: "site", id: site.id.rawValue)
    let location = site.location
    let (rowid, _) = try upsert(
      "site", kind: .site, id: site.id.rawValue,
      columns: [
        "name", "sort_key", "kind", "country", "admin1", "admin2", "latitude", "longitude",
        "location_precision", "location_code", "description",
      ],
      values: [
        site.name, SortKey.of(site.name), site.kind.rawValue, site.country, site.admin1,
        site.admin2, location?.latitude, location?.longitude, location?.precision.rawValue,
        location?.nativeCode, site.description,
      ])
    try writeAliases(site.aliases, owner: .site, rowid: rowid)
    if let oldNames, oldNames != [site.name] + site.aliases.map(\.name) {
      renamed.insert(IndexedRecord(.site, rowid))
    }
    toIndex.insert(IndexedRecord(.site, rowid))
  }

  mutating func writeParent(of site: Site) throws {
    let rowid = try resolve("site", site.id.rawValue, from: site.id.rawValue)
    var parentRowid: Int64?
    if let parent = site.parent {
      parentRowid = try resolve("site", parent.rawValue, from: site.id.rawValue)
      var ancestor = parentRowid
      var steps = 0
      while let current = ancestor {
        if current == rowid {
          throw StoreError(
            .invalidData, path: path,
            "\(site.id) lies in itself through its parents (\(parent))")
        }
        ancestor = try db.value(
          Int64.self, sql: "SELECT parent FROM site WHERE rowid = ?", arguments: [current])
        steps += 1
        if steps > 64 { break }
      }
    }
    let old = try db.value(
      Int64.self, sql: "SELECT parent FROM site WHERE rowid = ?", arguments: [rowid])
    try db.run(sql: "UPDATE site SET parent = ? WHERE rowid = ?", arguments: [parentRowid, rowid])
    if old != parentRowid { renamed.insert(IndexedRecord(.site, rowid)) }
  }

  mutating func writeAliases(_ aliases: [Alias], owner: RecordKind, rowid: Int64) throws {
    try db.run(
      sql: "DELETE FROM alias WHERE owner_kind = ? AND owner = ?", arguments: [owner.code, rowid])
    for (position, alias) in aliases.enumerated() {
      try db.cachedStatement(
        sql: """
          INSERT INTO alias(owner_kind, owner, position, name, language, script, dataset)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [
          owner.code, rowid, position, alias.name, alias.language, alias.script,
          alias.dataset?.rawValue,
        ])
    }
  }

  /// The name and aliases stored for a record, or `nil` if it is new.
  func names(of kind: RecordKind, table: String, id: String) throws -> [String]? {
    guard
      let row = try db.row(sql: "SELECT rowid, name FROM \(table) WHERE id = ?", arguments: [id])
    else { return nil }
    let aliases = try db.values(
      String.self,
      sql: "SELECT name FROM alias WHERE owner_kind = ? AND owner = ? ORDER BY position",
      arguments: [kind.code, try row.get("rowid") as Int64])
    return [try row.get("name") as String] + aliases
  }

  mutating func write(_ relation: ActorRelation) throws {
    let referrer = relation.id.rawValue
    let subject = try resolve("actor", relation.subject.rawValue, from: referrer)
    let object = try resolve("actor", relation.object.rawValue, from: referrer)
    let grade = try bestGrade(of: relation.citations, from: referrer)
    let (rowid, _) = try upsert(
      "relation", kind: .relation, id: referrer,
      columns: [
        "subject", "kind", "object", "role", "start_first", "start_last", "start_precision",
        "start_code", "start_kind", "end_first", "end_last", "end_precision", "end_code",
        "end_kind", "analyst_status", "note", "grade_reliability", "grade_credibility",
      ],
      values: [subject, relation.kind.rawValue, object, relation.role]
        + ColumnValues.bound(relation.period.start) + ColumnValues.bound(relation.period.end)
        + [relation.analystStatus.rawValue, relation.note] + ColumnValues.grade(grade))
    try writeCitations(relation.citations, claim: .relation, rowid: rowid, from: referrer)
    toIndex.insert(IndexedRecord(.relation, rowid))
  }

  mutating func write(_ deployment: Deployment) throws {
    let referrer = deployment.id.rawValue
    let actor = try resolve("actor", deployment.actor.rawValue, from: referrer)
    let site = try resolve("site", deployment.site.rawValue, from: referrer)
    let grade = try bestGrade(of: deployment.citations, from: referrer)
    let (rowid, _) = try upsert(
      "deployment", kind: .deployment, id: referrer,
      columns: [
        "actor", "site", "role", "status", "strength_low", "strength_best", "strength_high",
        "strength_unit", "start_first", "start_last", "start_precision", "start_code",
        "start_kind", "end_first", "end_last", "end_precision", "end_code", "end_kind",
        "analyst_status", "note", "grade_reliability", "grade_credibility",
      ],
      values: [actor, site, deployment.role.rawValue, deployment.status.rawValue]
        + ColumnValues.strength(deployment.strength)
        + ColumnValues.bound(deployment.period.start) + ColumnValues.bound(deployment.period.end)
        + [deployment.analystStatus.rawValue, deployment.note] + ColumnValues.grade(grade))
    try writeCitations(deployment.citations, claim: .deployment, rowid: rowid, from: referrer)
    toIndex.insert(IndexedRecord(.deployment, rowid))
  }

  mutating func writeSuccessor(of deployment: Deployment) throws {
    let referrer = deployment.id.rawValue
    let rowid = try resolve("deployment", referrer, from: referrer)
    let successor = try deployment.successor.map {
      try resolve("deployment", $0.rawValue, from: referrer)
    }
    if successor == rowid {
      throw StoreError(.invalidData, path: path, "\(referrer) is its own successor")
    }
    try db.run(
      sql: "UPDATE deployment SET successor = ? WHERE rowid = ?", arguments: [successor, rowid])
  }

  mutating func write(_ event: Event) throws {
    let referrer = event.id.rawValue
    let site = try event.site.map { try resolve("site", $0.rawValue, from: referrer) }
    let grade = try bestGrade(of: event.citations, from: referrer)
    if let existing = try rowids.lookup("event", referrer, db) {
      if let oldSite = try db.value(
        Int64.self, sql: "SELECT site FROM event WHERE rowid = ?", arguments: [existing])
      {
        touchedSites.insert(oldSite)
      }
      touchedActors.formUnion(
        try db.values(
          Int64.self, sql: "SELECT actor FROM event_actor WHERE event = ?", arguments: [existing]))
    }
    let (rowid, isNew) = try upsert(
      "event", kind: .event, id: referrer,
      columns: [
        "kind", "date_first", "date_last", "date_precision", "date_code", "site",
        "fatalities_low", "fatalities_best", "fatalities_high", "summary", "quote",
        "external_id", "source_timestamp", "classification", "tags", "analyst_status", "note",
        "location_precision", "location_code", "grade_reliability", "grade_credibility",
      ],
      values: [event.kind.rawValue] + ColumnValues.date(event.date) + [site]
        + ColumnValues.estimate(event.fatalities)
        + [
          event.summary, event.quote, event.externalID, event.sourceTimestamp,
          PackedList.pack(event.classification), PackedList.pack(event.tags),
          event.analystStatus.rawValue, event.note, event.locationPrecision?.rawValue,
          event.locationCode,
        ] + ColumnValues.grade(grade))
    if !isNew {
      for table in ["event_actor", "event_about", "effect"] {
        try db.run(sql: "DELETE FROM \(table) WHERE event = ?", arguments: [rowid])
      }
    }
    for (position, participant) in event.participants.enumerated() {
      let actor = try resolve("actor", participant.actor.rawValue, from: referrer)
      try db.cachedStatement(
        sql: """
          INSERT INTO event_actor(actor, day, event, position, role, acled_type)
          VALUES (?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [
          actor, event.date.first.daysSinceEpoch, rowid, position, participant.role.rawValue,
          participant.acledType,
        ])
      touchedActors.insert(actor)
    }
    for (position, target) in event.about.enumerated() {
      _ = try resolve(table(for: target.kind), target.rawValue, from: referrer)
      try db.cachedStatement(
        sql: "INSERT INTO event_about(event, position, target) VALUES (?, ?, ?)"
      ).execute(arguments: [rowid, position, target.rawValue])
    }
    for (position, effect) in event.effects.enumerated() {
      let deployment = try resolve("deployment", effect.deployment.rawValue, from: referrer)
      var status: String?
      var strength: Strength?
      let change: String
      switch effect.change {
      case .begins: change = "begins"
      case .ends: change = "ends"
      case .status(let value):
        change = "status"
        status = value.rawValue
      case .strength(let value):
        change = "strength"
        strength = value
      }
      try db.cachedStatement(
        sql: """
          INSERT INTO effect(event, position, deployment, change, status, strength_low,
            strength_best, strength_high, strength_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: StatementArguments(
          [rowid, position, deployment, change, status] + ColumnValues.strength(strength)))
    }
    try writeCitations(event.citations, claim: .event, rowid: rowid, from: referrer)
    if let site { touchedSites.insert(site) }
    toIndex.insert(IndexedRecord(.event, rowid))
  }

  mutating func write(_ note: Note) throws {
    _ = try resolve(table(for: note.target.kind), note.target.rawValue, from: note.id.rawValue)
    let (rowid, _) = try upsert(
      "note", kind: .note, id: note.id.rawValue,
      columns: ["target", "author", "created_at", "text"],
      values: [note.target.rawValue, note.author, note.createdAt, note.text])
    toIndex.insert(IndexedRecord(.note, rowid))
  }

  mutating func write(_ pin: Pin) throws {
    _ = try resolve(table(for: pin.target.kind), pin.target.rawValue, from: "a pin")
    try db.run(
      sql: "INSERT OR REPLACE INTO pin(target, author, created_at) VALUES (?, ?, ?)",
      arguments: [pin.target.rawValue, pin.author, pin.createdAt])
  }

}
