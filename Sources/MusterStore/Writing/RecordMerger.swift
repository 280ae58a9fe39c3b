import Foundation
import GRDB
import MusterDomain

/// A column value kept in a merge's snapshot.
enum SnapshotValue: Codable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  init(_ value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let number): self = .integer(number)
    case .double(let number): self = .real(number)
    case .string(let text): self = .text(text)
    case .blob: self = .null
    }
  }

  var databaseValue: DatabaseValue {
    switch self {
    case .null: .null
    case .integer(let number): number.databaseValue
    case .real(let number): number.databaseValue
    case .text(let text): text.databaseValue
    }
  }
}

/// What a merge changed, so that a split puts it back: the merged record's row and
/// aliases, how many aliases the kept record had before, and every link moved.
struct MergeSnapshot: Codable {
  /// A link that pointed at the merged record: the row (by its key columns) and the column.
  struct Link: Codable, Hashable {
    var table: String
    var column: String
    var key: [String: SnapshotValue]
  }

  var row: [String: SnapshotValue]
  var aliases: [[String: SnapshotValue]]
  var keptAliases: Int
  var links: [Link]
  var notes: [Int64]
  var pins: [String]
  var acledTypes: [[Int64]]
}

/// Merges one actor or site into another, and splits a merge again.
struct RecordMerger {
  let db: Database

  /// The links to a record of `kind`: each table, the column holding its rowid, and the
  /// columns that find the row again.
  static func links(_ kind: RecordKind) -> [(table: String, column: String, key: [String])] {
    switch kind {
    case .actor:
      [
        ("event_actor", "actor", ["event", "position"]), ("deployment", "actor", ["rowid"]),
        ("relation", "subject", ["rowid"]), ("relation", "object", ["rowid"]),
      ]
    case .site:
      [
        ("event", "site", ["rowid"]), ("deployment", "site", ["rowid"]),
        ("site", "parent", ["rowid"]),
      ]
    default: []
    }
  }

