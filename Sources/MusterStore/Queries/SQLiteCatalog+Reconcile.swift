import GRDB
import MusterDomain

extension SQLiteCatalog {
  /// Pairs of actors and of places, named by different datasets (and areas named twice by
  /// one), that `IdentityMatch` calls the same or possibly the same, certain ones first,
  /// then by score.
  ///
  /// Candidates come from the name tables: a record from an event dataset is compared with
  /// the records sharing a folded name, an alias or a transliteration key with it (for an
  /// ACLED unit, its unit's name; for a UCDP government, its country). Read-only: nothing
  /// is merged.
  public func reconcileProposals(kinds: Set<RecordKind> = [.actor, .site]) throws
    -> [ReconcileProposal]
  {
    try read { db in
      var proposals: [ReconcileProposal] = []
      let reader = ReconcileReader(db: db)
      if kinds.contains(.actor) { proposals += try reader.actorProposals() }
      if kinds.contains(.site) { proposals += try reader.siteProposals() }
      let rejected = try reader.rejectedPairs()
      return proposals.filter { !rejected.contains($0.pair) }.sorted { lhs, rhs in
        if lhs.isCertain != rhs.isCertain { return lhs.isCertain }
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        return (lhs.first.record, lhs.second.record) < (rhs.first.record, rhs.second.record)
      }
    }
  }
}

