#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether two records from different sources are the same actor or place.
public enum MatchDecision: Hashable, Sendable {
  /// Certainly the same: may be merged without review.
  case same(reason: String)
  /// Perhaps the same: proposed for review, never merged by itself; `score` in 0...1.
  case possible(score: Double, reason: String)
  /// Different things.
  case different(reason: String)

  /// Whether it is a certain match.
  public var isSame: Bool {
    if case .same = self { return true }
    return false
  }
}

/// An actor as matching sees it: its names (the name first) and the dataset that named it
/// (`nil` for an analyst's own dataset).
public struct ActorCandidate: Hashable, Sendable {
  /// Its name, then its aliases.
  public var names: [String]
  /// `acled`, `ucdp`, or `nil` for an analysts' dataset.
  public var dataset: String?

  /// A candidate from its fields.
  public init(names: [String], dataset: String? = nil) {
    self.names = names
    self.dataset = dataset
  }
}

/// A place as matching sees it.
public struct PlaceCandidate: Hashable, Sendable {
  /// Its name, then its aliases.
  public var names: [String]
  /// `acled`, `ucdp`, or `nil` for an analysts' dataset.
  public var dataset: String?
  /// Where it is, when known.
  public var latitude: Double?
  /// Where it is, when known.
  public var longitude: Double?
  /// An administrative area (matched by name within its country and parent), not a place
  /// with coordinates.
  public var isArea: Bool
  /// Its country, as a code (`SY`) or a name (`Syria`).
  public var country: String?
  /// Its province, when the dataset gives one.
  public var admin1: String?
  /// The name of the area it lies in, for areas: two areas are one only inside the same one.
  public var parent: String?

  /// A candidate from its fields.
  public init(
    names: [String], dataset: String? = nil, latitude: Double? = nil, longitude: Double? = nil,
    isArea: Bool = false, country: String? = nil, admin1: String? = nil, parent: String? = nil
  ) {
    self.parent = parent
    self.names = names
    self.dataset = dataset
    self.latitude = latitude
    self.longitude = longitude
    self.isArea = isArea
    self.country = country
    self.admin1 = admin1
  }
}

/// The rules that decide whether two records are one (see docs/reconciliation.md).
public enum IdentityMatch {
  /// How far apart two located places with the same name may be and still be one.
  public static let sameTownKilometres = 5.0
  /// Beyond this, places with the same name are different places, not a proposal.
  public static let differentTownKilometres = 30.0

  /// How closely two sets of names meet: spelled the same once folded, under the
  /// transliteration key, or as close misspellings.
  enum NameRelation: Comparable {
    case folded, key, close, none
  }

  static func relation(_ first: [String], _ second: [String]) -> NameRelation {
    func folded(_ names: [String]) -> Set<String> {
      Set(names.flatMap { SearchKey.compactAlternatives($0) })
    }
    if !folded(first).isDisjoint(with: folded(second)) { return .folded }
    // Either way round: a stored name's keys include the name without a place word.
    for name in first
    where second.contains(where: {
      TransliterationKey.sameKey(name, $0) || TransliterationKey.sameKey($0, name)
    }) {
      return .key
    }
    let firstWords = first.compactMap { SearchKey.compactAlternatives($0).first }
    let secondWords = second.compactMap { SearchKey.compactAlternatives($0).first }
    for word in firstWords {
      let allowed = CloseMatch.allowedEdits(forLength: word.unicodeScalars.count)
      guard allowed > 0 else { continue }
      if secondWords.contains(where: { CloseMatch.distance(word, $0, limit: allowed) != nil }) {
        return .close
      }
    }
    return .none
  }

