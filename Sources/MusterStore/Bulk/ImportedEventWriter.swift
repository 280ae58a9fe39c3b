import Foundation
import GRDB
import GRDBSQLite
import MusterDomain

/// Writes event-dataset events (ACLED, UCDP) in bulk, inside the caller's transaction.
///
/// Each event becomes an event row, its participants, one document and one citation per
/// reporting source, and its full-text entry. Names become records through
/// `ImportedRecords`; how the indexes are kept while rows go in is an `IndexStrategy`'s
/// business. Statements are bound through SQLite's C API (`RawStatement`).
final class ImportedEventWriter: ImportedEventSink {
  let db: Database
  let indexing: any IndexStrategy
  let records: ImportedRecords
  var counts = EventDatasetImportSummary()
  /// New actors and places merged at the end into records of other datasets.
  private var joined = 0

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
  /// Events there before the import that it has updated or found unchanged: a second row
  /// with the id of one of these, or of an inserted event, is merged into it or refused.
  var seenNow = RowidSet()
  var touchedActors: Set<Int64> = []
  var touchedSites: Set<Int64> = []
  /// Territory events written, by site, for the sites this import made (see
  /// `TerritoryPositions`); and the sites that were there before whose positions must be
  /// derived again.
  private var territoryEvents: [Int64: [Int64]] = [:]
  private var positionsToDerive: Set<Int64> = []
  private var lastSiteBefore: Int64 = 0
  /// How many events gave each actor each ACLED type, as this import changes them.
  var typeTally = ACLEDTypeTally()

  private let findEvent: RawStatement
  private let readEvent: RawStatement
  private let insertEvent: RawStatement
  private let updateEvent: RawStatement
  let insertParticipant: RawStatement
  let readEventForMerge: RawStatement
  private let insertDocument: RawStatement
  private let insertCitation: RawStatement

  struct ExistingEvent {
    let rowid: Int64
    let timestamp: Int?
    let day: Int32
  }

  static let eventColumns = """
    kind, date_first, date_last, date_precision, date_code, site, fatalities_low,
    fatalities_best, fatalities_high, summary, external_id, source_timestamp, classification,
    tags, analyst_status, grade_reliability, grade_credibility, location_precision,
    location_code
    """

  /// A writer inside `db`'s open transaction, keeping indexes as `indexing` does.
  ///
  /// `eventIDHash` is for tests, which make every id collide.
  init(
    db: Database, expectedEvents: Int, indexing: any IndexStrategy,
    eventIDHash: @escaping (String) -> UInt64 = ImportedRecords.fnv1a
  ) throws {
    self.db = db
    self.indexing = indexing
    self.eventIDHash = eventIDHash
    records = try ImportedRecords(db: db)
    findEvent = try RawStatement(
      db, "SELECT rowid, source_timestamp, date_first FROM event WHERE id = ?")
    readEvent = try RawStatement(
      db, "SELECT id, source_timestamp, date_first FROM event WHERE rowid = ?")
    insertEvent = try RawStatement(
      db,
      "INSERT INTO event(id, \(Self.eventColumns)) "
        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        + "?18, ?19, ?20)")
    updateEvent = try RawStatement(
      db,
      "UPDATE event SET (\(Self.eventColumns)) = "
        + "(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20) "
        + "WHERE rowid = ?1")
    insertParticipant = try RawStatement(
      db,
      "INSERT INTO event_actor(event, position, actor, day, role, acled_type) "
        + "VALUES (?, ?, ?, ?, ?, ?)")
    readEventForMerge = try RawStatement(
      db, "SELECT date_first, date_last, site, summary FROM event WHERE rowid = ?")
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
    lastRowidBefore = try db.value(Int64.self, sql: "SELECT max(rowid) FROM event") ?? 0
    lastSiteBefore = try db.value(Int64.self, sql: "SELECT max(rowid) FROM site") ?? 0
    if indexing.dropsIndexes {
      // Sized once: growing a million-entry map rehashes every key each time it doubles.
      let existing = try db.value(Int.self, sql: "SELECT count(*) FROM event") ?? 0
      eventsByHash.reserveCapacity(expectedEvents + existing)
      for row in try db.rows(sql: "SELECT rowid, id FROM event WHERE id GLOB 'event:*:*'") {
        remember(event: try row.get("id"), rowid: try row.get("rowid"))
      }
    }
  }

  /// What the import did so far.
  var summary: EventDatasetImportSummary {
    var summary = counts
    summary.newActors = records.newActors
    summary.newSites = records.newSites
    summary.newSources = records.newSources
    summary.joined = joined
    return summary
  }

  // MARK: Events

