import Foundation
import GRDB
import MusterDomain

/// The actors, places, areas and sources an event-dataset import names, turned into
/// records: found in maps loaded once from earlier imports, or created (with their name
/// keys and a full-text entry) the first time a name comes up.
///
/// Actors and sources are one record per name within a dataset; a place is one per name
/// and coordinates (or country, without them), lying in its administrative areas, one
/// record per path from the country down.
final class ImportedRecords {
  private let db: Database
  private var actors: [NameKey: Int64] = [:]
  private var takenActorIDs: Set<String> = []
  private var places: [String: Int64] = [:]
  private var placesByKey: [PlaceKey: Int64] = [:]
  private var areas: [String: Int64] = [:]
  /// Areas by parent (0 for none) and name folded and run together, so that two vintages
  /// of one dataset spelling an area `Deir-ez-Zor` and `Deir ez Zor` make one area.
  private var areasByName: [AreaName: Int64] = [:]
  private var sources: [NameKey: (rowid: Int64, reliability: Int)] = [:]
  /// Every source by its name folded and run together, whichever dataset (or the analysts)
  /// made it: an outlet cited by two datasets is one source.
  private var sourcesByName: [String: (rowid: Int64, reliability: Int)] = [:]
  private var takenSourceIDs: Set<String> = []
  /// Slugs, sort keys and search keys of the names this import met.
  private let facts = NameFacts()
  /// New actors and places that are certainly other datasets' records, merged at the end.
  let matching: ImportMatching
  /// Coalition memberships recorded by this import.
  private var memberships: Set<Pair> = []
  private let insertNameKey: RawStatement
  /// Transliteration keys and name words of the records created.
  private var spellings: NameSpellings
  /// Full-text entries of the records created, written by the index strategy at the end.
  private(set) var namedEntries: [NamedEntry] = []
  /// How many records of each kind were created.
  private(set) var newActors = 0
  private(set) var newSites = 0
  private(set) var newSources = 0

  /// Loads what earlier event-dataset imports created.
  init(db: Database) throws {
    self.db = db
    insertNameKey = try RawStatement(
      db, "INSERT OR IGNORE INTO name_key(key, kind, record, word_offset) VALUES (?, ?, ?, ?)")
    spellings = try NameSpellings(db)
    spellings.isDeferred = true
    matching = ImportMatching(db: db)
    for row in try db.rows(sql: "SELECT rowid, id, name FROM actor WHERE id GLOB 'actor:*:*'") {
      let id: String = try row.get("id")
      takenActorIDs.insert(id)
      guard let dataset = EventDataset.of(recordID: id) else { continue }
      actors[NameKey(dataset: dataset, name: try row.get("name"))] = try row.get("rowid")
    }
    for row in try db.rows(
      sql: "SELECT rowid, id, reliability, name FROM source WHERE id GLOB 'source:*:*'")
    {
      let id: String = try row.get("id")
      takenSourceIDs.insert(id)
      guard let dataset = EventDataset.of(recordID: id) else { continue }
      sources[NameKey(dataset: dataset, name: try row.get("name"))] = (
        try row.get("rowid"), try row.get("reliability")
      )
    }
    for row in try db.rows(sql: "SELECT rowid, name, reliability FROM source ORDER BY rowid") {
      let folded = SearchKey.compactAlternatives(try row.get("name")).first ?? ""
      if sourcesByName[folded] == nil {
        sourcesByName[folded] = (try row.get("rowid"), try row.get("reliability"))
      }
    }
    try loadMerges()
    for row in try db.rows(
      sql: "SELECT rowid, id, name, parent FROM site WHERE id GLOB 'site:*:*'")
    {
      let id: String = try row.get("id")
      if id.contains(":area:") {
        let rowid: Int64 = try row.get("rowid")
        areas[id] = rowid
        let name = AreaName(
          parent: try row.get("parent") ?? 0, name: Self.areaName(try row.get("name")))
        if areasByName[name] == nil { areasByName[name] = rowid }
      } else {
        places[id] = try row.get("rowid")
      }
    }
  }

