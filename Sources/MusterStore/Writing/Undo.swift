import Foundation
import GRDB
import MusterDomain

/// Undoes an analyst's own last change: each record it wrote goes back to its value
/// before (a record it made is removed), in one transaction, recorded as an `undo` entry.
///
/// Claim changes, actors, sites and aliases added can be undone; an import cannot, and a
/// merge is undone with `split`. A record someone changed since is left alone
/// (`StaleChange`), and a record it made that others now use is not removed.
struct Undo {
  let db: Database
  let path: String
  let author: String
  let time: Int

  static let undoable: Set<String> = [
    "claim add", "claim end", "claim handover", "claim cite", "claim status", "claim grade",
    "actor add", "site add", "alias add",
  ]

  func undoLast() throws -> [RecordChange] {
    guard
      let group = try Int64.fetchOne(
        db,
        sql: """
          SELECT grp FROM change_log AS c WHERE author = ? AND action != 'undo'
            AND NOT EXISTS (SELECT 1 FROM change_log AS u WHERE u.undoes = c.grp)
          ORDER BY seq DESC LIMIT 1
          """, arguments: [author])
    else { throw StoreError(.missing, path: path, "\(author) has no change left to undo") }
    let entries = try Row.fetchAll(
      db, sql: "SELECT * FROM change_log WHERE grp = ? ORDER BY seq", arguments: [group]
    ).map(History.change)
    guard let action = entries.first?.action, Self.undoable.contains(action) else {
      let action = entries.first?.action ?? "?"
      throw StoreError(
        .invalidData, path: path,
        action == "merge"
          ? "your last change merged \(entries.first?.record ?? "?"); undo it with muster split"
          : "your last change (\(action)) cannot be undone")
    }
    // Changed since by anything but later changes undone and their undoing: left alone.
    for entry in entries {
      if let later = try Row.fetchOne(
        db,
        sql: """
          SELECT * FROM change_log WHERE record = ? AND seq > ?
            AND NOT (action = 'undo' AND undoes > ?)
            AND grp NOT IN (SELECT undoes FROM change_log WHERE undoes IS NOT NULL)
          ORDER BY seq DESC LIMIT 1
          """, arguments: [entry.record, entry.sequence, group]
      ).map(History.change), later.group != group {
        throw StaleChange(
          record: entry.record, author: later.author, time: later.time, sequence: later.sequence)
      }
    }
    for entry in entries.reversed() { try restore(entry) }
    return try History(db: db).record(
      entries.reversed().map { ($0.record, $0.after, $0.before, "undoes \($0.summary)") },
      action: "undo", author: author, time: time, undoes: group)
  }

  /// Puts one record back as `entry.before` says, or removes the record `entry` made.
  private func restore(_ entry: RecordChange) throws {
    guard let record = RecordReference(entry.record) else { return }
    let loader = RecordLoader(db: db)
    guard let before = entry.before else {
      guard let rowid = try loader.rowid(of: record, followingMerges: false) else { return }
      try remove(record.kind, rowid, id: entry.record)
      return
    }
    let data = Data(before.utf8)
    let decoder = JSONDecoder()
    var dataset = Dataset()
    switch record.kind {
    case .deployment:
      let deployment = try decoder.decode(Deployment.self, from: data)
      if entry.action == "claim status" {
        // The row of an inferred position is the inference's: only the judgement goes back.
        try db.execute(
          sql: "UPDATE deployment SET analyst_status = ? WHERE id = ?",
          arguments: [deployment.analystStatus.rawValue, entry.record])
        return
      }
      dataset.deployments = [deployment]
    case .actor: dataset.actors = [try decoder.decode(ForceActor.self, from: data)]
    case .site: dataset.sites = [try decoder.decode(Site.self, from: data)]
    default: return
    }
    var writer = DatasetWriter(db: db, path: path)
    _ = try writer.write(dataset)
  }

  /// Removes a claim, actor or site the undone change made.
  private func remove(_ kind: RecordKind, _ rowid: Int64, id: String) throws {
    switch kind {
    case .deployment:
      for sql in [
        "UPDATE deployment SET successor = NULL WHERE successor = ?",
        "DELETE FROM effect WHERE deployment = ?",
        "DELETE FROM citation WHERE claim_kind = \(RecordKind.deployment.code) AND claim = ?",
        "DELETE FROM deployment WHERE rowid = ?",
      ] {
        try db.execute(sql: sql, arguments: [rowid])
      }
    case .actor, .site:
      let uses: [(String, String)] =
        kind == .actor
        ? [
          ("claims", "SELECT count(*) FROM deployment WHERE actor = ?"),
          ("events", "SELECT count(*) FROM event_actor WHERE actor = ?"),
          ("relations", "SELECT count(*) FROM relation WHERE subject = ?1 OR object = ?1"),
        ]
        : [
          ("claims", "SELECT count(*) FROM deployment WHERE site = ?"),
          ("events", "SELECT count(*) FROM event WHERE site = ?"),
          ("sites inside it", "SELECT count(*) FROM site WHERE parent = ?"),
        ]
      for (name, sql) in uses {
        let count = try Int.fetchOne(db, sql: sql, arguments: [rowid]) ?? 0
        guard count == 0 else {
          throw StoreError(
            .invalidData, path: path,
            "\(id) has \(count) \(name) now; undo or move those first")
        }
      }
      try db.execute(
        sql: "DELETE FROM alias WHERE owner_kind = ? AND owner = ?",
        arguments: [kind.code, rowid])
      try db.execute(sql: "DELETE FROM \(kind.rawValue) WHERE rowid = ?", arguments: [rowid])
    default:
      return
    }
    var indexer = SearchIndexer(db: db)
    try indexer.reindex([IndexedRecord(kind, rowid)])
  }
}
