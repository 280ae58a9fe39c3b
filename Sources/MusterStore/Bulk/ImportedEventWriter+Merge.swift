import GRDB
import MusterDomain

extension ImportedEventWriter {
  /// Writes one participant row, counting the ACLED type it acts under as a principal.
  func addParticipant(
    _ participant: ImportedParticipant, of event: ImportedEvent, rowid: Int64, day: Int,
    position: Int
  ) throws {
    let actor = try records.actor(participant, dataset: event.dataset)
    let type = participant.role == .associated ? nil : participant.acledType
    insertParticipant.bind(1, rowid)
    insertParticipant.bind(2, position)
    insertParticipant.bind(3, actor)
    insertParticipant.bind(4, day)
    insertParticipant.bind(5, participant.role.rawValue)
    insertParticipant.bind(6, type)
    try insertParticipant.run()
    touchedActors.insert(actor)
    if let type, event.dataset == .acled { typeTally.count(actor: actor, type: type, 1) }
  }

  /// A second row with an event's id: when it gives the same date, place and description,
  /// its actors and sources not yet on the event are added to it (files with one row per
  /// actor); otherwise it is a different event under a taken id, and nothing is written.
  func merge(_ event: ImportedEvent, into rowid: Int64) throws -> ImportedEventOutcome {
    readEventForMerge.bind(1, rowid)
    let stored = try readEventForMerge.first { handle in
      (
        first: RawStatement.integer(handle, 0), last: RawStatement.integer(handle, 1),
        site: RawStatement.integer(handle, 2).map(Int64.init),
        summary: RawStatement.text(handle, 3)
      )
    }
    let site = event.place.flatMap { records.existingPlace($0, dataset: event.dataset) }
    guard let stored, stored.first == event.date.first.daysSinceEpoch,
      stored.last == event.date.last.daysSinceEpoch, stored.summary == event.summary,
      stored.site == site
    else { return .duplicate }

    var present: Set<String> = []
    var position = 0
    for row in try db.rows(
      sql: """
        SELECT actor.name, event_actor.role, event_actor.position FROM event_actor
        JOIN actor ON actor.rowid = event_actor.actor WHERE event_actor.event = ?
        """, arguments: [rowid])
    {
      present.insert("\(try row.get("role") as String) \(try row.get("name") as String)")
      position = max(position, try row.get("position") + 1)
    }
    let day = event.date.first.daysSinceEpoch
    var added = 0
    for participant in event.participants
    where present.insert("\(participant.role.rawValue) \(participant.name)").inserted {
      try addParticipant(participant, of: event, rowid: rowid, day: day, position: position)
      position += 1
      added += 1
    }
    added += try mergeReports(event, into: rowid)
    guard added > 0 else { return .repeated }
    try records.coalitions(event.coalitions, dataset: event.dataset)
    counts.merged += 1
    return .merged
  }

  /// Adds the row's sources that the event does not cite yet; returns how many.
  private func mergeReports(_ event: ImportedEvent, into rowid: Int64) throws -> Int {
    var added = 0
    let claim = RecordKind.event.code
    var cited = Set(
      try db.values(
        String.self,
        sql: """
          SELECT source.name FROM citation JOIN document ON document.rowid = citation.document
          JOIN source ON source.rowid = document.source
          WHERE citation.claim_kind = \(claim) AND citation.claim = ?
          """, arguments: [rowid]))
    var position =
      try db.value(
        Int.self,
        sql: "SELECT max(position) + 1 FROM citation WHERE claim_kind = \(claim) AND claim = ?",
        arguments: [rowid]) ?? 0
    for report in event.reports where cited.insert(report.sourceName).inserted {
      let source = try records.source(report.sourceName, dataset: event.dataset)
      try write(
        report, of: event,
        as: "document:\(event.dataset.rawValue):\(event.externalID):\(position + 1)",
        source: source.rowid, claim: rowid, position: position)
      position += 1
      added += 1
    }
    return added
  }
}

