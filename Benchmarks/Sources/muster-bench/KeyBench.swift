import Foundation
import GRDB
import MusterDomain

/// How precise the transliteration key is on a database's names: how many distinct names
/// (distinct once folded, articles and place words left out) share their whole-name key
/// with another, for the vowelled key Latin queries use and the consonant skeleton
/// Arabic-script queries use.
func benchKeys(_ path: String) throws {
  var configuration = Configuration()
  configuration.readonly = true
  let queue = try DatabaseQueue(path: path, configuration: configuration)
  for (label, table) in [("places", "site"), ("actors", "actor")] {
    let names = try queue.read { db in
      try String.fetchAll(db, sql: "SELECT name FROM \(table)")
    }
    // Distinct names by their core: without an article written as a word of its own or
    // a last word that says what kind of place it is (`At Taybah town` and `Al Taybah
    // village` are one name, for places the key should not be blamed for).
    var folded: [String: String] = [:]
    for name in names {
      let core = coreName(name)
      let key = SearchKey.compactAlternatives(core).first ?? ""
      if !key.isEmpty, folded[key] == nil { folded[key] = core }
    }
    for (kind, prefix) in [("key", "v"), ("skeleton", "c")] {
      var byKey: [String: Set<String>] = [:]
      for (key, name) in folded {
        for stored in TransliterationKey.nameKeys(name)
        where stored.wordOffset == 0 && stored.key.hasPrefix(prefix) {
          byKey[stored.key, default: []].insert(key)
        }
      }
      var sharing: Set<String> = []
      var largest: Set<String> = []
      for group in byKey.values where group.count > 1 {
        sharing.formUnion(group)
        if group.count > largest.count { largest = group }
      }
      let share = folded.isEmpty ? 0 : Double(sharing.count) / Double(folded.count) * 100
      let example = largest.sorted().prefix(4).compactMap { folded[$0] }.joined(separator: " / ")
      emit(
        "\(label) sharing a \(kind)", share, "%",
        "\(sharing.count) of \(folded.count) distinct names; \(byKey.count) keys; "
          + "largest group \(largest.count): \(example)")
    }
  }
}

/// A name without standalone articles before its other words and without a last word that
/// only says what kind of place it is.
func coreName(_ name: String) -> String {
  var words = name.split(separator: " ").map(String.init)
  let articles: Set<String> = ["al", "el", "ar", "as", "at", "ad", "an", "ash", "az", "ath"]
  let placeWords: Set<String> = [
    "town", "village", "city", "district", "subdistrict", "governorate", "province", "area",
    "region", "camp",
  ]
  if words.count > 1, let last = words.last, placeWords.contains(last.lowercased()) {
    words.removeLast()
  }
  while words.count > 1, let first = words.first, articles.contains(first.lowercased()) {
    words.removeFirst()
  }
  return words.joined(separator: " ")
}
