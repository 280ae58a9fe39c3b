import MusterDomain

/// Reads ACLED export rows: the 31 columns of the current codebook and the older variants
/// (`event_id_no_cnty`, `data_id`, `iso3`, numeric `inter` codes, day-first dates).
struct ACLEDRows {
  /// Columns every ACLED export has, old or new.
  static let required = [
    "event_id_cnty", "event_date", "event_type", "actor1", "country", "location", "latitude",
    "longitude", "notes", "fatalities",
  ]

  /// The current codebook's 31 columns.
  static let current = EventDataset.acledColumns

  /// ACLED's actor types, by their current names; the numeric codes are the older form.
  static let actorTypes = [
    "state forces": 1, "rebel group": 2, "rebel groups": 2, "political militia": 3,
    "political militias": 3, "identity militia": 4, "identity militias": 4, "rioters": 5,
    "protesters": 6, "civilians": 7, "external/other forces": 8, "external/other force": 8,
  ]

  static func actorKind(_ code: Int?) -> ActorKind {
    switch code {
    case 1, 8: .armedForce
    case 2, 3, 4: .militia
    default: .organization
    }
  }

  /// The event kind for ACLED's event and sub-event types.
  static func kind(eventType: String, subEventType: String) -> EventKind {
    switch (eventType.lowercased(), subEventType.lowercased()) {
    case ("battles", _): .clash
    case ("explosions/remote violence", _): .strike
    case (_, "agreement"): .agreement
    case (_, "non-violent transfer of territory"): .handover
    case (_, "headquarters or base established"): .deployment
    default: .other
    }
  }

  let columns: EventDatasetColumns

  /// One row as an event, or the problems that keep it out.
  func event(_ row: inout EventDatasetRow) -> ImportedEvent? {
    let id = row.required("event_id_cnty")
    var date: FuzzyDate?
    if let text = row.required("event_date") {
      if let day = EventDatasetDate.parse(text) {
        let precision = row.integer("time_precision", in: 1...3) ?? 1
        let code = "acled:\(precision)"
        switch precision {
        case 2: date = .week(containing: day, nativeCode: code)
        case 3: date = .month(containing: day, nativeCode: code)
        default: date = .day(day, nativeCode: row.columns.has("time_precision") ? code : nil)
        }
        if let year = row.integer("year", in: 1...9999), year != day.civil.year {
          row.problem("year", "year \(year) does not match event_date \(text)")
        }
      } else {
        row.bad("event_date", expected: "a date such as 2023-02-16, 16-02-2023 or 16 February 2023")
      }
    }
    let latitude = row.coordinate("latitude", in: -90...90)
    let longitude = row.coordinate("longitude", in: -180...180)
    let geoPrecision = row.integer("geo_precision", in: 1...3)
    let fatalities = row.integer("fatalities", in: 0...10_000_000)
    let timestamp = row.integer("timestamp", in: 0...Int(Int32.max) * 4)
    let inter1 = actorType(&row, "inter1")
    let inter2 = actorType(&row, "inter2")
    let actor1 = row.required("actor1")
    guard let id, let date, let actor1, row.problems.isEmpty else { return nil }

    var participants = [
      ImportedParticipant(
        name: actor1, role: .actor1, kind: Self.actorKind(inter1), acledType: inter1)
    ]
    participants += row.list("assoc_actor_1").map {
      ImportedParticipant(
        name: $0, role: .associated, kind: Self.actorKind(inter1), acledType: inter1)
    }
    if let actor2 = row.optional("actor2") {
      participants.append(
        ImportedParticipant(
          name: actor2, role: .actor2, kind: Self.actorKind(inter2), acledType: inter2))
    }
    participants += row.list("assoc_actor_2").map {
      ImportedParticipant(
        name: $0, role: .associated, kind: Self.actorKind(inter2), acledType: inter2)
    }

    var location: Location?
    if let latitude, let longitude {
      let precision: LocationPrecision =
        switch geoPrecision {
        case 2: .nearPlace
        case 3: .admin1
        default: .exact
        }
      location = Location(
        latitude: latitude, longitude: longitude, precision: precision,
        nativeCode: geoPrecision.map { "acled:\($0)" })
    }
    let country = row.optional("country") ?? "Unknown country"
    let place = row.optional("location").map {
      ImportedPlace(
        name: $0, country: country,
        areas: ["admin1", "admin2", "admin3"].compactMap { row.optional($0) }, location: location)
    }

    var tags = row.list("tags")
    if let interaction = row.optional("interaction") { tags.append("interaction=\(interaction)") }
    if row.optional("civilian_targeting") != nil { tags.append("civilian targeting") }
    if let scale = row.optional("source_scale") { tags.append("source scale=\(scale)") }
    if let region = row.optional("region") { tags.append("region=\(region)") }
    for legacy in ["event_id_no_cnty", "data_id"] {
      if let value = row.optional(legacy) { tags.append("\(legacy)=\(value)") }
    }

    let sourceNames = row.list("source")
    let credibility: Credibility = sourceNames.count > 1 ? .probablyTrue : .possiblyTrue
    let reports = (sourceNames.isEmpty ? ["ACLED"] : sourceNames).map {
      ImportedReport(sourceName: $0, credibility: credibility)
    }
    let eventType = row.text("event_type")
    let subEventType = row.text("sub_event_type")
    return ImportedEvent(
      dataset: .acled, externalID: id, sourceTimestamp: timestamp,
      kind: Self.kind(eventType: eventType, subEventType: subEventType), date: date,
      classification: [row.text("disorder_type"), eventType, subEventType].filter { !$0.isEmpty },
      summary: row.optional("notes") ?? "\(eventType) in \(row.text("location"))",
      fatalities: fatalities.map { Estimate(best: $0) }, tags: tags,
      participants: participants, place: place, reports: reports)
  }

  /// An `inter` column: a number 0–8 (older exports) or an actor type's name.
  func actorType(_ row: inout EventDatasetRow, _ name: String) -> Int? {
    guard let value = row.optional(name) else { return nil }
    if let number = Int(value) {
      guard (0...8).contains(number) else {
        row.bad(name, expected: "an ACLED actor type code from 0 to 8")
        return nil
      }
      return number == 0 ? nil : number
    }
    guard let code = Self.actorTypes[value.lowercased()] else {
      row.bad(name, expected: "an ACLED actor type such as State forces or Rebel group")
      return nil
    }
    return code
  }
}
