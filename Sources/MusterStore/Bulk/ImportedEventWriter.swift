import GRDB
import GRDBSQLite
import MusterDomain

/// Writes field-dataset events (ACLED, UCDP) in bulk, inside the caller's transaction.
///
/// Names become records through in-memory maps loaded once (actors by name, places by name
/// and coordinates, administrative areas by path, sources by name). Each event becomes an
/// event row, its participants, one document and one citation per reporting source, and
/// its full-text entry. Statements are bound through SQLite's C API (`RawStatement`).
///
/// When the import is large against what the database holds, the secondary indexes are
/// dropped first and rebuilt by `finish()`, still inside the transaction: a crash at any
/// point leaves the database exactly as it was before. When, besides, the database holds
/// no events of an earlier event dataset import (so none is updated), the full-text index is built
/// on another core by a `FullTextBuilder` and copied in by `finish()`.
final class ImportedEventWriter: ImportedEventSink {
  let db: Database
  let rebuildsIndexes: Bool
  /// Builds the full-text index in parallel; `nil` when it is built here.
  let fullText: FullTextBuilder?
  /// The schema name under which the builder's database is attached.
  static let fullTextSchema = "fulltext"
  /// Entries not yet handed to `fullText`.
  private var fullTextEntries: [FullTextBuilder.Entry] = []
  var summary = EventDatasetImportSummary()

  private var actors: [NameKey: Int64] = [:]
  private var takenActorIDs: Set<String> = []
  private var places: [String: Int64] = [:]
  private var placesByKey: [PlaceKey: Int64] = [:]
  private var areas: [String: Int64] = [:]
  private var sources: [NameKey: (rowid: Int64, reliability: Int)] = [:]
  private var takenSourceIDs: Set<String> = []
  /// Event rowids by a 64-bit hash of their id, when the id index is dropped.
  ///
  /// Holds the imported events there before the import and those it writes: 16 bytes an
  /// event (32 MB reserved at a million), where a map keyed by the ids themselves reserved
  /// 96 MB. A hit is checked against the row's id; an event whose hash another id holds
  /// goes into `collidedEvents`.
  private var eventsByHash: [UInt64: Int64] = [:]
  private let eventIDHash: (String) -> UInt64
  /// Events whose id's hash was taken by another id's, by id.
  private var collidedEvents: [String: Int64] = [:]
  /// Rowids above this one were inserted by this import.
  private var lastRowidBefore: Int64 = 0
  /// Events there before the import that it has updated (a second row with the id of one
  /// of these, or of an inserted event, is a duplicate).
  private var updatedNow: Set<Int64> = []
  /// The terms of the events written, while there are few of them; past
  /// `termCollectionLimit` events the terms are read back from the index at the end.
  private var newTerms: Set<Substring> = []
  private var termsOverflowed = false
  static let termCollectionLimit = 20_000
  private var touchedActors: Set<Int64> = []
  private var touchedSites: Set<Int64> = []

  private let findEvent: RawStatement
  private let readEvent: RawStatement
  private let insertEvent: RawStatement
  private let updateEvent: RawStatement
  private let insertParticipant: RawStatement
  private let insertDocument: RawStatement
  private let insertCitation: RawStatement
  /// Search entries of new actors, places and sources, written in key order at the end.
  private var namedEntries:
    [(key: Int64, kind: RecordKind, rowid: Int64, names: String, body: String)] =
      []
  /// Each written event's key and folded text, in arrival order; sorted into `search_text`
  /// at the end.
  private let stageEntry: RawStatement
  /// Writes an event's `search_text` row straight away, when `fullText` builds the index.
  private let insertSearchText: RawStatement
  private let insertNameKey: RawStatement

  /// Imports at least this large drop and rebuild secondary indexes, and try a rollback
  /// journal.
  static let largeImport = 10_000

  struct ExistingEvent {
    let rowid: Int64
    let timestamp: Int?
    let day: Int32
  }

  static let eventColumns = """
    kind, date_first, date_last, date_precision, date_code, site, fatalities_low,
    fatalities_best, fatalities_high, summary, external_id, source_timestamp, classification,
    tags, analyst_status, grade_reliability, grade_credibility
    """

