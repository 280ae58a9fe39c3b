/// Ids made from names: folded (no case, no diacritics), words joined with `-`.
public enum Slug {
  /// `Liwa al-Quds` as `liwa-al-quds`; `x` when nothing is left.
  public static func of(_ name: some StringProtocol) -> String {
    // Words split at anything but a letter or digit, so "al-Quds" keeps its hyphen.
    let words = String(name).split { !$0.isLetter && !$0.isNumber }
      .map { SearchKey.fold(String($0)).split(separator: " ").joined(separator: "-") }
      .filter { !$0.isEmpty }
    return words.isEmpty ? "x" : words.joined(separator: "-")
  }

  /// The last part of a record's id (`al-heri` of `site:al-heri`), already a slug.
  public static func tail(_ id: String) -> String {
    id.split(separator: ":").last.map(String.init) ?? id
  }
}

extension Document {
  /// The id a new document gets: its source, a day and its title,
  /// `document:deir-ezzor-24-2021-10-02-flags-over-al-heri`.
  public static func madeID(source: ID<Source>, title: String, day: String) -> ID<Document> {
    ID("document:\(Slug.tail(source.rawValue))-\(day)-\(Slug.of(title).prefix(40))")
  }
}
