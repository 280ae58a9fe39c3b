/// Another name for an actor or a site, in any language or script.
public struct Alias: Hashable, Sendable, Codable {
  /// The name as written, such as `البوكمال`.
  public var name: String
  /// Its language as a BCP 47 tag, such as `ar` or `fa`.
  public var language: String?
  /// Its script as an ISO 15924 code, such as `Arab` or `Latn`.
  public var script: String?
  /// The imported dataset that names the record so, when the name came from one: a record
  /// merged with its twin from ACLED keeps ACLED's spelling under `acled`, and an export
  /// in ACLED's layout writes it back.
  public var dataset: EventDataset?

  /// An alias from its fields.
  public init(
    _ name: String, language: String? = nil, script: String? = nil, dataset: EventDataset? = nil
  ) {
    self.name = name
    self.language = language
    self.script = script
    self.dataset = dataset
  }
}

extension EventDataset {
  /// The dataset whose import made a record with this id (`actor:acled:hezbollah`), or
  /// `nil` for a record of the database's own.
  public static func of(recordID id: String) -> EventDataset? {
    let parts = id.split(separator: ":", maxSplits: 2)
    guard parts.count == 3 else { return nil }
    return EventDataset(rawValue: String(parts[1]))
  }
}

/// A record's names grouped by the dataset that uses them.
public struct DatasetNames: Hashable, Sendable {
  /// The dataset, or `nil` for the database's own names.
  public var dataset: EventDataset?
  /// Its names, the one it goes by first.
  public var names: [String]

  /// Names from their fields.
  public init(dataset: EventDataset?, names: [String]) {
    self.dataset = dataset
    self.names = names
  }

  /// `name` and `aliases` of a record with `id`, grouped: the record's own dataset first
  /// (its name and the aliases no import gave), then each dataset its aliases name.
  public static func of(id: String, name: String, aliases: [Alias]) -> [DatasetNames] {
    let own = EventDataset.of(recordID: id)
    var groups = [DatasetNames(dataset: own, names: [name])]
    for alias in aliases {
      let dataset = alias.dataset ?? own
      if let index = groups.firstIndex(where: { $0.dataset == dataset }) {
        if !groups[index].names.contains(alias.name) { groups[index].names.append(alias.name) }
      } else {
        groups.append(DatasetNames(dataset: dataset, names: [alias.name]))
      }
    }
    return groups
  }
}