  /// A writer inside `db`'s open transaction.
  ///
  /// `fullText`, when given, is attached to `db` as `fulltext`; it is used when this
  /// import rebuilds the indexes and updates no events. `eventIDHash` is for tests, which
  /// make every id collide.
  init(
    db: Database, expectedEvents: Int, fullText: FullTextBuilder? = nil,
    eventIDHash: @escaping (String) -> UInt64 = ImportedEventWriter.fnv1a
  ) throws {
    self.db = db
    self.eventIDHash = eventIDHash
    let existingEvents = try db.value(Int.self, sql: "SELECT count(*) FROM event") ?? 0
    rebuildsIndexes = expectedEvents >= max(existingEvents, Self.largeImport)
    let updatesNone =
      try db.value(Int.self, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE id GLOB 'event:*:*')")
      == 0
    self.fullText = rebuildsIndexes && updatesNone ? fullText : nil
    findEvent = try RawStatement(
      db, "SELECT rowid, source_timestamp, date_first FROM event WHERE id = ?")
    readEvent = try RawStatement(
      db, "SELECT id, source_timestamp, date_first FROM event WHERE rowid = ?")
    insertEvent = try RawStatement(
      db,
      "INSERT INTO event(id, \(Self.eventColumns)) "
        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"
    )
    updateEvent = try RawStatement(
      db,
      "UPDATE event SET (\(Self.eventColumns)) = "
        + "(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) "
        + "WHERE rowid = ?1")
    insertParticipant = try RawStatement(
      db, "INSERT INTO event_actor(event, position, actor, day, role) VALUES (?, ?, ?, ?, ?)")
    insertDocument = try RawStatement(
      db,
      """
      INSERT INTO document(id, source, title, published_first, published_last,
        published_precision, published_code) VALUES (?, ?, ?, ?, ?, ?, ?)
      """)
    insertCitation = try RawStatement(
      db,
      "INSERT INTO citation(claim_kind, claim, position, document, credibility) "
        + "VALUES (\(RecordKind.event.code), ?, ?, ?, ?)")
    try db.execute(
      sql: "CREATE TEMP TABLE staged_entries(key INTEGER NOT NULL, body TEXT NOT NULL)")
    stageEntry = try RawStatement(db, "INSERT INTO temp.staged_entries(key, body) VALUES (?, ?)")
    insertSearchText = try RawStatement(
      db,
      "INSERT INTO search_text(rowid, kind, record, names, body) "
        + "VALUES (?1, \(RecordKind.event.code), ?2, '', ?3)")
    insertNameKey = try RawStatement(
      db, "INSERT OR IGNORE INTO name_key(key, kind, record, word_offset) VALUES (?, ?, ?, ?)")
    try loadKnownRecords(expectedEvents: expectedEvents, existingEvents: existingEvents)
    if let builder = self.fullText {
      // The builder's index replaces the catalog's, so it gets the entries already there.
      var entries: [FullTextBuilder.Entry] = []
      for row in try db.rows(sql: "SELECT rowid, names, body FROM search_text") {
        entries.append(
          FullTextBuilder.Entry(
            key: try row.get("rowid"), names: try row.get("names"), body: try row.get("body")))
        if entries.count == 4096 {
          builder.add(entries)
          entries = []
        }
      }
      builder.add(entries)
      // The rows go into `search_text` here; the index is the builder's.
      try db.execute(sql: "DROP TRIGGER search_text_inserted")
    }
    if rebuildsIndexes {
      // Rows are appended: a small cache does as well as a large one while they are written.
      try db.execute(sql: "PRAGMA cache_size = -8000")
      for index in droppedIndexes {
        try db.execute(sql: index.dropSQL)
      }
    }
  }

  /// The indexes this import drops and rebuilds.
  ///
  /// `Schema.bulkIndexes`, but for `search_text_by_record` when the builder builds the
  /// full-text index. Then this writer adds the events' `search_text` rows in the order of
  /// their rowids, so that index grows at its right edge, which costs less than building
  /// it afterwards (1.3 s at 1M events, on one core while nothing else ran).
  private var droppedIndexes: [IndexDefinition] {
    Schema.bulkIndexes.filter { fullText == nil || $0.table != "search_text" }
  }

