import MusterDomain

/// Reads UCDP Georeferenced Event Dataset (GED) rows, from a CSV export or the API's JSON.
struct UCDPRows {
  /// The GED columns an event cannot do without.
  static let required = ["date_start", "side_a"]

  let columns: EventDatasetColumns

  /// What the file lacks that the rows need, said once for the file: no `id` column (the
  /// ids are made from `relid` or each row's content), no coordinates.
  var warnings: [String] {
    var warnings: [String] = []
    if !columns.has("id") {
      warnings.append(
        columns.has("relid")
          ? "no id column: each event's id is its relid"
          : "no id column: each event's id is made from its row's content, so a changed row "
            + "is a new event when the file is imported again")
    }
    if !columns.has("latitude") || !columns.has("longitude") {
      warnings.append("no latitude and longitude columns: places are named, not located")
    }
    return warnings
  }

  func event(_ row: inout EventDatasetRow) -> ImportedEvent? {
    let id =
      row.optional("id") ?? row.optional("relid") ?? "row-"
      + String(Self.version(of: row.fields), radix: 36)
    let start = row.required("date_start").flatMap { text -> Day? in
      guard let day = EventDatasetDate.parse(text) else {
        row.bad("date_start", expected: "a date such as 2020-12-17")
        return nil
      }
      return day
    }
    let end = row.optional("date_end").flatMap { text -> Day? in
      guard let day = EventDatasetDate.parse(text) else {
        row.bad("date_end", expected: "a date such as 2020-12-17")
        return nil
      }
      return day
    }
    let precisionCode = row.integer("date_prec", in: 1...5) ?? 1
    let wherePrecision = row.integer("where_prec", in: 1...7)
    let latitude = row.coordinate("latitude", in: -90...90)
    let longitude = row.coordinate("longitude", in: -180...180)
    let best = row.integer("best", in: 0...10_000_000)
    let low = row.integer("low", in: 0...10_000_000)
    let high = row.integer("high", in: 0...10_000_000)
    let violence = row.integer("type_of_violence", in: 1...3)
    let sideA = row.requiredName("side_a")
    guard let start, let sideA, row.problems.isEmpty else { return nil }
    if let end, end < start {
      row.problem("date_end", "date_end \(end) is before date_start \(start)")
      return nil
    }
    let date = Self.date(start: start, end: end ?? start, precision: precisionCode)

    var participants: [ImportedParticipant] = []
    var coalitions: [ImportedCoalition] = []
    for (side, role) in [(Optional(sideA), ParticipantRole.actor1), (row.name("side_b"), .actor2)] {
      guard let side else { continue }
      let members = Self.members(of: side, names: columns.nameCache)
      let isGovernment = Self.isGovernment(side: role, violence: violence, row: row)
      for member in members {
        participants.append(
          ImportedParticipant(
            name: member, role: role, kind: Self.kind(of: member, isGovernment: isGovernment)))
      }
      if members.count > 1 {
        coalitions.append(ImportedCoalition(name: side, members: members))
        participants.append(ImportedParticipant(name: side, role: .associated, kind: .coalition))
      }
    }
    var location: Location?
    if let latitude, let longitude {
      let precision: LocationPrecision =
        switch wherePrecision {
        case 1: .exact
        case 2: .nearPlace
        case 3: .admin2
        case 4: .admin1
        case 6: .country
        default: .region
        }
      location = Location(
        latitude: latitude, longitude: longitude, precision: precision,
        nativeCode: wherePrecision.map { "ucdp:\($0)" })
    }
    let country = row.name("country") ?? "Unknown country"
    let placeName =
      row.name("where_coordinates") ?? row.name("adm_2") ?? row.name("adm_1") ?? country
    let place = ImportedPlace(
      name: placeName, country: country,
      areas: ["adm_1", "adm_2"].compactMap { row.name($0) }, location: location)

    let offices = row.names("source_office")
    let dates = row.list("source_date")
    let headlines = row.list("source_headline")
    let articles = row.list("source_article")
    let count = max(offices.count, articles.count, headlines.count, 1)
    let reports = (0..<count).compactMap { index -> ImportedReport? in
      guard let office = index < offices.count ? offices[index] : offices.first else {
        return nil
      }
      let title =
        index < headlines.count ? headlines[index] : index < articles.count ? articles[index] : nil
      let published =
        index < dates.count ? EventDatasetDate.parse(dates[index]).map { FuzzyDate.day($0) } : nil
      return ImportedReport(
        sourceName: office, title: title, published: published,
        credibility: count > 1 ? .probablyTrue : .possiblyTrue)
    }
    var classification: [String] = []
    if let violence {
      classification.append(
        ["state-based conflict", "non-state conflict", "one-sided violence"][violence - 1])
    }
    if let conflict = row.optional("conflict_name") { classification.append(conflict) }
    let summary =
      headlines.first.flatMap { $0.isEmpty ? nil : $0 }
      ?? "\(sideA) – \(row.optional("side_b") ?? "?") in \(placeName)"
    let fatalities = Estimate(low: low, best: best, high: high)
    var event = ImportedEvent(
      dataset: .ucdp, externalID: id, sourceTimestamp: Self.version(of: row.fields),
      kind: violence == 3 ? .other : .clash, date: date, classification: classification,
      summary: summary, fatalities: fatalities.isEmpty ? nil : fatalities,
      tags: row.optional("dyad_name").map { ["dyad=\($0)"] } ?? [],
      participants: participants, place: place, reports: reports)
    event.coalitions = coalitions
    return event
  }