/// A set of rowids as bits: an import's events are numbered densely, so a million of them
/// take 128 KB where a `Set<Int64>` takes tens of megabytes.
struct RowidSet {
  /// Rowids below this are bits (at most 32 MB); any above, a set.
  static let denseLimit: Int64 = 1 << 28
  private var words: [UInt64] = []
  private var sparse: Set<Int64> = []

  func contains(_ rowid: Int64) -> Bool {
    guard rowid >= 0, rowid < Self.denseLimit else { return sparse.contains(rowid) }
    let word = Int(rowid >> 6)
    return word < words.count && words[word] & (1 << UInt64(rowid & 63)) != 0
  }

  mutating func insert(_ rowid: Int64) {
    guard rowid >= 0, rowid < Self.denseLimit else {
      sparse.insert(rowid)
      return
    }
    let word = Int(rowid >> 6)
    if word >= words.count { words += [UInt64](repeating: 0, count: word - words.count + 1) }
    words[word] |= 1 << UInt64(rowid & 63)
  }
}

/// How many events gave each actor each ACLED type as a principal (`actor1`, `actor2`),
/// counted as an import goes; written at the end, when each actor takes its most frequent
/// type (and the kind that type makes), the others kept beside it.
///
/// The counts are a flat array indexed by actor rowid and type: actors are numbered densely,
/// and a dictionary lookup on every participant of a million events cost the writing thread
/// more than the rest of the tally.
struct ACLEDTypeTally {
  /// Nine counts (types 0–8) an actor, from rowid 0.
  private var changes: [Int32] = []
  /// Whether an actor's counts changed, by rowid; and those actors in order.
  private var isTouched: [Bool] = []
  private var touched: [Int64] = []
  /// Counts of actors numbered beyond the array.
  private var sparse: [Int64: [Int32]] = [:]

  mutating func count(actor: Int64, type: Int, _ change: Int32) {
    guard (0...8).contains(type) else { return }
    guard actor >= 0, actor < 1 << 22 else {
      // Far beyond any dense numbering: counted aside.
      if sparse[actor] == nil { touched.append(actor) }
      sparse[actor, default: [Int32](repeating: 0, count: 9)][type] += change
      return
    }
    let index = Int(actor)
    if index >= isTouched.count {
      let grown = max(index + 1, isTouched.count * 2)
      isTouched += [Bool](repeating: false, count: grown - isTouched.count)
      changes += [Int32](repeating: 0, count: grown * 9 - changes.count)
    }
    if !isTouched[index] {
      isTouched[index] = true
      touched.append(actor)
    }
    changes[index * 9 + type] += change
  }

  func write(_ db: Database) throws {
    for actor in touched {
      let counts = sparse[actor] ?? Array(changes[Int(actor) * 9..<Int(actor) * 9 + 9])
      for type in 1...8 where counts[type] != 0 {
        try db.execute(
          sql: """
            INSERT INTO actor_acled_type(actor, type, events) VALUES (?, ?, ?)
            ON CONFLICT(actor, type) DO UPDATE SET events = events + excluded.events
            """, arguments: [actor, type, Int(counts[type])])
      }
      try db.execute(
        sql: "DELETE FROM actor_acled_type WHERE actor = ? AND events <= 0", arguments: [actor])
      let type = try Int.fetchOne(
        db,
        sql: """
          SELECT type FROM actor_acled_type WHERE actor = ? ORDER BY events DESC, type LIMIT 1
          """, arguments: [actor])
      let name = try String.fetchOne(
        db, sql: "SELECT name FROM actor WHERE rowid = ?", arguments: [actor])
      try db.execute(
        sql: "UPDATE actor SET acled_type = ?, kind = ? WHERE rowid = ?",
        arguments: [
          type, EventDataset.acledActorKind(type: type, name: name ?? "").rawValue, actor,
        ])
    }
  }
}
