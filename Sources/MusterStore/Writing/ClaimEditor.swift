import Foundation
import GRDB
import MusterDomain

/// Applies an analyst's `ClaimEdit` inside one transaction: checks it, writes the records
/// through `DatasetWriter` (as a dataset file's would be), and records the history.
struct ClaimEditor {
  let db: Database
  let path: String
  let author: String
  let time: Int

  var loader: RecordLoader { RecordLoader(db: db) }

  /// Applies `edit`; refuses it when the claim changed after history entry `basedOn`.
  func apply(_ edit: ClaimEdit, basedOn: Int64?) throws -> [RecordChange] {
    if case .add = edit {
    } else {
      try History(db: db).requireUnchanged(edit.claim.rawValue, since: basedOn)
    }
    var written: [(before: Deployment?, after: Deployment, summary: String)] = []
    var dataset = Dataset()
    switch edit {
    case .add(let deployment, let evidence):
      try requireNew(deployment)
      try requireEvidence(deployment.citations, evidence)
      dataset = Dataset(
        sources: evidence.source.map { [$0] } ?? [],
        documents: evidence.document.map { [$0] } ?? [], deployments: [deployment])
      written = [(nil, deployment, "new claim: \(try describe(deployment))")]
    case .end(let id, let date):
      let before = try analystsClaim(id)
      if let start = before.period.start, date.last < start.date.first {
        throw invalid("the end \(date) is before the claim's start \(start.date)")
      }
      var after = before
      after.period.end = PeriodBound(date)
      dataset = Dataset(deployments: [after])
      written = [(before, after, "ended on \(date)")]
    case .handOver(let id, let successor, let evidence):
      let before = try analystsClaim(id)
      try requireNew(successor)
      guard successor.site == before.site else {
        throw invalid("a handover stays at \(before.site.rawValue), not \(successor.site.rawValue)")
      }
      guard successor.actor != before.actor else {
        throw invalid("\(before.actor.rawValue) already holds this claim; hand it to another actor")
      }
      guard let start = successor.period.start else {
        throw invalid("a handover needs the day it happens")
      }
      if let old = before.period.start, start.date.last < old.date.first {
        throw invalid("the handover on \(start.date) is before the claim's start \(old.date)")
      }
      try requireEvidence(successor.citations, evidence)
      var after = before
      after.period.end = PeriodBound(start.date)
      after.successor = successor.id
      dataset = Dataset(
        sources: evidence.source.map { [$0] } ?? [],
        documents: evidence.document.map { [$0] } ?? [], deployments: [after, successor])
      written = [
        (before, after, "handed over to \(successor.actor.rawValue) on \(start.date)"),
        (nil, successor, "new claim: \(try describe(successor)), taking over \(id.rawValue)"),
      ]
    case .cite(let id, let citation, let evidence):
      let before = try existingClaim(id)
      guard !before.isInferred else {
        throw invalid(
          "\(id.rawValue) is inferred from field data and cites its events; accept or reject it")
      }
      guard !before.citations.contains(where: { $0.document == citation.document }) else {
        throw invalid("\(id.rawValue) already cites \(citation.document.rawValue)")
      }
      try requireEvidence([citation], evidence)
      var after = before
      after.citations.append(citation)
      dataset = Dataset(
        sources: evidence.source.map { [$0] } ?? [],
        documents: evidence.document.map { [$0] } ?? [], deployments: [after])
      written = [(before, after, "cites \(citation.document.rawValue)")]
    case .setStatus(let id, let status):
      let before = try existingClaim(id)
      let allowed: [AnalystStatus] =
        before.isInferred
        ? [.accepted, .rejected, .inferred] : [.accepted, .contested, .rejected, .unverified]
      guard allowed.contains(status) else {
        throw invalid(
          "\(id.rawValue) can be "
            + allowed.map(\.rawValue).joined(separator: ", ")
            + (before.isInferred ? " (it is inferred from field data)" : "")
            + ", not \(status.rawValue)")
      }
      var after = before
      after.analystStatus = status
      try setAnalystStatus(id, status)
      return try History(db: db).record(
        [
          (
            id.rawValue, before, after,
            "status \(before.analystStatus.rawValue) -> \(status.rawValue)"
          )
        ],
        action: edit.action, author: author, time: time)
    case .regrade(let id, let document, let credibility):
      let before = try existingClaim(id)
      guard !before.isInferred else {
        throw invalid("\(id.rawValue) is inferred from field data; its grade is its events'")
      }
      guard let index = before.citations.firstIndex(where: { $0.document == document }) else {
        throw invalid("\(id.rawValue) does not cite \(document.rawValue)")
      }
      var after = before
      after.citations[index].credibility = credibility
      dataset = Dataset(deployments: [after])
      written = [(before, after, "credibility of \(document.rawValue) \(credibility.rawValue)")]
    }
    var writer = DatasetWriter(db: db, path: path)
    _ = try writer.write(dataset)
    return try History(db: db).record(
      written.map { ($0.after.id.rawValue, $0.before, $0.after, $0.summary) },
      action: edit.action, author: author, time: time)
  }