  /// The dates between `date_start` and `date_end` with GED's `date_prec`: 1 the exact day;
  /// 2 a span of two to six days; 3 within a week; 4 within a month; 5 within a year.
  static func date(start: Day, end: Day, precision code: Int) -> FuzzyDate {
    let range = DayRange(first: start, last: end)
    let precision: DatePrecision =
      switch code {
      case 1: range.count == 1 ? .day : .span
      case 2: .span
      case 3: .week
      case 4: .month
      default: .year
      }
    return FuzzyDate(range: range, precision: precision, nativeCode: "ucdp:\(code)")
  }

  /// A side's actors: UCDP joins the members of a coalition with commas.
  static func members(of side: String, names: NameText.Cache) -> [String] {
    guard side.contains(",") else { return [side] }
    var seen: Set<String> = []
    return side.split(separator: ",").compactMap { part in
      let name = names.normalized(String(part))
      guard !name.isEmpty, seen.insert(name).inserted else { return nil }
      return name
    }
  }

  /// The kind of a side's actor, from what UCDP says of the side rather than its position:
  /// a government (named `Government of …`, side A of state-based violence, or a side B
  /// with a Gleditsch–Ward number, as in interstate conflicts) is its state's forces;
  /// `Civilians` (UCDP actor 1), the victims of one-sided violence, are no armed actor; the
  /// rest are organised armed groups.
  static func kind(of name: String, isGovernment: Bool) -> ActorKind {
    if isGovernment || name.hasPrefix("Government of") { return .armedForce }
    if name == "Civilians" { return .organization }
    return .militia
  }

  /// Whether a side is a government, as UCDP codes it.
  static func isGovernment(
    side role: ParticipantRole, violence: Int?, row: EventDatasetRow
  ) -> Bool {
    switch role {
    case .actor1: violence == 1 || row.optional("gwnoa") != nil
    default: violence == 1 && row.optional("gwnob") != nil
    }
  }

  /// UCDP rows carry no last-modified stamp; a hash of the whole row stands in for it, so a
  /// re-import updates exactly the rows that changed.
  static func version(of fields: [String]) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for field in fields {
      for byte in field.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      hash = (hash ^ 0x1F) &* 0x100_0000_01b3
    }
    return Int(hash >> 2)
  }
}
