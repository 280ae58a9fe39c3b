import GRDB
import MusterDomain

extension DatasetWriter {
  // MARK: Citations and grades

  mutating func writeCitations(
    _ citations: [Citation], claim: RecordKind, rowid: Int64, from referrer: String
  ) throws {
    try db.run(
      sql: "DELETE FROM citation WHERE claim_kind = ? AND claim = ?",
      arguments: [claim.code, rowid])
    for (position, citation) in citations.enumerated() {
      let document = try resolve("document", citation.document.rawValue, from: referrer)
      for step in citation.via {
        _ = try resolve("document", step.rawValue, from: referrer)
      }
      try db.cachedStatement(
        sql: """
          INSERT INTO citation(claim_kind, claim, position, document, credibility, quote,
            locator, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(
        arguments: [
          claim.code, rowid, position, document, citation.credibility.rawValue, citation.quote,
          citation.locator, PackedList.pack(citation.via.map(\.rawValue)),
        ])
    }
  }

  mutating func bestGrade(of citations: [Citation], from referrer: String) throws -> Grade? {
    var best: Grade?
    for citation in citations {
      let document = try resolve("document", citation.document.rawValue, from: referrer)
      let known = reliabilities[document]
      guard
        let reliability = try known
          ?? db.value(
            Int.self,
            sql: """
              SELECT source.reliability FROM document JOIN source ON source.rowid = document.source
              WHERE document.rowid = ?
              """, arguments: [document]
          ).flatMap(Reliability.init(rank:))
      else { continue }
      reliabilities[document] = reliability
      let grade = Grade(reliability, citation.credibility)
      if best.map({ grade < $0 }) ?? true { best = grade }
    }
    return best
  }

  // MARK: Derived data

  mutating func finish() throws {
    if !regradeDocuments.isEmpty { try regradeClaims() }
    try refreshLastDays()
    try indexRenamedDependents()
    var indexer = SearchIndexer(db: db)
    try indexer.reindex(toIndex)
    if writesEvents { try Schema.refreshEventDays(db) }
  }

  /// Recomputes cached grades of every claim citing a document whose grade inputs changed.
  func regradeClaims() throws {
    let documents = regradeDocuments.map(String.init).joined(separator: ",")
    for kind in [RecordKind.event, .deployment, .relation] {
      try db.run(
        sql: """
          UPDATE \(kind.rawValue) SET (grade_reliability, grade_credibility) = (
            SELECT source.reliability, citation.credibility FROM citation
            JOIN document ON document.rowid = citation.document
            JOIN source ON source.rowid = document.source
            WHERE citation.claim_kind = \(kind.code) AND citation.claim = \(kind.rawValue).rowid
            ORDER BY source.reliability, citation.credibility LIMIT 1)
          WHERE rowid IN (SELECT claim FROM citation
            WHERE claim_kind = \(kind.code) AND document IN (\(documents)))
          """)
    }
  }

  func refreshLastDays() throws {
    for actor in touchedActors {
      try db.cachedStatement(
        sql: "UPDATE actor SET last_day = (SELECT max(day) FROM event_actor WHERE actor = ?1) "
          + "WHERE rowid = ?1"
      ).execute(arguments: [actor])
    }
    for site in touchedSites {
      try db.cachedStatement(
        sql: "UPDATE site SET last_day = (SELECT max(date_first) FROM event WHERE site = ?1) "
          + "WHERE rowid = ?1"
      ).execute(arguments: [site])
    }
  }

  /// Queues for indexing the records whose index text shows a renamed record's names.
  mutating func indexRenamedDependents() throws {
    for record in renamed {
      let dependents: [(RecordKind, String)]
      switch record.kind {
      case .actor:
        dependents = [
          (.event, "SELECT event FROM event_actor WHERE actor = ?"),
          (.deployment, "SELECT rowid FROM deployment WHERE actor = ?"),
          (.relation, "SELECT rowid FROM relation WHERE subject = ?1 OR object = ?1"),
        ]
      case .site:
        dependents = [
          (.event, "SELECT rowid FROM event WHERE site = ?"),
          (.deployment, "SELECT rowid FROM deployment WHERE site = ?"),
          (
            .site,
            """
            WITH RECURSIVE below(rowid) AS (
              SELECT rowid FROM site WHERE parent = ?
              UNION SELECT site.rowid FROM site JOIN below ON site.parent = below.rowid)
            SELECT rowid FROM below
            """
          ),
        ]
      case .source:
        dependents = [(.document, "SELECT rowid FROM document WHERE source = ?")]
      case .deployment, .event, .relation, .document, .note:
        dependents = []
      }
      for (kind, sql) in dependents {
        for rowid in try db.values(Int64.self, sql: sql, arguments: [record.rowid]) {
          toIndex.insert(IndexedRecord(kind, rowid))
        }
      }
    }
  }
}
