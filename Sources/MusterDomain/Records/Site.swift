/// A place that can be held: a town, a base, a border point, a whole country.
public struct Site: Hashable, Sendable, Codable {
  /// Its slug, such as `site:imam-ali-base`.
  public var id: ID<Site>
  /// The name Muster shows.
  public var name: String
  /// What sort of place it is.
  public var kind: SiteKind
  /// The site it lies in: al-Heri and the Imam Ali base lie in the Albu Kamal area.
  public var parent: ID<Site>?
  /// Its country, as a name or ISO code.
  public var country: String?
  /// Its first-level administrative area (a governorate or province).
  public var admin1: String?
  /// Its second-level administrative area (a district).
  public var admin2: String?
  /// Every other spelling, in any script.
  public var aliases: [Alias]
  /// Where it is, and how precisely that is known.
  public var location: Location?
  /// What it is, in a sentence or two.
  public var description: String?

  /// A site from its fields.
  public init(
    id: ID<Site>, name: String, kind: SiteKind, parent: ID<Site>? = nil, country: String? = nil,
    admin1: String? = nil, admin2: String? = nil, aliases: [Alias] = [],
    location: Location? = nil, description: String? = nil
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.parent = parent
    self.country = country
    self.admin1 = admin1
    self.admin2 = admin2
    self.aliases = aliases
    self.location = location
    self.description = description
  }
}

/// What sort of place a site is.
public enum SiteKind: String, CaseIterable, Hashable, Sendable, Codable {
  case city
  case town
  case village
  case base
  case point
  case checkpoint
  case borderCrossing = "border_crossing"
  case area
  case country
}
