import MusterDomain

/// Reads ACLED export rows: the 31 columns of the current codebook and the older layouts
/// (`event_id_no_cnty`, `data_id`, `iso3`, `gwno`, `ally_actor_*`, `geo_precis`, numeric
/// `inter` codes, combined event types, dates as spreadsheets write them).
struct ACLEDRows {
  /// Columns every ACLED export has, old or new.
  static let required = [
    "event_id_cnty", "event_date", "event_type", "actor1", "country", "location", "latitude",
    "longitude", "notes", "fatalities",
  ]

  /// Older column names and the current ones they stand for.
  static let aliases = [
    "ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2",
    "geo_precis": "geo_precision",
  ]

  /// The current codebook's 31 columns.
  static let current = EventDataset.acledColumns

  /// ACLED's actor types, by their current names; the numeric codes are the older form.
  static let actorTypes = [
    "state forces": 1, "rebel group": 2, "rebel groups": 2, "political militia": 3,
    "political militias": 3, "identity militia": 4, "identity militias": 4, "rioters": 5,
    "protesters": 6, "civilians": 7, "external/other forces": 8, "external/other force": 8,
  ]

  /// The kind of actor an ACLED type makes (see `EventDataset.acledActorKind`).
  static func actorKind(_ code: Int?, name: String) -> ActorKind {
    EventDataset.acledActorKind(type: code, name: name)
  }

  /// The current event and sub-event type for an older export's combined type (up to about
  /// 2018); current types come back as they are.
  static func currentTypes(eventType: String, subEventType: String) -> (String, String) {
    switch eventType.lowercased() {
    case "battle-no change of territory": ("Battles", "Armed clash")
    case "battle-government regains territory": ("Battles", "Government regains territory")
    case "battle-non-state actor overtakes territory":
      ("Battles", "Non-state actor overtakes territory")
    case "remote violence": ("Explosions/Remote violence", subEventType)
    case "riots/protests": ("Protests", subEventType)
    case "violence against civilians": ("Violence against civilians", subEventType)
    case "strategic development": ("Strategic developments", subEventType)
    case "non-violent transfer of territory":
      ("Strategic developments", "Non-violent transfer of territory")
    case "headquarters or base established":
      ("Strategic developments", "Headquarters or base established")
    default: (eventType, subEventType)
    }
  }

  /// The event kind for ACLED's event and sub-event types, current or older.
  static func kind(eventType: String, subEventType: String) -> EventKind {
    let (event, sub) = currentTypes(eventType: eventType, subEventType: subEventType)
    switch (event.lowercased(), sub.lowercased()) {
    case ("battles", _): return .clash
    case ("explosions/remote violence", _): return .strike
    case (_, "agreement"): return .agreement
    case (_, "non-violent transfer of territory"): return .handover
    case (_, "headquarters or base established"): return .deployment
    default: return .other
    }
  }

  let columns: EventDatasetColumns
  /// How the file writes slash dates, once known: given, or settled by a row.
  var dateOrder: DateOrder?
  /// Finds the file's slash order from the rows that settle it, when a row needs it.
  let settleDateOrder: () throws(ImportProblem) -> DateOrder

  /// One row as an event, or the problems that keep it out; throws when the file as a whole
  /// cannot be read (slash dates whose order nothing settles).
  mutating func event(_ row: inout EventDatasetRow) throws(ImportProblem) -> ImportedEvent? {
    let id = row.required("event_id_cnty")
    let year = row.integer("year", in: 1...9999)
    var date: FuzzyDate?
    if let text = row.required("event_date") {
      var reading = EventDatasetDate.read(text, order: dateOrder, year: year)
      if case .ambiguous = reading {
        dateOrder = try settleDateOrder()
        reading = EventDatasetDate.read(text, order: dateOrder, year: year)
      }
      switch reading {
      case .day(let day):
        date = Self.date(day, precision: row.integer("time_precision", in: 1...3), row: row)
        if let year, year != day.civil.year {
          row.problem(
            "year", "year \(year) does not match event_date \(text)",
            reason: "year does not match event_date")
        }
      case .invalid(let reason):
        row.bad(
          "event_date",
          expected: "a date such as 2023-02-16, 16 February 2023 or 16-Feb-23 (\(reason))")
      case .ambiguous:
        row.bad("event_date", expected: "a date whose day and month the file settles")
      }
    }
    let latitude = row.coordinate("latitude", in: -90...90)
    let longitude = row.coordinate("longitude", in: -180...180)
    let geoPrecision = row.integer("geo_precision", in: 1...3)
    let fatalities = row.integer("fatalities", in: 0...10_000_000)
    let timestamp = row.integer("timestamp", in: 0...Int(Int32.max) * 4)
    let inter1 = actorType(&row, "inter1")
    let inter2 = actorType(&row, "inter2")
    let actor1 = row.requiredName("actor1")
    guard let id, let date, let actor1, row.problems.isEmpty else { return nil }

    // An actor's type is the one of the column it is a principal in: associated actors
    // carry none, so they never take their principal's type.
    var participants = [
      ImportedParticipant(
        name: actor1, role: .actor1, kind: Self.actorKind(inter1, name: actor1),
        acledType: inter1)
    ]
    participants += row.names("assoc_actor_1").map {
      ImportedParticipant(name: $0, role: .associated, kind: Self.actorKind(nil, name: $0))
    }
    if let actor2 = row.name("actor2") {
      participants.append(
        ImportedParticipant(
          name: actor2, role: .actor2, kind: Self.actorKind(inter2, name: actor2),
          acledType: inter2))
    }
    participants += row.names("assoc_actor_2").map {
      ImportedParticipant(name: $0, role: .associated, kind: Self.actorKind(nil, name: $0))
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
    let country = row.name("country") ?? "Unknown country"
    let place = row.name("location").map {
      ImportedPlace(
        name: $0, country: country,
        areas: ["admin1", "admin2", "admin3"].compactMap { row.name($0) }, location: location)
    }

    var tags = row.list("tags")
    if let interaction = row.optional("interaction") { tags.append("interaction=\(interaction)") }
    if row.optional("civilian_targeting") != nil { tags.append("civilian targeting") }
    if let scale = row.optional("source_scale") { tags.append("source scale=\(scale)") }
    if let region = row.optional("region") { tags.append("region=\(region)") }
    for legacy in ["event_id_no_cnty", "data_id"] {
      if let value = row.optional(legacy) { tags.append("\(legacy)=\(value)") }
    }

    // No source named, no citation: never a source made up for the row.
    let sourceNames = row.names("source")
    let credibility: Credibility = sourceNames.count > 1 ? .probablyTrue : .possiblyTrue
    let reports = sourceNames.map { ImportedReport(sourceName: $0, credibility: credibility) }
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

  /// The reported day with ACLED's time precision: 1 the day itself; 2 and 3 a day ACLED
  /// places within about a week or a month, which stays the reported day (never moved to
  /// the start of its week or month) with the precision beside it.
  static func date(_ day: Day, precision: Int?, row: EventDatasetRow) -> FuzzyDate {
    let code = "acled:\(precision ?? 1)"
    switch precision {
    case 2: return FuzzyDate(range: DayRange(day: day), precision: .week, nativeCode: code)
    case 3: return FuzzyDate(range: DayRange(day: day), precision: .month, nativeCode: code)
    default: return .day(day, nativeCode: row.columns.has("time_precision") ? code : nil)
    }
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