  /// Sets an analyst status without writing the claim again: an inferred position's row
  /// is the inference's, and only its judgement is the analyst's.
  private func setAnalystStatus(_ id: ID<Deployment>, _ status: AnalystStatus) throws {
    try db.execute(
      sql: "UPDATE deployment SET analyst_status = ? WHERE id = ?",
      arguments: [status.rawValue, id.rawValue])
  }

  private func existingClaim(_ id: ID<Deployment>) throws -> Deployment {
    guard let rowid = try loader.rowid(of: id.reference(.deployment)),
      let deployment = try loader.deployment(rowid)
    else { throw StoreError(.missing, path: path, "no claim \(id.rawValue)") }
    return deployment
  }

  /// A claim an analyst made (ending or handing over an inferred one would be undone by
  /// the next import's inference).
  private func analystsClaim(_ id: ID<Deployment>) throws -> Deployment {
    let deployment = try existingClaim(id)
    guard !deployment.isInferred else {
      throw invalid(
        "\(id.rawValue) is inferred from field data: the events decide when it ends; "
          + "accept or reject it, or add a claim of your own")
    }
    return deployment
  }

  private func requireNew(_ deployment: Deployment) throws {
    if try loader.rowid(of: deployment.id.reference(.deployment)) != nil {
      throw invalid("there is already a claim \(deployment.id.rawValue)")
    }
    guard !deployment.id.rawValue.hasPrefix(Deployment.inferredIDPrefix) else {
      throw invalid("ids starting \(Deployment.inferredIDPrefix) are the inference's")
    }
    for (kind, id) in [
      (RecordKind.actor, deployment.actor.rawValue), (.site, deployment.site.rawValue),
    ]
    where try loader.rowid(of: RecordReference(kind: kind, rawValue: id)) == nil {
      throw StoreError(.missing, path: path, "no \(kind.rawValue) \(id)")
    }
  }

  /// Every cited document exists or is the new one, and a new document's source exists or
  /// is the new one.
  private func requireEvidence(_ citations: [Citation], _ evidence: NewEvidence) throws {
    guard !citations.isEmpty else { throw invalid("a claim needs a citation") }
    if let source = evidence.source,
      try loader.rowid(of: source.id.reference(.source)) != nil
    {
      throw invalid("there is already a source \(source.id.rawValue)")
    }
    if let document = evidence.document {
      if try loader.rowid(of: document.id.reference(.document)) != nil {
        throw invalid("there is already a document \(document.id.rawValue)")
      }
      if document.source != evidence.source?.id,
        try loader.rowid(of: document.source.reference(.source)) == nil
      {
        throw StoreError(.missing, path: path, "no source \(document.source.rawValue)")
      }
    }
    for citation in citations where citation.document != evidence.document?.id {
      if try loader.rowid(of: citation.document.reference(.document)) == nil {
        throw StoreError(.missing, path: path, "no document \(citation.document.rawValue)")
      }
    }
  }