  /// Records merged into others: a re-import that meets them again finds the record they
  /// were merged into (by the merged actor's dataset and name, or the merged site's id).
  private func loadMerges() throws {
    for row in try db.rows(sql: "SELECT kind, kept, merged_id, snapshot FROM merge") {
      let id: String = try row.get("merged_id")
      let kept: Int64 = try row.get("kept")
      guard let kind = RecordKind(code: try row.get("kind")) else { continue }
      switch kind {
      case .actor:
        takenActorIDs.insert(id)
        let snapshot = try JSONDecoder().decode(
          MergeSnapshot.self, from: Data((try row.get("snapshot") as String).utf8))
        guard let dataset = EventDataset.of(recordID: id),
          case .text(let name) = snapshot.row["name"]
        else { continue }
        actors[NameKey(dataset: dataset, name: name)] = kept
      case .site:
        if id.contains(":area:") { areas[id] = kept } else { places[id] = kept }
      default: continue
      }
    }
  }

  /// Writes the spellings held back while records were created (see `NameSpellings`).
  func flushSpellings() throws {
    try spellings.flush()
  }

  /// An area by the area it lies in and its name folded and run together.
  struct AreaName: Hashable {
    let parent: Int64
    let name: String
  }

  /// An area's name folded and run together: `Deir-ez-Zor` and `Deir ez Zor` are both
  /// `deirezzor`.
  static func areaName(_ name: String) -> String {
    SearchKey.compactAlternatives(name).first ?? name
  }

  /// An actor or source name within one dataset's namespace.
  struct NameKey: Hashable {
    let dataset: EventDataset
    let name: String
  }

  /// What identifies a place without building its id: name and coordinates (or country).
  struct PlaceKey: Hashable {
    let dataset: EventDataset
    let name: String
    let latitude: Double?
    let longitude: Double?
    let country: String
  }

