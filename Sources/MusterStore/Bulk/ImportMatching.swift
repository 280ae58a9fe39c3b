import GRDB
import MusterDomain

/// Matching at import.
///
/// A new actor or place that `IdentityMatch` calls certainly the same as one record of another dataset (or the analysts') is merged into it when the import
/// ends, once its events are written, so that the merge keeps a snapshot and `muster
/// reconcile --split` can undo it. Less than certain matches are left for review.
///
/// Candidates come from the other datasets' names, loaded once per dataset and kind into
/// memory: a million-row import into a database with only the bundled dataset beside it
/// compares each new name with a few dozen keys.
final class ImportMatching {
  private let db: Database
  /// Folded names and transliteration keys of other datasets' records, by dataset and kind.
  private var foreign: [String: [String: [Int64]]] = [:]
  /// The lookup keys of names met already.
  private var keysOfName: [String: [String]] = [:]
  /// New records to merge into the record they match, with why.
  private(set) var pending: [(kind: RecordKind, new: Int64, kept: Int64, reason: String)] = []

  init(db: Database) {
    self.db = db
  }

  /// The names and keys of records of `kind` that `dataset` did not make.
  private func foreignNames(_ kind: RecordKind, _ dataset: EventDataset) throws -> [String: [Int64]]
  {
    let slot = "\(kind.rawValue):\(dataset.rawValue)"
    if let known = foreign[slot] { return known }
    var names: [String: [Int64]] = [:]
    let ours = "\(kind.rawValue):\(dataset.rawValue):*"
    for table in ["name_key", "name_sound"] {
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT k.key, k.record FROM \(table) k JOIN \(kind.rawValue) r ON r.rowid = k.record
          WHERE k.kind = ? AND k.word_offset = 0 AND r.id NOT GLOB ?
            AND (k.key NOT GLOB '[ac]*' OR ? = 'name_key')
          """, arguments: [kind.code, ours, table])
      {
        names[row[0], default: []].append(row[1])
      }
    }
    foreign[slot] = names
    return names
  }

  /// The keys a name is looked up by: folded and run together, and its vowelled
  /// transliteration keys (prefixed as `name_sound` stores them).
  private func keys(_ name: String) -> [String] {
    if let known = keysOfName[name] { return known }
    let keys =
      SearchKey.compactAlternatives(name)
      + TransliterationKey.queryKeys(name).filter { $0.hasPrefix("v") }
    if keysOfName.count > 100_000 { keysOfName.removeAll(keepingCapacity: true) }
    keysOfName[name] = keys
    return keys
  }

  /// Notes a new actor for merging if exactly one record of another dataset is certainly it.
  func actorCreated(_ rowid: Int64, name: String, dataset: EventDataset) throws {
    let identity = ActorName(name)
    guard identity.mayMerge else { return }
    let names = try foreignNames(.actor, dataset)
    guard !names.isEmpty else { return }
    var candidates: Set<Int64> = []
    for spelling in identity.matchingNames + [name] {
      for key in keys(spelling) { candidates.formUnion(names[key] ?? []) }
    }
    guard !candidates.isEmpty else { return }
    let reader = ReconcileReader(db: db)
    var certain: [(Int64, String)] = []
    for other in candidates.sorted() {
      guard let that = try reader.candidate(.actor, other) else { continue }
      let decision = IdentityMatch.actors(
        ActorCandidate(names: [name], dataset: dataset.rawValue),
        ActorCandidate(names: that.names, dataset: that.dataset))
      if case .same(let reason) = decision { certain.append((other, reason)) }
    }
    if certain.count == 1 {
      pending.append((.actor, rowid, certain[0].0, "matched at import: \(certain[0].1)"))
    }
  }

  /// Notes a new place for merging if exactly one place of another dataset is certainly it.
  func placeCreated(_ rowid: Int64, place: ImportedPlace, dataset: EventDataset) throws {
    let names = try foreignNames(.site, dataset)
    guard !names.isEmpty, place.location != nil else { return }
    var candidates: Set<Int64> = []
    for key in keys(IdentityMatch.core(place.name)) { candidates.formUnion(names[key] ?? []) }
    guard !candidates.isEmpty else { return }
    let reader = ReconcileReader(db: db)
    let this = PlaceCandidate(
      names: [place.name], dataset: dataset.rawValue, latitude: place.location?.latitude,
      longitude: place.location?.longitude, country: place.country,
      admin1: place.areas.first)
    var certain: [(Int64, String)] = []
    for other in candidates.sorted() {
      guard let that = try reader.candidate(.site, other) else { continue }
      if case .same(let reason) = IdentityMatch.places(this, that.place) {
        certain.append((other, reason))
      }
    }
    if certain.count == 1 {
      pending.append((.site, rowid, certain[0].0, "matched at import: \(certain[0].1)"))
    }
  }

  /// Merges the new records noted, now that their events are written; how many.
  func mergePending(at time: Int) throws -> Int {
    let merger = RecordMerger(db: db)
    for match in pending {
      try merger.merge(
        match.kind, kept: match.kept, merged: match.new, reason: match.reason, author: "import",
        at: time)
    }
    return pending.count
  }
}
