import GRDB
import MusterDomain

/// A small import: every index stays, and the full-text trigger indexes each entry.
final class IndexesKept: IndexStrategy {
  private let db: Database
  private let staged: StagedEntries
  /// The terms of the events written, while there are few of them; past `termLimit` events
  /// the terms are read back from the index at the end.
  private var newTerms: Set<Substring> = []
  private var entries = 0
  private static let termLimit = 20_000

  init(db: Database) throws {
    self.db = db
    staged = try StagedEntries(db: db)
  }

  var dropsIndexes: Bool { false }

  func addEventEntry(key: Int64, rowid: Int64, text: String) throws {
    try staged.add(key: key, text: text)
    entries += 1
    if entries <= Self.termLimit {
      newTerms.formUnion(SearchTerms.terms(of: text))
    } else {
      newTerms = []
    }
  }

  func finish(namedEntries: [NamedEntry], refreshActivity: () throws -> Void) throws {
    try staged.write(namedEntries)
    try refreshActivity()
    guard entries <= Self.termLimit else {
      try SearchTerms.rebuild(db)
      return
    }
    try SearchTerms.add(
      newTerms
        + namedEntries.flatMap { SearchTerms.terms(of: $0.names) + SearchTerms.terms(of: $0.body) },
      db)
  }
}