  /// Loads the actors, places, areas and sources event dataset imports made before.
  private func loadKnownRecords(expectedEvents: Int, existingEvents: Int) throws {
    for row in try db.rows(sql: "SELECT rowid, id, name FROM actor WHERE id GLOB 'actor:*:*'") {
      let id: String = try row.get("id")
      takenActorIDs.insert(id)
      guard let dataset = Self.dataset(of: id) else { continue }
      actors[NameKey(dataset: dataset, name: try row.get("name"))] = try row.get("rowid")
    }
    for row in try db.rows(
      sql: "SELECT rowid, id, reliability, name FROM source WHERE id GLOB 'source:*:*'")
    {
      let id: String = try row.get("id")
      takenSourceIDs.insert(id)
      guard let dataset = Self.dataset(of: id) else { continue }
      sources[NameKey(dataset: dataset, name: try row.get("name"))] = (
        try row.get("rowid"), try row.get("reliability")
      )
    }
    for row in try db.rows(sql: "SELECT rowid, id FROM site WHERE id GLOB 'site:*:*'") {
      let id: String = try row.get("id")
      if id.contains(":area:") {
        areas[id] = try row.get("rowid")
      } else {
        places[id] = try row.get("rowid")
      }
    }
    lastRowidBefore = try db.value(Int64.self, sql: "SELECT max(rowid) FROM event") ?? 0
    if rebuildsIndexes {
      // Sized once: growing a million-entry map rehashes every key each time it doubles.
      eventsByHash.reserveCapacity(expectedEvents + existingEvents)
      for row in try db.rows(sql: "SELECT rowid, id FROM event WHERE id GLOB 'event:*:*'") {
        remember(event: try row.get("id"), rowid: try row.get("rowid"))
      }
    }
  }

  /// The dataset of `actor:acled:...`.
  static func dataset(of id: String) -> EventDataset? {
    let parts = id.split(separator: ":", maxSplits: 2)
    guard parts.count == 3 else { return nil }
    return EventDataset(rawValue: String(parts[1]))
  }

  /// An actor or source name within one dataset's namespace.
  struct NameKey: Hashable {
    let dataset: EventDataset
    let name: String
  }

  // MARK: Events

  func add(_ event: ImportedEvent) throws -> ImportedEventOutcome {
    let id = event.id.rawValue
    let previous = try lookUp(id)
    if let previous, previous.rowid > lastRowidBefore || updatedNow.contains(previous.rowid) {
      return .duplicate
    }
    if let previous, previous.timestamp == event.sourceTimestamp {
      summary.unchanged += 1
      return .unchanged
    }
    let site = try event.place.map { try place($0, dataset: event.dataset) }
    var reports: [(document: String, source: Int64, reliability: Int, report: ImportedReport)] = []
    for (index, report) in event.reports.enumerated() {
      let source = try source(report.sourceName, dataset: event.dataset)
      reports.append(
        (
          "document:\(event.dataset.rawValue):\(event.externalID):\(index + 1)", source.rowid,
          source.reliability, report
        ))
    }
    let grade = reports.map { ($0.reliability, $0.report.credibility.rawValue) }.min { $0 < $1 }
    let statement: RawStatement
    if let previous {
      try removeChildren(ofEvent: previous)
      statement = updateEvent
      statement.bind(1, previous.rowid)
    } else {
      statement = insertEvent
      statement.bind(1, id)
    }
    statement.bind(2, event.kind.rawValue)
    statement.bind(3, event.date.first.daysSinceEpoch)
    statement.bind(4, event.date.last.daysSinceEpoch)
    statement.bind(5, event.date.precision.rawValue)
    statement.bind(6, event.date.nativeCode)
    statement.bind(7, site.map { Int($0) })
    statement.bind(8, event.fatalities?.low)
    statement.bind(9, event.fatalities?.best)
    statement.bind(10, event.fatalities?.high)
    statement.bind(11, event.summary)
    statement.bind(12, event.externalID)
    statement.bind(13, event.sourceTimestamp)
    statement.bind(14, PackedList.pack(event.classification))
    statement.bind(15, PackedList.pack(event.tags))
    statement.bind(16, AnalystStatus.unverified.rawValue)
    statement.bind(17, grade?.0)
    statement.bind(18, grade?.1)
    try statement.run()
    let rowid = previous?.rowid ?? sqlite3_last_insert_rowid(insertEvent.connection)
    if previous != nil {
      updatedNow.insert(rowid)
    } else if rebuildsIndexes {
      remember(event: id, rowid: rowid)
    }

    let day = event.date.first.daysSinceEpoch
    for (position, participant) in event.participants.enumerated() {
      let actor = try actor(participant, dataset: event.dataset)
      insertParticipant.bind(1, rowid)
      insertParticipant.bind(2, position)
      insertParticipant.bind(3, actor)
      insertParticipant.bind(4, day)
      insertParticipant.bind(5, participant.role.rawValue)
      try insertParticipant.run()
      touchedActors.insert(actor)
    }
    for (position, entry) in reports.enumerated() {
      let published = entry.report.published ?? event.date
      insertDocument.bind(1, entry.document)
      insertDocument.bind(2, entry.source)
      // An untitled report is titled when shown, from its source (see RecordLoader).
      insertDocument.bind(3, entry.report.title ?? "")
      insertDocument.bind(4, published.first.daysSinceEpoch)
      insertDocument.bind(5, published.last.daysSinceEpoch)
      insertDocument.bind(6, published.precision.rawValue)
      insertDocument.bind(7, published.nativeCode)
      try insertDocument.run()
      insertCitation.bind(1, rowid)
      insertCitation.bind(2, position)
      insertCitation.bind(3, sqlite3_last_insert_rowid(insertDocument.connection))
      insertCitation.bind(4, entry.report.credibility.rawValue)
      try insertCitation.run()
    }
    if let site { touchedSites.insert(site) }

    let searchKey = SearchDocument(
      kind: .event, rowid: rowid, day: event.date.first, names: "", body: "",
      isStatement: event.kind == .statement
    ).key
    if let fullText {
      insertSearchText.bind(1, searchKey)
      insertSearchText.bind(2, rowid)
      insertSearchText.bind(3, event.foldedText)
      try insertSearchText.run()
      fullTextEntries.append(
        FullTextBuilder.Entry(key: searchKey, names: "", body: event.foldedText))
      if fullTextEntries.count >= 1024 {
        fullText.add(fullTextEntries)
        fullTextEntries.removeAll(keepingCapacity: true)
      }
    } else {
      stageEntry.bind(1, searchKey)
      stageEntry.bind(2, event.foldedText)
      try stageEntry.run()
    }
    if !termsOverflowed {
      newTerms.formUnion(SearchTerms.terms(of: event.foldedText))
      termsOverflowed = summary.inserted + summary.updated >= Self.termCollectionLimit
      if termsOverflowed { newTerms = [] }
    }

    if previous == nil {
      summary.inserted += 1
      return .inserted
    }
    summary.updated += 1
    return .updated
  }

