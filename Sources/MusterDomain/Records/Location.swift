/// A point on the WGS84 globe and how precisely it stands for the site.
///
/// Public coordinates for a base are often just the nearest town's centre; the precision
/// says so.
public struct Location: Hashable, Sendable, Codable {
  /// Degrees north, −90…90.
  public var latitude: Double
  /// Degrees east, −180…180.
  public var longitude: Double
  /// How precisely the point stands for the site.
  public var precision: LocationPrecision
  /// The precision code of the dataset it came from, such as `acled:2`.
  public var nativeCode: String?

  /// A location from its fields.
  public init(
    latitude: Double, longitude: Double, precision: LocationPrecision, nativeCode: String? = nil
  ) {
    self.latitude = latitude
    self.longitude = longitude
    self.precision = precision
    self.nativeCode = nativeCode
  }
}

/// How precisely a location stands for its site.
public enum LocationPrecision: String, CaseIterable, Hashable, Sendable, Codable {
  /// The site itself.
  case exact
  /// A nearby named place, such as the town a base lies outside.
  case nearPlace = "near_place"
  /// The centre of its district.
  case admin2
  /// The centre of its province.
  case admin1
  /// Somewhere in a wider region.
  case region
  /// Only the country is known.
  case country
}
