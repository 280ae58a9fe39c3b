import MusterDomain

/// The map pane: whether it shows, where it looks, and the sites loaded around the view.
public struct MapState: Equatable, Sendable {
  /// Whether the map shows (`m`).
  public var isShown = false
  /// The centre's latitude.
  public var latitude = 34.45
  /// The centre's longitude.
  public var longitude = 40.9
  /// Degrees of latitude per braille dot.
  public var degreesPerDot = 0.02
  /// Whether the view was set (by fitting or by the user); until then the first bounds
  /// that arrive fit the view.
  public var hasView = false
  /// The sites loaded, inside `loadedBox`.
  public var sites: [MapSite] = []
  /// The box the sites were loaded for (larger than the view, so small pans need nothing).
  public var loadedBox: GeoBox?
  /// The day their holders describe.
  public var loadedAsOf: Day?
  /// The box being loaded, so a load is not asked for twice.
  public var pendingBox: GeoBox?

  /// Most sites one load brings.
  public static let siteLimit = 5_000

  /// An empty, hidden map.
  public init() {}

  /// The projection onto a canvas of `columns` x `rows` cells.
  public func projection(columns: Int, rows: Int) -> MapProjection {
    MapProjection(
      latitude: latitude, longitude: longitude, degreesPerDot: degreesPerDot, width: columns * 2,
      height: rows * 4)
  }
}