  private func lookUp(_ id: String) throws -> ExistingEvent? {
    guard rebuildsIndexes else {
      findEvent.bind(1, id)
      return try findEvent.first { handle in
        ExistingEvent(
          rowid: sqlite3_column_int64(handle, 0), timestamp: RawStatement.integer(handle, 1),
          day: Int32(truncatingIfNeeded: RawStatement.integer(handle, 2) ?? 0))
      }
    }
    let rowid: Int64
    if !collidedEvents.isEmpty, let collided = collidedEvents[id] {
      rowid = collided
    } else if let hashed = eventsByHash[eventIDHash(id)] {
      rowid = hashed
    } else {
      return nil
    }
    readEvent.bind(1, rowid)
    return try readEvent.first { handle -> ExistingEvent? in
      // Another id with the same hash: not this event.
      guard RawStatement.text(handle, 0) == id else { return nil }
      return ExistingEvent(
        rowid: rowid, timestamp: RawStatement.integer(handle, 1),
        day: Int32(truncatingIfNeeded: RawStatement.integer(handle, 2) ?? 0))
    } ?? nil
  }

  /// Notes an event's rowid by its id, for `lookUp`.
  private func remember(event id: String, rowid: Int64) {
    let hash = eventIDHash(id)
    if eventsByHash[hash] == nil {
      eventsByHash[hash] = rowid
    } else {
      collidedEvents[id] = rowid
    }
  }

