/// A rectangle of the earth, in degrees.
public struct GeoBox: Hashable, Sendable {
  /// The southern edge.
  public var minLatitude: Double
  /// The northern edge.
  public var maxLatitude: Double
  /// The western edge.
  public var minLongitude: Double
  /// The eastern edge.
  public var maxLongitude: Double

  /// A box from its edges.
  public init(minLatitude: Double, maxLatitude: Double, minLongitude: Double, maxLongitude: Double)
  {
    self.minLatitude = minLatitude
    self.maxLatitude = maxLatitude
    self.minLongitude = minLongitude
    self.maxLongitude = maxLongitude
  }

  /// Whether a point lies inside (edges included).
  public func contains(latitude: Double, longitude: Double) -> Bool {
    (minLatitude...maxLatitude).contains(latitude)
      && (minLongitude...maxLongitude).contains(longitude)
  }

  /// Whether `other` lies wholly inside.
  public func contains(_ other: GeoBox) -> Bool {
    other.minLatitude >= minLatitude && other.maxLatitude <= maxLatitude
      && other.minLongitude >= minLongitude && other.maxLongitude <= maxLongitude
  }

  /// Whether the two overlap.
  public func intersects(_ other: GeoBox) -> Bool {
    other.minLatitude <= maxLatitude && other.maxLatitude >= minLatitude
      && other.minLongitude <= maxLongitude && other.maxLongitude >= minLongitude
  }
}

/// A located site as the map draws it: where it is and who holds it as of a day.
public struct MapSite: Hashable, Sendable {
  /// The site.
  public var record: RecordReference
  /// Its name.
  public var name: String
  /// Degrees north.
  public var latitude: Double
  /// Degrees east.
  public var longitude: Double
  /// The actor holding it (the strongest claim), if any.
  public var holder: RecordReference?
  /// That actor's name.
  public var holderName: String?
  /// The holding deployment's status.
  public var status: DeploymentStatus?
  /// Whether that holding is inferred from field data rather than claimed.
  public var isInferred = false

  /// A map site from its fields.
  public init(
    record: RecordReference, name: String, latitude: Double, longitude: Double,
    holder: RecordReference? = nil, holderName: String? = nil, status: DeploymentStatus? = nil
  ) {
    self.record = record
    self.name = name
    self.latitude = latitude
    self.longitude = longitude
    self.holder = holder
    self.holderName = holderName
    self.status = status
  }
}