  /// Whether two actors are one.
  public static func actors(_ first: ActorCandidate, _ second: ActorCandidate) -> MatchDecision {
    guard let firstName = first.names.first, let secondName = second.names.first else {
      return .different(reason: "no name")
    }
    if let dataset = first.dataset, dataset == second.dataset {
      return .different(reason: "one dataset names them apart")
    }
    let firstIdentity = ActorName(firstName)
    let secondIdentity = ActorName(secondName)
    for identity in [firstIdentity, secondIdentity] where !identity.mayMerge {
      if case .unidentified = identity {
        return .different(reason: "an unidentified actor is not one actor across events")
      }
      return .different(reason: "a collective is many people, not one actor")
    }
    if case .stateForces(let service, let country, let period, let unit) = firstIdentity,
      case .stateForces(let otherService, let otherCountry, let otherPeriod, let otherUnit) =
        secondIdentity
    {
      guard service == otherService, SearchKey.fold(country) == SearchKey.fold(otherCountry)
      else { return .different(reason: "different states' forces") }
      if let period, let otherPeriod, period != otherPeriod {
        return .different(reason: "state forces of different periods")
      }
      if unit == nil && otherUnit == nil { return .same(reason: "the same state's forces") }
    }
    // A state's forces without a unit are part of the state, never the state.
    for (identity, other) in [(firstIdentity, secondIdentity), (secondIdentity, firstIdentity)] {
      if case .stateForces(_, _, _, nil) = identity {
        if case .stateForces = other { continue }
        return .different(reason: "a state's forces are part of the state, not one actor with it")
      }
    }
    let firstNames = firstIdentity.matchingNames + first.names.dropFirst()
    let secondNames = secondIdentity.matchingNames + second.names.dropFirst()
    switch relation(firstNames, secondNames) {
    case .folded: return .same(reason: "the same name")
    case .key: return .possible(score: 0.8, reason: "the same name in another romanisation")
    case .close: return .possible(score: 0.6, reason: "a name one or two letters apart")
    case .none: return .different(reason: "different names")
    }
  }

  /// Whether two places are one.
  public static func places(_ first: PlaceCandidate, _ second: PlaceCandidate) -> MatchDecision {
    if first.isArea != second.isArea {
      return .different(reason: "an area and a place")
    }
    // Countries compare when both are codes (`SY`) or both names (`Syria`).
    if let country = first.country, let other = second.country,
      (country.count == 2) == (other.count == 2), SearchKey.fold(country) != SearchKey.fold(other)
    {
      return .different(reason: "different countries")
    }
    let names = relation(first.names.map(Self.core), second.names.map(Self.core))
    guard names != .none else { return .different(reason: "different names") }
    if let admin1 = first.admin1, let other = second.admin1,
      relation([core(admin1)], [core(other)]) == .none
    {
      return .different(reason: "different provinces")
    }
    if first.isArea {
      let parents = relation(
        [first.parent].compactMap { $0 }.map(Self.core),
        [second.parent].compactMap { $0 }.map(Self.core))
      if (first.parent != nil || second.parent != nil) && parents != .folded && parents != .key {
        return .different(reason: "areas inside different areas")
      }
      // No distance to confirm a key match for an area: only a folded name is certain.
      switch names {
      case .folded:
        return first.admin1 != nil && second.admin1 != nil
          ? .same(reason: "the same area name in the same province")
          : .possible(score: 0.7, reason: "the same area name, the province unknown")
      case .key: return .possible(score: 0.6, reason: "area names in another romanisation")
      default: return .possible(score: 0.5, reason: "area names one or two letters apart")
      }
    }
    guard let distance = kilometres(first, second) else {
      return .possible(score: 0.6, reason: "the same name, no coordinates to compare")
    }
    let apart = "\((distance * 10).rounded() / 10) km apart"
    if distance > differentTownKilometres {
      return .different(reason: "the same name \(apart)")
    }
    if distance > sameTownKilometres {
      return .possible(score: 0.4, reason: "the same name \(apart)")
    }
    switch names {
    case .folded, .key: return .same(reason: "the same name \(apart)")
    default: return .possible(score: 0.6, reason: "names one or two letters apart, \(apart)")
    }
  }

  /// A place name without a last word that says what kind of place it is (`Raqqa town`).
  public static func core(_ name: String) -> String {
    var words = name.split(separator: " ")
    if words.count > 1, let last = words.last,
      TransliterationKey.placeWords.contains(last.lowercased())
    {
      words.removeLast()
    }
    return words.joined(separator: " ")
  }

  /// The great-circle distance between two located places, in kilometres.
  static func kilometres(_ first: PlaceCandidate, _ second: PlaceCandidate) -> Double? {
    guard let lat1 = first.latitude, let lon1 = first.longitude, let lat2 = second.latitude,
      let lon2 = second.longitude
    else { return nil }
    let radians = Double.pi / 180
    let dLat = (lat2 - lat1) * radians
    let dLon = (lon2 - lon1) * radians
    let a =
      sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2)
      * sin(dLon / 2)
    return 6371 * 2 * atan2(sqrt(a), sqrt(1 - a))
  }
}