  func add(_ event: ImportedEvent) throws -> ImportedEventOutcome {
    let id = event.id.rawValue
    let previous = try lookUp(id)
    if let previous, previous.rowid > lastRowidBefore || seenNow.contains(previous.rowid) {
      // A second row with the id: another actor of the same event (files with one row
      // per actor), or a different event under a taken id.
      return try merge(event, into: previous.rowid)
    }
    if let previous, previous.timestamp == event.sourceTimestamp {
      seenNow.insert(previous.rowid)
      counts.unchanged += 1
      return .unchanged
    }
    let site = try event.place.map { try records.place($0, dataset: event.dataset) }
    var reports: [(document: String, source: Int64, reliability: Int, report: ImportedReport)] = []
    for (index, report) in event.reports.enumerated() {
      let source = try records.source(report.sourceName, dataset: event.dataset)
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
    statement.bind(19, event.place?.location?.precision.rawValue)
    statement.bind(20, event.place?.location?.nativeCode)
    try statement.run()
    let rowid = previous?.rowid ?? sqlite3_last_insert_rowid(insertEvent.connection)
    if previous != nil {
      seenNow.insert(rowid)
    } else if indexing.dropsIndexes {
      remember(event: id, rowid: rowid)
    }

    let day = event.date.first.daysSinceEpoch
    for (position, participant) in event.participants.enumerated() {
      try addParticipant(participant, of: event, rowid: rowid, day: day, position: position)
    }
    try records.coalitions(event.coalitions, dataset: event.dataset)
    for (position, entry) in reports.enumerated() {
      try write(
        entry.report, of: event, as: entry.document, source: entry.source, claim: rowid,
        position: position)
    }
    if let site {
      touchedSites.insert(site)
      if site <= lastSiteBefore {
        // An event at a site that was there before: new, or a newer version of one that
        // may have been a territory event; the site's positions are derived again.
        if previous != nil || TerritoryChange(classification: event.classification) != nil {
          positionsToDerive.insert(site)
        }
      } else if TerritoryChange(classification: event.classification) != nil {
        territoryEvents[site, default: []].append(rowid)
      }
    }

    let searchKey = SearchDocument(
      kind: .event, rowid: rowid, day: event.date.first, names: "", body: "",
      isStatement: event.kind == .statement
    ).key
    try indexing.addEventEntry(key: searchKey, rowid: rowid, text: event.foldedText)

    if previous == nil {
      counts.inserted += 1
      return .inserted
    }
    counts.updated += 1
    return .updated
  }

  /// One source's report of an event: its document, and the event's citation of it.
  func write(
    _ report: ImportedReport, of event: ImportedEvent, as document: String, source: Int64,
    claim rowid: Int64, position: Int
  ) throws {
    let published = report.published ?? event.date
    insertDocument.bind(1, document)
    insertDocument.bind(2, source)
    // An untitled report is titled when shown, from its source (see RecordLoader).
    insertDocument.bind(3, report.title ?? "")
    insertDocument.bind(4, published.first.daysSinceEpoch)
    insertDocument.bind(5, published.last.daysSinceEpoch)
    insertDocument.bind(6, published.precision.rawValue)
    insertDocument.bind(7, published.nativeCode)
    try insertDocument.run()
    insertCitation.bind(1, rowid)
    insertCitation.bind(2, position)
    insertCitation.bind(3, sqlite3_last_insert_rowid(insertDocument.connection))
    insertCitation.bind(4, report.credibility.rawValue)
    try insertCitation.run()
  }

  private func lookUp(_ id: String) throws -> ExistingEvent? {
    guard indexing.dropsIndexes else {
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
    for row in try db.rows(
      sql: "SELECT actor, acled_type FROM event_actor WHERE event = ?",
      arguments: [previous.rowid])
    {
      let actor: Int64 = try row.get("actor")
      touchedActors.insert(actor)
      if let type: Int = try row.get("acled_type") { typeTally.count(actor: actor, type: type, -1) }
    }
    if let site = try db.value(
      Int64.self, sql: "SELECT site FROM event WHERE rowid = ?", arguments: [previous.rowid])
    {
      touchedSites.insert(site)
      // Its positions cite this event's documents, about to go: they are removed now and
      // derived again at the end.
      try TerritoryPositions(db: db).remove(site: site)
      positionsToDerive.insert(site)
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

  // MARK: Finishing

  /// Hands the named records' entries to the strategy, which brings every index back, and
  /// refreshes latest-activity days; all inside the import's transaction.
  func finish() throws {
    // No more events come: the map of them is let go before the index builds, which need
    // memory of their own.
    eventsByHash = [:]
    collidedEvents = [:]
    seenNow = RowidSet()
    try typeTally.write(db)
    try records.flushSpellings()
    try indexing.finish(namedEntries: records.namedEntries, refreshActivity: refreshActivity)
    // With the events written and the indexes whole: the certain matches merge.
    joined = try records.matching.mergePending(at: Int(time(nil)))
    try derivePositions()
  }

  /// Derives the positions of the sites whose territory events changed: a site this import
  /// made from the events it wrote there; one that was there before, or that a new site
  /// was merged into, from every event at it.
  private func derivePositions() throws {
    var sites = positionsToDerive
    var fromImport: [Int64: [Int64]] = [:]
    var mergedInto: [Int64: Int64] = [:]
    for match in records.matching.pending where match.kind == .site {
      mergedInto[match.new] = match.kept
    }
    for (site, events) in territoryEvents {
      if let kept = mergedInto[site] {
        sites.insert(kept)
      } else {
        sites.insert(site)
        fromImport[site] = events
      }
    }
    try TerritoryPositions(db: db).derive(sites: sites, events: fromImport)
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
}