extension SQLiteCatalog {
  /// Every merge in force, newest first.
  public func merges() throws -> [MergeRecord] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT merge.merged_id, coalesce(actor.id, site.id) AS kept, merge.reason,
            merge.author, merge.created_at
          FROM merge
          LEFT JOIN actor ON merge.kind = \(RecordKind.actor.code) AND actor.rowid = merge.kept
          LEFT JOIN site ON merge.kind = \(RecordKind.site.code) AND site.rowid = merge.kept
          ORDER BY merge.rowid DESC
          """
      ).map { row in
        MergeRecord(
          merged: row[0], kept: row[1] ?? "?", reason: row[2], author: row[3], createdAt: row[4])
      }
    }
  }
}

/// Finds the candidates and weighs them.
struct ReconcileReader {
  let db: Database

  /// The pairs analysts rejected, as `first=second`.
  func rejectedPairs() throws -> Set<String> {
    Set(
      try db.values(
        String.self,
        sql: "SELECT first || '=' || second FROM match_review WHERE decision = 'rejected'"))
  }

  /// The dataset an id says named a record: `site:acled:...` is ACLED's.
  static func dataset(of id: String) -> String {
    EventDataset.of(recordID: id)?.rawValue ?? "native"
  }

  /// Records of `kind` with a whole name or alias spelling `name` folded or under its
  /// transliteration key.
  func records(named name: String, kind: RecordKind) throws -> Set<Int64> {
    var found: Set<Int64> = []
    for key in SearchKey.compactAlternatives(name) {
      found.formUnion(
        try db.values(
          Int64.self,
          sql: "SELECT record FROM name_key WHERE key = ? AND kind = ? AND word_offset = 0",
          arguments: [key, kind.code]))
    }
    for key in TransliterationKey.queryKeys(name) where key.hasPrefix("v") {
      found.formUnion(
        try db.values(
          Int64.self,
          sql: "SELECT record FROM name_sound WHERE key = ? AND kind = ? AND word_offset = 0",
          arguments: [key, kind.code]))
    }
    return found
  }

  func aliases(_ kind: RecordKind) throws -> [Int64: [String]] {
    var aliases: [Int64: [String]] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT owner, name FROM alias WHERE owner_kind = ? ORDER BY owner, position",
      arguments: [kind.code])
    {
      aliases[row[0], default: []].append(row[1])
    }
    return aliases
  }

  func actorProposals() throws -> [ReconcileProposal] {
    var actors: [Int64: (id: String, names: [String], dataset: String)] = [:]
    let aliases = try aliases(.actor)
    for row in try Row.fetchAll(db, sql: "SELECT rowid, id, name FROM actor") {
      let rowid: Int64 = row[0]
      let id: String = row[1]
      actors[rowid] = (id, [row[2]] + (aliases[rowid] ?? []), Self.dataset(of: id))
    }
    var seen: Set<[Int64]> = []
    var proposals: [ReconcileProposal] = []
    for (rowid, actor) in actors where actor.dataset != "native" {
      guard let name = actor.names.first, ActorName(name).mayMerge else { continue }
      var candidates: Set<Int64> = []
      for spelling in ActorName(name).matchingNames + [name] {
        candidates.formUnion(try records(named: spelling, kind: .actor))
      }
      for other in candidates where other != rowid {
        guard let match = actors[other], match.dataset != actor.dataset,
          seen.insert([min(rowid, other), max(rowid, other)]).inserted
        else { continue }
        let decision = IdentityMatch.actors(
          ActorCandidate(names: actor.names, dataset: actor.dataset),
          ActorCandidate(names: match.names, dataset: match.dataset))
        if let first = try record(.actor, rowid, actor.id, name, actor.dataset),
          let second = try record(.actor, other, match.id, match.names[0], match.dataset),
          let proposal = ReconcileProposal(first, second, decision)
        {
          proposals.append(proposal)
        }
      }
    }
    return proposals
  }

  func siteProposals() throws -> [ReconcileProposal] {
    var sites: [Int64: PlaceCandidate] = [:]
    var ids: [Int64: String] = [:]
    let aliases = try aliases(.site)
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT site.rowid, site.id, site.name, site.kind, site.latitude, site.longitude,
          site.country, site.admin1, parent.name
        FROM site LEFT JOIN site AS parent ON parent.rowid = site.parent
        """)
    {
      let rowid: Int64 = row[0]
      let id: String = row[1]
      ids[rowid] = id
      sites[rowid] = PlaceCandidate(
        names: [row[2]] + (aliases[rowid] ?? []), dataset: Self.dataset(of: id),
        latitude: row[4], longitude: row[5],
        isArea: [SiteKind.area.rawValue, SiteKind.country.rawValue].contains(row[3] as String)
          || id.contains(":area:"),
        country: row[6], admin1: row[7], parent: row[8])
    }
    var lookups: [String: Set<Int64>] = [:]
    var seen: Set<[Int64]> = []
    var proposals: [ReconcileProposal] = []
    for (rowid, site) in sites where site.dataset != "native" {
      guard let name = site.names.first else { continue }
      let core = IdentityMatch.core(name)
      if lookups[core] == nil { lookups[core] = try records(named: core, kind: .site) }
      for other in lookups[core] ?? [] where other != rowid {
        guard let match = sites[other],
          match.dataset != site.dataset || (site.isArea && match.isArea),
          seen.insert([min(rowid, other), max(rowid, other)]).inserted
        else { continue }
        let decision = IdentityMatch.places(site, match)
        if let first = try record(.site, rowid, ids[rowid] ?? "", name, site.dataset ?? "native"),
          let second = try record(
            .site, other, ids[other] ?? "", match.names[0], match.dataset ?? "native"),
          let proposal = ReconcileProposal(first, second, decision)
        {
          proposals.append(proposal)
        }
      }
    }
    return proposals
  }

  /// The records of other datasets that matching says are, or may be, the same as one
  /// actor or site.
  ///
  /// What its detail shows. Candidates share a name or alias with it (or
  /// with a later part of theirs: the bundled IRGC meets ACLED's `Military Forces of Iran
  /// (1989-) Islamic Revolutionary Guard Corps`), folded or under the key.
  func twins(of kind: RecordKind, _ rowid: Int64) throws -> [ReconcileProposal] {
    guard kind == .actor || kind == .site, let this = try candidate(kind, rowid) else {
      return []
    }
    var spellings = this.names
    if kind == .actor, let name = this.names.first { spellings += ActorName(name).matchingNames }
    if kind == .site { spellings = spellings.map(IdentityMatch.core) }
    var others: Set<Int64> = []
    for spelling in Set(spellings) {
      others.formUnion(try records(named: spelling, kind: kind))
      for key in SearchKey.compactAlternatives(spelling) where kind == .actor {
        others.formUnion(
          try db.values(
            Int64.self,
            sql: "SELECT record FROM name_key WHERE key = ? AND kind = ? LIMIT 200",
            arguments: [key, kind.code]))
      }
    }
    var twins: [ReconcileProposal] = []
    for other in others.sorted().prefix(200) where other != rowid {
      guard let that = try candidate(kind, other), that.dataset != this.dataset else { continue }
      let decision =
        kind == .actor
        ? IdentityMatch.actors(
          ActorCandidate(names: this.names, dataset: this.dataset),
          ActorCandidate(names: that.names, dataset: that.dataset))
        : IdentityMatch.places(this.place, that.place)
      if let first = try record(kind, rowid, this.id, this.names[0], this.dataset),
        let second = try record(kind, other, that.id, that.names[0], that.dataset),
        let proposal = ReconcileProposal(first, second, decision)
      {
        twins.append(proposal)
      }
    }
    let rejected = try rejectedPairs()
    return twins.filter { !rejected.contains($0.pair) }.sorted { lhs, rhs in
      lhs.isCertain != rhs.isCertain ? lhs.isCertain : lhs.score > rhs.score
    }
  }

  /// One record as matching sees it.
  func candidate(_ kind: RecordKind, _ rowid: Int64) throws -> (
    id: String, names: [String], dataset: String, place: PlaceCandidate
  )? {
    let sql =
      kind == .site
      ? """
      SELECT site.id, site.name, site.kind, site.latitude, site.longitude, site.country,
        site.admin1, parent.name
      FROM site LEFT JOIN site AS parent ON parent.rowid = site.parent WHERE site.rowid = ?
      """
      : "SELECT id, name, NULL, NULL, NULL, NULL, NULL, NULL FROM actor WHERE rowid = ?"
    guard let row = try Row.fetchOne(db, sql: sql, arguments: [rowid]) else { return nil }
    let id: String = row[0]
    let names =
      [row[1] as String]
      + (try db.values(
        String.self,
        sql: "SELECT name FROM alias WHERE owner_kind = ? AND owner = ? ORDER BY position",
        arguments: [kind.code, rowid]))
    let dataset = Self.dataset(of: id)
    let siteKind: String? = row[2]
    let place = PlaceCandidate(
      names: names, dataset: dataset, latitude: row[3], longitude: row[4],
      isArea: [SiteKind.area.rawValue, SiteKind.country.rawValue].contains(siteKind ?? "")
        || id.contains(":area:"),
      country: row[5], admin1: row[6], parent: row[7])
    return (id, names, dataset, place)
  }

  /// A record with its event count, for the evidence.
  func record(_ kind: RecordKind, _ rowid: Int64, _ id: String, _ name: String, _ dataset: String)
    throws -> ReconcileRecord?
  {
    guard let reference = RecordReference(id) else { return nil }
    let sql =
      kind == .site
      ? "SELECT count(*) FROM event WHERE site = ?"
      : "SELECT count(*) FROM event_actor WHERE actor = ?"
    let events = try db.value(Int.self, sql: sql, arguments: [rowid]) ?? 0
    return ReconcileRecord(record: reference, name: name, dataset: dataset, events: events)
  }
}
