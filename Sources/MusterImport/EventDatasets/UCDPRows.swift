import MusterDomain

/// Reads UCDP Georeferenced Event Dataset (GED) rows.
struct UCDPRows {
  /// The GED columns Muster reads; every one must be in the header.
  static let required = [
    "id", "date_start", "date_end", "date_prec", "side_a", "side_b", "where_coordinates",
    "where_prec", "latitude", "longitude", "adm_1", "adm_2", "country", "best", "low", "high",
    "source_article", "source_office", "source_date", "source_headline",
  ]

  let columns: EventDatasetColumns

  func event(_ row: inout EventDatasetRow) -> ImportedEvent? {
    let id = row.required("id")
    let start = row.required("date_start").flatMap { text -> Day? in
      guard let day = EventDatasetDate.parse(String(text.prefix(10))) else {
        row.bad("date_start", expected: "a date such as 2020-12-17")
        return nil
      }
      return day
    }
    let end = row.optional("date_end").flatMap { text -> Day? in
      guard let day = EventDatasetDate.parse(String(text.prefix(10))) else {
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
    let sideA = row.required("side_a")
    guard let id, let start, let sideA, row.problems.isEmpty else { return nil }
    if let end, end < start {
      row.problem("date_end", "date_end \(end) is before date_start \(start)")
      return nil
    }
    let range = DayRange(first: start, last: end ?? start)
    let precision: DatePrecision =
      switch precisionCode {
      case 1: range.count == 1 ? .day : .span
      case 2: .week
      case 3: .month
      case 4: .year
      default: .span
      }
    let date = FuzzyDate(range: range, precision: precision, nativeCode: "ucdp:\(precisionCode)")

    var participants = [ImportedParticipant(name: sideA, role: .actor1, kind: .armedForce)]
    if let sideB = row.optional("side_b") {
      participants.append(
        ImportedParticipant(
          name: sideB, role: .actor2, kind: violence == 3 ? .organization : .militia)
      )
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
    let country = row.optional("country") ?? "Unknown country"
    let placeName =
      row.optional("where_coordinates") ?? row.optional("adm_2")
      ?? row.optional("adm_1") ?? country
    let place = ImportedPlace(
      name: placeName, country: country,
      areas: ["adm_1", "adm_2"].compactMap { row.optional($0) }, location: location)

    let offices = row.list("source_office")
    let dates = row.list("source_date")
    let headlines = row.list("source_headline")
    let articles = row.list("source_article")
    let count = max(offices.count, articles.count, headlines.count, 1)
    let reports = (0..<count).map { index in
      let office = index < offices.count ? offices[index] : offices.first ?? "UCDP"
      let title =
        index < headlines.count ? headlines[index] : index < articles.count ? articles[index] : nil
      let published =
        index < dates.count
        ? EventDatasetDate.parse(String(dates[index].prefix(10))).map { FuzzyDate.day($0) } : nil
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
      row.optional("source_headline").map { _ in headlines.first ?? "" }.flatMap {
        $0.isEmpty ? nil : $0
      }
      ?? "\(sideA) – \(row.optional("side_b") ?? "?") in \(placeName)"
    let fatalities = Estimate(low: low, best: best, high: high)
    return ImportedEvent(
      dataset: .ucdp, externalID: id, sourceTimestamp: Self.version(of: row.fields),
      kind: violence == 3 ? .other : .clash, date: date, classification: classification,
      summary: summary, fatalities: fatalities.isEmpty ? nil : fatalities,
      tags: row.optional("dyad_name").map { ["dyad=\($0)"] } ?? [],
      participants: participants, place: place, reports: reports)
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
