import MusterDomain

/// What an import works out from a name: its slug for ids, its sort key, its search keys
/// and the names text of its full-text entry; each worked out once per name.
///
/// Folding a name is most of the cost of a new place, and event datasets name the same
/// village, district and province at many coordinates (a million generated ACLED rows
/// made 40,000 sites from a few hundred names). Bounded: cleared at `limit` names.
final class NameFacts {
  struct Facts {
    let slug: String
    let sortKey: String
    let keys: [NameKey]
    let names: String
  }

  static let limit = 100_000
  private var known: [String: Facts] = [:]

  func of(_ name: String) -> Facts {
    if let facts = known[name] { return facts }
    if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
    let keys = SearchKey.nameKeys(name)
    let facts = Facts(
      slug: ImportedRecords.slug(name), sortKey: SortKey.of(name), keys: keys,
      names: ([SearchKey.indexText(name)] + keys.filter { $0.wordOffset == 0 }.map(\.key))
        .joined(separator: " "))
    known[name] = facts
    return facts
  }
}
