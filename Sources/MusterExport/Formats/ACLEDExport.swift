import MusterDomain

/// Events as an ACLED CSV export (the current 31 columns), which `muster import` and other
/// ACLED tools read.
///
/// An event imported from ACLED comes back as the row it came from (its `event_id_cnty`,
/// types, actors with their `inter` codes, place, precision codes, sources and tags), so
/// exporting and importing again gives the same records. Other events are written as
/// ACLED would: their slug as the id, their participants as actors, their site and its
/// areas as the place, their documents' sources as the sources. A record merged with
/// ACLED's twin is written under ACLED's spelling, so the row still reads as ACLED's.
public enum ACLEDExport {
  /// The CSV text (RFC 4180, CRLF line ends) of `events`, reading names from `dataset`.
  public static func csv(_ events: [Event], in dataset: Dataset) -> String {
    let actors = Dictionary(
      dataset.actors.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    let sites = Dictionary(
      dataset.sites.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    let documents = Dictionary(
      dataset.documents.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    let sources = Dictionary(
      dataset.sources.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    var out = EventDataset.acledColumns.joined(separator: ",") + "\r\n"
    for event in events {
      var row: [String: String] = [:]
      row["event_id_cnty"] =
        event.externalID ?? String(event.id.rawValue.drop { $0 != ":" }.dropFirst())
      row["event_date"] = event.date.first.description
      row["year"] = String(event.date.first.civil.year)
      row["time_precision"] =
        event.date.nativeCode.flatMap(acledCode)
        ?? (event.date.precision == .day ? "1" : event.date.precision == .week ? "2" : "3")
      let types = event.classification
      switch types.count {
      case 3...:
        (row["disorder_type"], row["event_type"], row["sub_event_type"]) = (
          types[0], types[1], types[2]
        )
      case 2: (row["event_type"], row["sub_event_type"]) = (types[0], types[1])
      case 1: row["event_type"] = types[0]
      default: row["event_type"] = event.kind.rawValue
      }
      var side1: [String] = []
      var side2: [String] = []
      var sawActor2 = false
      for participant in event.participants {
        let actor = actors[participant.actor.rawValue]
        let name =
          actor.map { acledName(id: $0.id.rawValue, name: $0.name, aliases: $0.aliases) }
          ?? participant.actor.rawValue
        // The type the actor had in this event, else its usual one.
        let type = (participant.acledType ?? actor?.acledTypeCode).map(String.init)
        switch participant.role {
        case .actor1:
          row["actor1"] = name
          row["inter1"] = type
        case .actor2:
          row["actor2"] = name
          row["inter2"] = type
          sawActor2 = true
        case .associated where sawActor2: side2.append(name)
        default:
          if row["actor1"] == nil {
            row["actor1"] = name
            row["inter1"] = type
          } else {
            side1.append(name)
          }
        }
      }
      row["assoc_actor_1"] = side1.joined(separator: "; ")
      row["assoc_actor_2"] = side2.joined(separator: "; ")
      var tags: [String] = []
      for tag in event.tags {
        if tag == "civilian targeting" {
          row["civilian_targeting"] = "Civilian targeting"
        } else if let (name, value) = keyed(tag), ["interaction", "region"].contains(name) {
          row[name] = value
        } else if let (name, value) = keyed(tag), name == "source scale" {
          row["source_scale"] = value
        } else {
          tags.append(tag)
        }
      }
      row["tags"] = tags.joined(separator: "; ")
      if let site = event.site.flatMap({ sites[$0.rawValue] }) {
        row["location"] = acledName(site)
        var areas: [String] = []
        var parent = site.parent.flatMap { sites[$0.rawValue] }
        var country = site.country
        while let area = parent {
          if area.kind == .country {
            country = acledName(area)
          } else {
            areas.insert(acledName(area), at: 0)
          }
          parent = area.parent.flatMap { sites[$0.rawValue] }
        }
        row["country"] = country
        for (column, area) in zip(["admin1", "admin2", "admin3"], areas) { row[column] = area }
        if let location = site.location {
          row["latitude"] = String(location.latitude)
          row["longitude"] = String(location.longitude)
          // The event's own precision: two events at one place can be placed differently.
          let precision = event.locationPrecision ?? location.precision
          row["geo_precision"] =
            (event.locationPrecision == nil ? location.nativeCode : event.locationCode)
            .flatMap(acledCode)
            ?? (precision == .exact ? "1" : precision == .nearPlace ? "2" : "3")
        }
      }
      let names = event.citations.compactMap { citation in
        documents[citation.document.rawValue].flatMap { sources[$0.source.rawValue]?.name }
      }
      row["source"] = names.joined(separator: "; ")
      row["notes"] = event.summary
      row["fatalities"] = event.fatalities.map { String($0.best ?? $0.low ?? 0) } ?? ""
      row["timestamp"] = event.sourceTimestamp.map(String.init)
      out += EventDataset.acledColumns.map { CSVText.field(row[$0] ?? "") }.joined(separator: ",")
      out += "\r\n"
    }
    return out
  }

  /// The name ACLED gives a record: its own name when ACLED's import made it, else the
  /// spelling an ACLED record merged into it brought, else its name.
  static func acledName(id: String, name: String, aliases: [Alias]) -> String {
    if EventDataset.of(recordID: id) == .acled { return name }
    return aliases.first { $0.dataset == .acled }?.name ?? name
  }

  static func acledName(_ site: Site) -> String {
    acledName(id: site.id.rawValue, name: site.name, aliases: site.aliases)
  }

  /// `acled:2` → `2`.
  static func acledCode(_ code: String) -> String? {
    code.hasPrefix("acled:") ? String(code.dropFirst(6)) : nil
  }

  /// `region=Middle East` → (`region`, `Middle East`).
  static func keyed(_ tag: String) -> (String, String)? {
    guard let equals = tag.firstIndex(of: "=") else { return nil }
    return (String(tag[..<equals]), String(tag[tag.index(after: equals)...]))
  }
}

/// Writing CSV fields (RFC 4180).
public enum CSVText {
  /// A field, quoted when it holds a comma, a quote, a line break or edge spaces.
  public static func field(_ text: String) -> String {
    let needsQuotes =
      text.contains { $0 == "," || $0 == "\"" || $0.isNewline }
      || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
