import GRDB
import MusterDomain

struct IndexedRecord: Hashable, Comparable {
  let kind: RecordKind
  let rowid: Int64

  init(_ kind: RecordKind, _ rowid: Int64) {
    self.kind = kind
    self.rowid = rowid
  }

  static func < (lhs: IndexedRecord, rhs: IndexedRecord) -> Bool {
    (lhs.kind, lhs.rowid) < (rhs.kind, rhs.rowid)
  }
}

/// Slug to rowid lookups, remembered for the length of one write.
struct RowidCache {
  var known: [String: [String: Int64]] = [:]

  mutating func lookup(_ table: String, _ id: String, _ db: Database) throws -> Int64? {
    if let rowid = known[table]?[id] { return rowid }
    guard
      let rowid = try db.value(
        Int64.self, sql: "SELECT rowid FROM \(table) WHERE id = ?", arguments: [id])
    else { return nil }
    known[table, default: [:]][id] = rowid
    return rowid
  }

  mutating func remember(_ table: String, _ id: String, _ rowid: Int64) {
    known[table, default: [:]][id] = rowid
  }
}

/// The key lists sort by: the name folded for search, so `al-Heri` sorts as `heri`.
enum SortKey {
  static func of(_ name: String) -> String {
    let groups = SearchKey.queryAlternatives(name)
    let key = groups.map { $0.last ?? "" }.joined(separator: " ")
    return key.isEmpty ? name.lowercased() : key
  }
}