  /// The participant's actor, created the first time its name comes up.
  func actor(_ participant: ImportedParticipant, dataset: EventDataset) throws -> Int64 {
    let key = NameKey(dataset: dataset, name: participant.name)
    if let rowid = actors[key] { return rowid }
    let id = Self.freshID(
      "actor:\(dataset.rawValue):", participant.name, taken: &takenActorIDs)
    try db.run(
      sql: """
        INSERT INTO actor(id, name, sort_key, kind, country, acled_type)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        id, participant.name, SortKey.of(participant.name), participant.kind.rawValue,
        participant.country, participant.acledType,
      ])
    let rowid = db.lastInsertedRowID
    actors[key] = rowid
    try indexNamedRecord(
      .actor, rowid, name: participant.name,
      body: [participant.kind.rawValue, participant.country].compactMap { $0 })
    newActors += 1
    try matching.actorCreated(rowid, name: participant.name, dataset: dataset)
    return rowid
  }

  /// Records each member of a reported grouping as a member of its coalition actor (once,
  /// however many events name the grouping).
  func coalitions(_ coalitions: [ImportedCoalition], dataset: EventDataset) throws {
    for coalition in coalitions {
      let group = try actor(
        ImportedParticipant(name: coalition.name, role: .associated, kind: .coalition),
        dataset: dataset)
      for member in coalition.members {
        let pair = Pair(member: member, coalition: coalition.name)
        guard !memberships.contains(pair) else { continue }
        memberships.insert(pair)
        let subject = try actor(
          ImportedParticipant(name: member, role: .associated, kind: .militia), dataset: dataset)
        try db.execute(
          sql: """
            INSERT OR IGNORE INTO relation(id, subject, kind, object, analyst_status, note)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            "relation:\(dataset.rawValue):\(Self.slug(member))--in--\(Self.slug(coalition.name))",
            subject, RelationKind.memberOf.rawValue, group, AnalystStatus.unverified.rawValue,
            "\(dataset.displayName) reports it as one side with its coalition partners.",
          ])
      }
    }
  }

  /// A member and the coalition it was reported in.
  struct Pair: Hashable {
    let member: String
    let coalition: String
  }

  /// The source of that name, created (ungraded, reliability F) the first time.
  func source(_ name: String, dataset: EventDataset) throws -> (rowid: Int64, reliability: Int) {
    let key = NameKey(dataset: dataset, name: name)
    if let known = sources[key] { return known }
    let folded = SearchKey.compactAlternatives(name).first ?? name
    if let known = sourcesByName[folded] {
      sources[key] = known
      return known
    }
    let id = Self.freshID("source:\(dataset.rawValue):", name, taken: &takenSourceIDs)
    try db.run(
      sql: """
        INSERT INTO source(id, name, sort_key, kind, reliability, note) VALUES (?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        id, name, SortKey.of(name), SourceKind.news.rawValue, Reliability.f.rank,
        "Named by \(dataset.displayName); not graded yet.",
      ])
    let known = (db.lastInsertedRowID, Reliability.f.rank)
    sources[key] = known
    sourcesByName[folded] = known
    try indexNamedRecord(.source, known.0, name: name, body: ["Named by \(dataset.displayName)"])
    newSources += 1
    return known
  }

  /// The place's site if an import made it already; creates nothing.
  func existingPlace(_ place: ImportedPlace, dataset: EventDataset) -> Int64? {
    let key = PlaceKey(
      dataset: dataset, name: place.name, latitude: place.location?.latitude,
      longitude: place.location?.longitude, country: place.country)
    return placesByKey[key] ?? places[placeID(place, dataset: dataset)]
  }

  /// `site:acled:albu-kamal@34.45,40.92`: a place's id, by name and coordinates (or country).
  func placeID(_ place: ImportedPlace, dataset: EventDataset) -> String {
    let coordinates =
      place.location.map { "\($0.latitude),\($0.longitude)" } ?? facts.of(place.country).slug
    return "site:\(dataset.rawValue):" + facts.of(place.name).slug + "@" + coordinates
  }

  /// The place's site, creating it and the areas it lies in as needed.
  func place(_ place: ImportedPlace, dataset: EventDataset) throws -> Int64 {
    let key = PlaceKey(
      dataset: dataset, name: place.name, latitude: place.location?.latitude,
      longitude: place.location?.longitude, country: place.country)
    if let rowid = placesByKey[key] { return rowid }
    let prefix = "site:\(dataset.rawValue):"
    let id = placeID(place, dataset: dataset)
    if let rowid = places[id] {
      placesByKey[key] = rowid
      return rowid
    }
    var parent: Int64?
    var path: [String] = []
    for (depth, area) in ([place.country] + place.areas).enumerated() {
      path.append(facts.of(area).slug)
      let areaID = prefix + "area:" + path.joined(separator: "/")
      if let known = areas[areaID] {
        parent = known
        continue
      }
      let name = AreaName(parent: parent ?? 0, name: Self.areaName(area))
      if let known = areasByName[name] {
        // The same area spelled another way (another vintage): the first spelling's, with
        // this spelling as an alias.
        areas[areaID] = known
        parent = known
        try addAlias(.site, known, name: area, dataset: dataset)
        continue
      }
      let areasSoFar = Array(place.areas.prefix(depth))
      parent = try insertSite(
        id: areaID, name: area, kind: depth == 0 ? .country : .area, parent: parent,
        country: place.country, admin: areasSoFar, location: nil,
        context: ([place.country] + place.areas).prefix(depth).reversed())
      areas[areaID] = parent
      areasByName[name] = parent
    }
    let rowid = try insertSite(
      id: id, name: place.name, kind: .town, parent: parent, country: place.country,
      admin: place.areas, location: place.location,
      context: ([place.country] + place.areas).reversed())
    places[id] = rowid
    placesByKey[key] = rowid
    try matching.placeCreated(rowid, place: place, dataset: dataset)
    return rowid
  }

  /// Adds a spelling to a record's aliases (once), with its search keys.
  private func addAlias(
    _ kind: RecordKind, _ rowid: Int64, name: String, dataset: EventDataset
  ) throws {
    let known = try db.value(
      Int.self,
      sql: """
        SELECT count(*) FROM (SELECT name FROM \(kind.rawValue) WHERE rowid = ? AND name = ?
          UNION ALL SELECT name FROM alias WHERE owner_kind = ? AND owner = ? AND name = ?)
        """, arguments: [rowid, name, kind.code, rowid, name])
    guard known == 0 else { return }
    try db.run(
      sql: """
        INSERT INTO alias(owner_kind, owner, position, name, dataset)
        VALUES (?, ?, (SELECT coalesce(max(position) + 1, 0) FROM alias
          WHERE owner_kind = ? AND owner = ?), ?, ?)
        """, arguments: [kind.code, rowid, kind.code, rowid, name, dataset.rawValue])
    try insertNameKeys(kind, rowid, name: name)
  }

  /// Writes a name's folded keys and spellings for a record.
  private func insertNameKeys(_ kind: RecordKind, _ rowid: Int64, name: String) throws {
    for nameKey in facts.of(name).keys {
      insertNameKey.bind(1, nameKey.key)
      insertNameKey.bind(2, kind.code)
      insertNameKey.bind(3, rowid)
      insertNameKey.bind(4, nameKey.wordOffset)
      try insertNameKey.run()
    }
    try spellings.add(kind, rowid, names: [name])
  }

  /// Inserts a site; `context` names the areas it lies in, nearest first, for search.
  private func insertSite(
    id: String, name: String, kind: SiteKind, parent: Int64?, country: String, admin: [String],
    location: Location?, context: some Sequence<String>
  ) throws -> Int64 {
    try db.run(
      sql: """
        INSERT INTO site(id, name, sort_key, kind, parent, country, admin1, admin2, latitude,
          longitude, location_precision, location_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        id, name, facts.of(name).sortKey, kind.rawValue, parent, country, admin.first,
        admin.count > 1 ? admin[1] : nil, location?.latitude, location?.longitude,
        location?.precision.rawValue, location?.nativeCode,
      ])
    let rowid = db.lastInsertedRowID
    try indexNamedRecord(.site, rowid, name: name, body: [kind.rawValue] + context)
    newSites += 1
    return rowid
  }

  /// Indexes a new actor, place or source for search, from what this import knows of it:
  /// its name (for the name tiers and the run-together key) and words that describe it.
  private func indexNamedRecord(
    _ kind: RecordKind, _ rowid: Int64, name: String, body: [String]
  ) throws {
    let named = facts.of(name)
    let key = SearchDocument(kind: kind, rowid: rowid, day: nil, names: "", body: "").key
    namedEntries.append(
      NamedEntry(
        key: key, kind: kind, rowid: rowid, names: named.names,
        body: SearchKey.indexText(body.joined(separator: " \n "))))
    try insertNameKeys(kind, rowid, name: name)
  }

  /// `prefix + slug(name)`, or with a hash of the name added when another name took it.
  static func freshID(_ prefix: String, _ name: String, taken: inout Set<String>) -> String {
    var id = prefix + slug(name)
    if taken.contains(id) {
      id += "-" + String(fnv1a(name), radix: 16)
    }
    taken.insert(id)
    return id
  }

  /// A name as an id part: folded, words joined with `-`.
  static func slug(_ name: String) -> String {
    let folded = SearchKey.fold(name).split(separator: " ").joined(separator: "-")
    return folded.isEmpty ? "x" + String(fnv1a(name), radix: 16) : folded
  }

  /// The 64-bit FNV-1a hash of a text's bytes.
  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash
  }
}