  /// Merges `merged` into `kept`: its links move to `kept`, its name and aliases become
  /// `kept`'s aliases, its notes and pins follow, and it is removed; the merge is recorded
  /// with everything needed to split it.
  func merge(
    _ kind: RecordKind, kept: Int64, merged: Int64, reason: String, author: String, at time: Int
  ) throws {
    let table = kind.rawValue
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT * FROM \(table) WHERE rowid = ?", arguments: [merged]),
      let keptID = try db.value(
        String.self, sql: "SELECT id FROM \(table) WHERE rowid = ?", arguments: [kept])
    else { throw StoreError(.missing, path: "", "no such record to merge") }
    var columns: [String: SnapshotValue] = [:]
    for column in row.columnNames { columns[column] = SnapshotValue(row[column] as DatabaseValue) }
    columns["rowid"] = .integer(merged)
    let mergedID: String = row["id"]
    let mergedName: String = row["name"]
    let aliasRows = try Row.fetchAll(
      db, sql: "SELECT * FROM alias WHERE owner_kind = ? AND owner = ? ORDER BY position",
      arguments: [kind.code, merged])
    let keptAliases =
      try db.value(
        Int.self, sql: "SELECT count(*) FROM alias WHERE owner_kind = ? AND owner = ?",
        arguments: [kind.code, kept]) ?? 0
    var links: [MergeSnapshot.Link] = []
    for link in Self.links(kind) {
      let keyList = link.key.joined(separator: ", ")
      for found in try Row.fetchAll(
        db, sql: "SELECT \(keyList) FROM \(link.table) WHERE \(link.column) = ?",
        arguments: [merged])
      {
        var key: [String: SnapshotValue] = [:]
        for column in link.key { key[column] = SnapshotValue(found[column] as DatabaseValue) }
        links.append(MergeSnapshot.Link(table: link.table, column: link.column, key: key))
      }
      try db.execute(
        sql: "UPDATE \(link.table) SET \(link.column) = ? WHERE \(link.column) = ?",
        arguments: [kept, merged])
    }
    let notes = try db.values(
      Int64.self, sql: "SELECT rowid FROM note WHERE target = ?", arguments: [mergedID])
    try db.execute(
      sql: "UPDATE note SET target = ? WHERE target = ?", arguments: [keptID, mergedID])
    let pins = try db.values(
      String.self, sql: "SELECT author FROM pin WHERE target = ?", arguments: [mergedID])
    try db.execute(
      sql: "UPDATE OR IGNORE pin SET target = ? WHERE target = ?", arguments: [keptID, mergedID])
    try db.execute(sql: "DELETE FROM pin WHERE target = ?", arguments: [mergedID])
    var acledTypes: [[Int64]] = []
    if kind == .actor {
      for type in try Row.fetchAll(
        db, sql: "SELECT type, events FROM actor_acled_type WHERE actor = ?", arguments: [merged])
      {
        acledTypes.append([type[0], type[1]])
        try db.execute(
          sql: """
            INSERT INTO actor_acled_type(actor, type, events) VALUES (?, ?, ?)
            ON CONFLICT(actor, type) DO UPDATE SET events = events + excluded.events
            """, arguments: [kept, type[0] as Int64, type[1] as Int64])
      }
      try db.execute(sql: "DELETE FROM actor_acled_type WHERE actor = ?", arguments: [merged])
    }
    // Its spellings become the kept record's aliases, each under the dataset that spells
    // it so: the merged record's own, unless an alias says another.
    let mergedDataset = EventDataset.of(recordID: mergedID)?.rawValue
    var position = keptAliases
    var spellings = [Alias(mergedName)]
    for alias in aliasRows {
      spellings.append(Alias(alias["name"], language: alias["language"], script: alias["script"]))
      spellings[spellings.count - 1].dataset = (alias["dataset"] as String?)
        .flatMap(EventDataset.init(rawValue:))
    }
    for spelling in spellings {
      let dataset: String? = spelling.dataset?.rawValue ?? mergedDataset
      try db.execute(
        sql: """
          INSERT INTO alias(owner_kind, owner, position, name, language, script, dataset)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          kind.code, kept, position, spelling.name, spelling.language, spelling.script, dataset,
        ])
      position += 1
    }
    try db.execute(
      sql: "DELETE FROM alias WHERE owner_kind = ? AND owner = ?", arguments: [kind.code, merged])
    try db.execute(sql: "DELETE FROM \(table) WHERE rowid = ?", arguments: [merged])
    let snapshot = MergeSnapshot(
      row: columns,
      aliases: aliasRows.map { alias in
        Dictionary(
          uniqueKeysWithValues: alias.columnNames.map {
            ($0, SnapshotValue(alias[$0] as DatabaseValue))
          })
      }, keptAliases: keptAliases, links: links, notes: notes, pins: pins, acledTypes: acledTypes)
    let json = String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
    try db.execute(
      sql: """
        INSERT INTO merge(kind, kept, merged_id, snapshot, reason, author, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """, arguments: [kind.code, kept, mergedID, json, reason, author, time])
    try refresh(kind, [kept, merged], links: links)
  }

  /// Splits a merge.
  ///
  /// The merged record comes back with its rowid, id, columns and aliases, the links that were moved and still point at the kept record move back, and the kept
  /// record loses the aliases the merge gave it. Returns the kept record's rowid.
  @discardableResult
  func split(_ kind: RecordKind, mergedID: String) throws -> Int64 {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT rowid, kept, snapshot FROM merge WHERE kind = ? AND merged_id = ?",
        arguments: [kind.code, mergedID])
    else { throw StoreError(.missing, path: "", "\(mergedID) was not merged into anything") }
    let kept: Int64 = row["kept"]
    let snapshot = try JSONDecoder().decode(
      MergeSnapshot.self, from: Data((row["snapshot"] as String).utf8))
    guard case .integer(let merged) = snapshot.row["rowid"] ?? .null,
      let keptID = try db.value(
        String.self, sql: "SELECT id FROM \(kind.rawValue) WHERE rowid = ?", arguments: [kept])
    else { throw StoreError(.incompatible, path: "", "the merge of \(mergedID) cannot be read") }
    let names = snapshot.row.keys.sorted()
    try db.execute(
      sql: """
        INSERT INTO \(kind.rawValue)(\(names.joined(separator: ", ")))
        VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))
        """,
      arguments: StatementArguments(names.map { snapshot.row[$0]?.databaseValue ?? .null }))
    try db.execute(
      sql: "DELETE FROM alias WHERE owner_kind = ? AND owner = ? AND position >= ?",
      arguments: [kind.code, kept, snapshot.keptAliases])
    for alias in snapshot.aliases {
      let columns = alias.keys.sorted()
      try db.execute(
        sql: """
          INSERT INTO alias(\(columns.joined(separator: ", ")))
          VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
          """, arguments: StatementArguments(columns.map { alias[$0]?.databaseValue ?? .null }))
    }
    for link in snapshot.links {
      let keys = link.key.keys.sorted()
      try db.execute(
        sql: """
          UPDATE \(link.table) SET \(link.column) = ?
          WHERE \(link.column) = ? AND \(keys.map { "\($0) = ?" }.joined(separator: " AND "))
          """,
        arguments: StatementArguments(
          [merged.databaseValue, kept.databaseValue]
            + keys.map { link.key[$0]?.databaseValue ?? .null }))
    }
    guard case .text(let id) = snapshot.row["id"] ?? .null else {
      throw StoreError(.incompatible, path: "", "the merge of \(mergedID) cannot be read")
    }
    for note in snapshot.notes {
      try db.execute(sql: "UPDATE note SET target = ? WHERE rowid = ?", arguments: [id, note])
    }
    for author in snapshot.pins {
      try db.execute(
        sql: "UPDATE OR IGNORE pin SET target = ? WHERE target = ? AND author = ?",
        arguments: [id, keptID, author])
    }
    for type in snapshot.acledTypes where type.count == 2 {
      try db.execute(
        sql: "UPDATE actor_acled_type SET events = events - ? WHERE actor = ? AND type = ?",
        arguments: [type[1], kept, type[0]])
      try db.execute(
        sql: "INSERT INTO actor_acled_type(actor, type, events) VALUES (?, ?, ?)",
        arguments: [merged, type[0], type[1]])
    }
    try db.execute(sql: "DELETE FROM actor_acled_type WHERE events <= 0")
    try db.execute(sql: "DELETE FROM merge WHERE rowid = ?", arguments: [row["rowid"] as Int64])
    try refresh(kind, [kept, merged], links: snapshot.links)
    return kept
  }

  /// Brings derived columns and the search index up to date for the records and the rows
  /// whose links moved (their text names the record).
  func refresh(_ kind: RecordKind, _ records: [Int64], links: [MergeSnapshot.Link]) throws {
    for rowid in records {
      if kind == .actor {
        try db.execute(
          sql: """
            UPDATE actor SET last_day = (SELECT max(day) FROM event_actor WHERE actor = ?1),
              acled_type = coalesce((SELECT type FROM actor_acled_type WHERE actor = ?1
                ORDER BY events DESC, type LIMIT 1), acled_type)
            WHERE rowid = ?1
            """, arguments: [rowid])
      } else {
        try db.execute(
          sql: """
            UPDATE site SET last_day = (SELECT max(date_first) FROM event WHERE site = ?1)
            WHERE rowid = ?1
            """, arguments: [rowid])
      }
    }
    var indexed = records.map { IndexedRecord(kind, $0) }
    for link in links {
      guard case .integer(let rowid) = link.key["rowid"] ?? .null else { continue }
      let linked: RecordKind? =
        switch link.table {
        case "deployment": .deployment
        case "relation": .relation
        case "event": .event
        case "site": .site
        default: nil
        }
      if let linked { indexed.append(IndexedRecord(linked, rowid)) }
    }
    var indexer = SearchIndexer(db: db)
    try indexer.reindex(Array(Set(indexed)))
  }
}