  /// Removes what an event's previous version wrote besides its row: participants, its own
  /// documents and their citations, and its full-text entry.
  private func removeChildren(ofEvent previous: ExistingEvent) throws {
    let event = RecordKind.event.code
    // The old entry's key has the statement code if the old version was a statement.
    let keys = [false, true].map { isStatement in
      SearchDocument(
        kind: .event, rowid: previous.rowid, day: Day(daysSinceEpoch: Int(previous.day)),
        names: "", body: "", isStatement: isStatement
      ).key
    }
    touchedActors.formUnion(
      try db.values(
        Int64.self, sql: "SELECT actor FROM event_actor WHERE event = ?",
        arguments: [previous.rowid]))
    if let site = try db.value(
      Int64.self, sql: "SELECT site FROM event WHERE rowid = ?", arguments: [previous.rowid])
    {
      touchedSites.insert(site)
    }
    try db.run(sql: "DELETE FROM event_actor WHERE event = ?", arguments: [previous.rowid])
    let documents = try db.values(
      Int64.self, sql: "SELECT document FROM citation WHERE claim_kind = \(event) AND claim = ?",
      arguments: [previous.rowid])
    try db.run(
      sql: "DELETE FROM citation WHERE claim_kind = \(event) AND claim = ?",
      arguments: [previous.rowid])
    for document in documents {
      try db.run(sql: "DELETE FROM document WHERE rowid = ?", arguments: [document])
    }
    try db.run(
      sql: "DELETE FROM search_text WHERE rowid IN (?, ?)", arguments: [keys[0], keys[1]])
  }

  // MARK: Names to records

  /// Indexes a new actor, place or source for search, from what this import knows of it:
  /// its name (for the name tiers and the run-together key) and words that describe it.
  private func indexNamedRecord(
    _ kind: RecordKind, _ rowid: Int64, name: String, body: [String]
  ) throws {
    let keys = SearchKey.nameKeys(name)
    let names = ([SearchKey.indexText(name)] + keys.filter { $0.wordOffset == 0 }.map(\.key))
      .joined(separator: " ")
    let key = SearchDocument(kind: kind, rowid: rowid, day: nil, names: "", body: "").key
    namedEntries.append(
      (key, kind, rowid, names, SearchKey.indexText(body.joined(separator: " \n "))))
    for nameKey in keys {
      insertNameKey.bind(1, nameKey.key)
      insertNameKey.bind(2, kind.code)
      insertNameKey.bind(3, rowid)
      insertNameKey.bind(4, nameKey.wordOffset)
      try insertNameKey.run()
    }
  }

  private func actor(_ participant: ImportedParticipant, dataset: EventDataset) throws -> Int64 {
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
    summary.newActors += 1
    return rowid
  }

  private func source(_ name: String, dataset: EventDataset) throws -> (
    rowid: Int64, reliability: Int
  ) {
    let key = NameKey(dataset: dataset, name: name)
    if let known = sources[key] { return known }
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
    try indexNamedRecord(.source, known.0, name: name, body: ["Named by \(dataset.displayName)"])
    summary.newSources += 1
    return known
  }

  /// The place's site, creating it and the areas it lies in as needed.
  private func place(_ place: ImportedPlace, dataset: EventDataset) throws -> Int64 {
    let key = PlaceKey(
      dataset: dataset, name: place.name, latitude: place.location?.latitude,
      longitude: place.location?.longitude, country: place.country)
    if let rowid = placesByKey[key] { return rowid }
    let prefix = "site:\(dataset.rawValue):"
    let coordinates =
      place.location.map { "\($0.latitude),\($0.longitude)" } ?? Self.slug(place.country)
    let id = prefix + Self.slug(place.name) + "@" + coordinates
    if let rowid = places[id] {
      placesByKey[key] = rowid
      return rowid
    }
    var parent: Int64?
    var path: [String] = []
    for (depth, area) in ([place.country] + place.areas).enumerated() {
      path.append(Self.slug(area))
      let areaID = prefix + "area:" + path.joined(separator: "/")
      if let known = areas[areaID] {
        parent = known
        continue
      }
      let areasSoFar = Array(place.areas.prefix(depth))
      parent = try insertSite(
        id: areaID, name: area, kind: depth == 0 ? .country : .area, parent: parent,
        country: place.country, admin: areasSoFar, location: nil,
        context: ([place.country] + place.areas).prefix(depth).reversed())
      areas[areaID] = parent
    }
    let rowid = try insertSite(
      id: id, name: place.name, kind: .town, parent: parent, country: place.country,
      admin: place.areas, location: place.location,
      context: ([place.country] + place.areas).reversed())
    places[id] = rowid
    placesByKey[key] = rowid
    return rowid
  }

