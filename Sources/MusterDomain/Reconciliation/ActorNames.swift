/// What an actor's name says it is under the naming conventions of event datasets.
///
/// ACLED names state forces by country and period, `Military Forces of Iran (1989-)`, and a
/// unit of them after the period, `Military Forces of Iran (1989-) Islamic Revolutionary
/// Guard Corps`; it names actors it could not identify `Unidentified Armed Group (Syria)`,
/// which is not one actor across events; and collectives by country, `Protesters (Iraq)`.
/// UCDP names a state's side `Government of Iran`. ACLED writes some groups with their
/// abbreviation first, `PKK: Kurdistan Workers Party`.
public enum ActorName: Hashable, Sendable {
  /// A state: `Government of Iran` (UCDP), `Government of Syria (2000-2024)` (ACLED).
  case state(country: String, period: String?)
  /// A state's forces in a period (`Military Forces of`, `Police Forces of`), or a unit of
  /// them when `unit` is set.
  case stateForces(service: String, country: String, period: String?, unit: String?)
  /// An actor the dataset could not identify: never one actor across events.
  case unidentified(String)
  /// A collective by country (`Protesters (Iraq)`, `Civilians (Syria)`): many people, no
  /// organisation.
  case collective(String)
  /// Any other name.
  case named(String)

  /// Reads a name.
  public init(_ name: String) {
    let trimmed = name.trimmingSpaces
    if trimmed.lowercased().hasPrefix("unidentified") {
      self = .unidentified(trimmed)
      return
    }
    for service in ["Military Forces of ", "Police Forces of "] where trimmed.hasPrefix(service) {
      let rest = String(trimmed.dropFirst(service.count))
      let (country, period, unit) = Self.countryPeriodAndRest(rest)
      self = .stateForces(
        service: service.trimmingSpaces, country: country, period: period, unit: unit)
      return
    }
    if trimmed.hasPrefix("Government of ") {
      let (country, period, unit) = Self.countryPeriodAndRest(
        String(trimmed.dropFirst("Government of ".count)))
      self = unit == nil ? .state(country: country, period: period) : .named(trimmed)
      return
    }
    let collectives = [
      "Protesters", "Rioters", "Civilians", "Refugees/IDPs", "Journalists", "Students",
      "Labor Group", "Lawyers", "Prisoners", "Health Workers", "Aid Workers", "Farmers",
      "Teachers", "Women", "Children", "Local Administrators", "Fishers", "Migrants",
    ]
    if collectives.contains(where: { trimmed.hasPrefix($0 + " (") }) {
      self = .collective(trimmed)
      return
    }
    self = .named(trimmed)
  }

  /// `Iran (1989-) Islamic Revolutionary Guard Corps` as the country, the period and what
  /// follows it; without a period, all of it is the country.
  static func countryPeriodAndRest(_ text: String) -> (String, String?, String?) {
    guard let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")")
    else { return (text.trimmingSpaces, nil, nil) }
    let country = String(text[..<open]).trimmingSpaces
    let period = String(text[text.index(after: open)..<close]).trimmingSpaces
    let rest = String(text[text.index(after: close)...]).trimmingSpaces
    return (country, period.isEmpty ? nil : period, rest.isEmpty ? nil : rest)
  }

  /// Whether records with this name may ever be merged with another record.
  public var mayMerge: Bool {
    switch self {
    case .unidentified, .collective: false
    case .state, .stateForces, .named: true
    }
  }

  /// The names under which this actor is also known, for matching: a unit by its own name
  /// (`Islamic Revolutionary Guard Corps`), a state by its country (`Iran`).
  public var matchingNames: [String] {
    switch self {
    case .state(let country, _): [country]
    case .stateForces(_, _, _, let unit?): [unit]
    case .stateForces, .unidentified, .collective: []
    case .named(let name):
      // ACLED writes some groups as `PKK: Kurdistan Workers Party`: both halves name it.
      if let colon = name.firstIndex(of: ":"), name[colon...].hasPrefix(": ") {
        [
          name, String(name[..<colon]).trimmingSpaces,
          String(name[name.index(after: colon)...]).trimmingSpaces,
        ]
      } else {
        [name]
      }
    }
  }
}

extension String {
  /// The text without spaces at either end.
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " }),
      let last = scalars.lastIndex(where: { $0 != " " })
    else { return "" }
    return String(scalars[first...last])
  }
}