  /// "Russian forces at Imam Ali base, control from 2020-12-20".
  private func describe(_ deployment: Deployment) throws -> String {
    let actor = try db.value(
      String.self, sql: "SELECT name FROM actor WHERE id = ?",
      arguments: [deployment.actor.rawValue])
    let site = try db.value(
      String.self, sql: "SELECT name FROM site WHERE id = ?", arguments: [deployment.site.rawValue])
    let start = deployment.period.start.map { " from \($0.date)" } ?? ""
    return "\(actor ?? deployment.actor.rawValue) at \(site ?? deployment.site.rawValue), "
      + "\(deployment.role.rawValue)\(start)"
  }

  private func invalid(_ message: String) -> StoreError {
    StoreError(.invalidData, path: path, message)
  }
}

/// The history table: entries written, read, and the check that a record has not changed
/// since an analyst saw it.
struct History {
  let db: Database

  /// The last entry of `record`, if any.
  func last(of record: String) throws -> RecordChange? {
    try Row.fetchOne(
      db, sql: "SELECT * FROM change_log WHERE record = ? ORDER BY seq DESC LIMIT 1",
      arguments: [record]
    ).map(Self.change)
  }

  /// Throws `StaleChange` when `record` has an entry after `sequence`.
  func requireUnchanged(_ record: String, since sequence: Int64?) throws {
    guard let sequence, let last = try last(of: record), last.sequence > sequence else { return }
    throw StaleChange(
      record: record, author: last.author, time: last.time, sequence: last.sequence)
  }

  /// Records one change: an entry for each record it wrote, tied by their group.
  func record(
    _ entries: [(
      record: String, before: (any Encodable)?, after: (any Encodable)?, summary: String
    )],
    action: String, author: String, time: Int, undoes: Int64? = nil
  ) throws -> [RecordChange] {
    var group: Int64?
    var result: [RecordChange] = []
    for entry in entries {
      try db.execute(
        sql: """
          INSERT INTO change_log(grp, at, author, action, record, summary, before, after,
            undoes)
          VALUES (coalesce(?, (SELECT coalesce(max(seq), 0) + 1 FROM change_log)), ?, ?, ?, ?,
            ?, ?, ?, ?)
          """,
        arguments: [
          group, time, author, action, entry.record, entry.summary,
          try entry.before.map(Self.json), try entry.after.map(Self.json), undoes,
        ])
      let sequence = db.lastInsertedRowID
      group = group ?? sequence
      result.append(
        RecordChange(
          sequence: sequence, group: group ?? sequence, time: time, author: author,
          action: action, record: entry.record, summary: entry.summary,
          before: try entry.before.map(Self.json), after: try entry.after.map(Self.json)))
    }
    return result
  }

  /// Entries as `query` asks, newest first.
  func entries(_ query: ChangeLogQuery) throws -> [RecordChange] {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    if let since = query.since {
      conditions.append("at >= ?")
      arguments.append(since)
    }
    if let record = query.record {
      conditions.append("record = ?")
      arguments.append(record)
    }
    let condition = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    return try Row.fetchAll(
      db, sql: "SELECT * FROM change_log \(condition) ORDER BY seq DESC LIMIT ?",
      arguments: StatementArguments(arguments + [max(0, query.limit)])
    ).map(Self.change)
  }

  static func change(_ row: Row) -> RecordChange {
    RecordChange(
      sequence: row["seq"], group: row["grp"], time: row["at"], author: row["author"],
      action: row["action"], record: row["record"], summary: row["summary"],
      before: row["before"], after: row["after"])
  }

  /// A record as the history keeps it: JSON with sorted keys.
  static func json(_ value: any Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