  /// What identifies a place without building its id: name and coordinates (or country).
  struct PlaceKey: Hashable {
    let dataset: EventDataset
    let name: String
    let latitude: Double?
    let longitude: Double?
    let country: String
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
        id, name, SortKey.of(name), kind.rawValue, parent, country, admin.first,
        admin.count > 1 ? admin[1] : nil, location?.latitude, location?.longitude,
        location?.precision.rawValue, location?.nativeCode,
      ])
    let rowid = db.lastInsertedRowID
    try indexNamedRecord(.site, rowid, name: name, body: [kind.rawValue] + context)
    summary.newSites += 1
    return rowid
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

  static func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash
  }

  // MARK: Finishing

  /// Rebuilds dropped indexes, indexes new actors, places and sources for search, and
  /// refreshes latest-activity days; all inside the import's transaction.
  func finish() throws {
    // No more events come: the map of them is let go before the index builds, which need
    // memory of their own; they sort with a second thread.
    eventsByHash = [:]
    collidedEvents = [:]
    updatedNow = []
    if rebuildsIndexes {
      // A larger cache made no build faster in `make bench` (20 or 40 MB against 10 MB at
      // 1M events), and with the sorter threads it cost up to 70 MB more.
      try db.execute(sql: "PRAGMA cache_size = -10000; PRAGMA threads = 2")
    }
    if let fullText {
      try finish(buildingIn: fullText)
      return
    }
    // Entries go in in ascending key order: FTS5 flushes its pending buffer whenever a rowid
    // arrives lower than the one before, and a B-tree grows best at its right edge. A large
    // import writes the entries without the trigger and rebuilds the full-text index in one
    // pass, FTS5's fastest way to build it.
    if rebuildsIndexes { try db.execute(sql: "DROP TRIGGER search_text_inserted") }
    for entry in namedEntries.sorted(by: { $0.key < $1.key }) {
      try db.run(
        sql: "INSERT INTO search_text(rowid, kind, record, names, body) VALUES (?, ?, ?, ?, ?)",
        arguments: [entry.key, entry.kind.code, entry.rowid, entry.names, entry.body])
    }
    try db.execute(
      sql: """
        INSERT INTO search_text(rowid, kind, record, names, body)
          SELECT key, \(RecordKind.event.code), key & \(SearchDocument.maximumRowid - 1), '', body
          FROM temp.staged_entries ORDER BY key;
        DROP TABLE temp.staged_entries;
        """)
    if rebuildsIndexes {
      try db.execute(
        sql: """
          INSERT INTO search_index(search_index) VALUES ('rebuild');
          \(Schema.insertTrigger);
          """)
    }
    if rebuildsIndexes {
      for index in Schema.bulkIndexes {
        try db.execute(sql: index.createSQL)
      }
    }
    try refreshActivity()
    if rebuildsIndexes || termsOverflowed {
      try SearchTerms.rebuild(db)
    } else {
      try SearchTerms.add(
        newTerms
          + namedEntries.flatMap {
            SearchTerms.terms(of: $0.names) + SearchTerms.terms(of: $0.body)
          }, db)
    }
    if rebuildsIndexes {
      try db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA threads = 0")
    }
  }

  /// Refreshes the latest-activity days of the actors and sites the import touched, and the
  /// events per day.
  private func refreshActivity() throws {
    for actor in touchedActors {
      try db.run(
        sql: "UPDATE actor SET last_day = (SELECT max(day) FROM event_actor WHERE actor = ?1) "
          + "WHERE rowid = ?1", arguments: [actor])
    }
    for site in touchedSites {
      try db.run(
        sql: "UPDATE site SET last_day = (SELECT max(date_first) FROM event WHERE site = ?1) "
          + "WHERE rowid = ?1", arguments: [site])
    }
    try Schema.refreshEventDays(db)
  }

  /// `finish()` when the full-text index is built by `builder`.
  ///
  /// The other indexes are rebuilt here while the builder finishes; then its tables replace
  /// the catalog's full-text index tables (this writer wrote the `search_text` rows). The index is dropped and created again rather than
  /// emptied, so this connection holds nothing cached of the old one.
  private func finish(buildingIn builder: FullTextBuilder) throws {
    for entry in namedEntries {
      try db.run(
        sql: "INSERT INTO search_text(rowid, kind, record, names, body) VALUES (?, ?, ?, ?, ?)",
        arguments: [entry.key, entry.kind.code, entry.rowid, entry.names, entry.body])
      fullTextEntries.append(
        FullTextBuilder.Entry(key: entry.key, names: entry.names, body: entry.body))
    }
    builder.add(fullTextEntries)
    fullTextEntries = []
    builder.endInput()
    try db.execute(sql: "DROP TABLE temp.staged_entries")
    for index in droppedIndexes {
      try db.execute(sql: index.createSQL)
    }
    try refreshActivity()
    try builder.wait()
    let from = Self.fullTextSchema
    try db.execute(
      sql: """
        DROP TRIGGER search_text_deleted;
        DROP TRIGGER search_text_updated;
        DROP TABLE search_index;
        \(Schema.searchIndexTable);
        DELETE FROM search_index_data;
        DELETE FROM search_index_idx;
        DELETE FROM search_index_docsize;
        INSERT INTO search_index_data SELECT * FROM \(from).search_index_data;
        INSERT INTO search_index_idx SELECT * FROM \(from).search_index_idx;
        INSERT INTO search_index_docsize SELECT * FROM \(from).search_index_docsize;
        DELETE FROM search_term;
        INSERT INTO search_term SELECT * FROM \(from).search_term;
        \(Schema.insertTrigger);
        \(Schema.deleteTrigger);
        \(Schema.updateTrigger);
        """)
    try db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA threads = 0")
  }
}

extension SQLiteCatalogWriter: EventDatasetImporting {
  /// Imports field-dataset events in one transaction; see `ImportedEventWriter`.
  public func importEvents(
    expectedEvents: Int, _ produce: (any ImportedEventSink) throws -> Void
  ) throws -> EventDatasetImportSummary {
    try importEvents(
      expectedEvents: expectedEvents, eventIDHash: ImportedEventWriter.fnv1a, produce)
  }

  /// `importEvents` with the hash the writer keys events by (tests make ids collide).
  func importEvents(
    expectedEvents: Int, eventIDHash: @escaping (String) -> UInt64,
    _ produce: (any ImportedEventSink) throws -> Void
  ) throws -> EventDatasetImportSummary {
    // The caller's own errors (bad rows in strict mode, cancellation) pass through as they
    // are; only the database's become `StoreError`s.
    try StoreError.mappingDatabaseErrors(path: catalog.path) {
      let rollbackJournal =
        expectedEvents >= ImportedEventWriter.largeImport ? try useRollbackJournal() : false
      defer {
        if rollbackJournal {
          _ = try? catalog.database.writeWithoutTransaction { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
          }
        }
      }
      let fullText =
        expectedEvents >= ImportedEventWriter.largeImport
        ? try FullTextBuilder(besides: catalog.path) : nil
      defer { fullText?.close() }
      return try catalog.database.writeWithoutTransaction { db in
        if let fullText {
          // Attached before the transaction (SQLite refuses it inside one), which is
          // deferred so that it does not lock the builder's file until it reads it.
          try db.execute(
            sql: "ATTACH DATABASE ? AS \(ImportedEventWriter.fullTextSchema)",
            arguments: [fullText.path])
        }
        defer {
          if fullText != nil {
            try? db.execute(sql: "DETACH DATABASE \(ImportedEventWriter.fullTextSchema)")
          }
        }
        var summary = EventDatasetImportSummary()
        try db.inTransaction(.deferred) {
          // Take the write lock first, as an immediate transaction would.
          try db.execute(sql: "DELETE FROM meta WHERE 0")
          let writer = try ImportedEventWriter(
            db: db, expectedEvents: expectedEvents, fullText: fullText, eventIDHash: eventIDHash)
          try produce(writer)
          try writer.finish()
          summary = writer.summary
          return .commit
        }
        return summary
      }
    }
  }

  /// Switches to a rollback journal for one large import when no other connection has the
  /// database open; returns whether it did.
  ///
  /// In WAL mode one huge transaction writes every page twice: into the log, then into the
  /// database at the checkpoint. A rollback journal keeps the same guarantee (a crash rolls
  /// the transaction back when the database is next opened) while new pages are written
  /// once, since only pages that existed before the transaction are journaled. SQLite
  /// refuses the switch while other connections (kiosks, browsers) are open, and the
  /// import then stays in WAL mode so they keep reading the old data throughout.
  func useRollbackJournal() throws -> Bool {
    try catalog.database.writeWithoutTransaction { db in
      let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
      return mode?.lowercased() == "delete"
    }
  }
}
