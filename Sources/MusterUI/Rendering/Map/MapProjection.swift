import Foundation
import MusterDomain

/// Degrees to dots and back: an equirectangular projection around a centre, with
/// longitudes shrunk by the cosine of the centre's latitude so shapes keep their
/// proportions near it (a braille dot is about as wide as it is tall).
public struct MapProjection: Equatable, Sendable {
  /// The centre's latitude.
  public var latitude: Double
  /// The centre's longitude.
  public var longitude: Double
  /// Degrees of latitude per dot: the zoom.
  public var degreesPerDot: Double
  /// The canvas's width in dots.
  public var width: Int
  /// The canvas's height in dots.
  public var height: Int

  /// A projection from its parts.
  public init(latitude: Double, longitude: Double, degreesPerDot: Double, width: Int, height: Int) {
    self.latitude = latitude
    self.longitude = longitude
    self.degreesPerDot = degreesPerDot
    self.width = width
    self.height = height
  }

  /// How much narrower a degree of longitude is than one of latitude at the centre.
  var squeeze: Double { max(0.05, cos(latitude * .pi / 180)) }

  /// The dot a point falls on (fractional; outside the canvas when off the map).
  public func dot(latitude lat: Double, longitude lon: Double) -> (x: Double, y: Double) {
    (
      Double(width) / 2 + (lon - longitude) * squeeze / degreesPerDot,
      Double(height) / 2 - (lat - latitude) / degreesPerDot
    )
  }

  /// The point under a dot.
  public func point(x: Double, y: Double) -> (latitude: Double, longitude: Double) {
    (
      latitude - (y - Double(height) / 2) * degreesPerDot,
      longitude + (x - Double(width) / 2) * degreesPerDot / squeeze
    )
  }

  /// The part of the earth the canvas shows.
  public var box: GeoBox {
    let northWest = point(x: 0, y: 0)
    let southEast = point(x: Double(width), y: Double(height))
    return GeoBox(
      minLatitude: southEast.latitude, maxLatitude: northWest.latitude,
      minLongitude: northWest.longitude, maxLongitude: southEast.longitude)
  }

  /// The projection centred on `box` at the closest zoom that shows all of it, with a
  /// margin; a single point (or nothing) gets a regional view around it.
  public static func fitting(_ box: GeoBox, width: Int, height: Int) -> MapProjection {
    let latitude = (box.minLatitude + box.maxLatitude) / 2
    let longitude = (box.minLongitude + box.maxLongitude) / 2
    var projection = MapProjection(
      latitude: latitude, longitude: longitude, degreesPerDot: 1, width: width, height: height)
    let tall = (box.maxLatitude - box.minLatitude) * 1.2 / Double(max(1, height))
    let wide =
      (box.maxLongitude - box.minLongitude) * 1.2 * projection.squeeze / Double(max(1, width))
    // At least `minimumFitSpan` degrees top to bottom: a town's sites with the region
    // around them.
    let context = minimumFitSpan / Double(max(1, height))
    projection.degreesPerDot = min(
      max(tall, wide, context, minimumDegreesPerDot), maximumDegreesPerDot)
    return projection
  }

  /// The fewest degrees of latitude a fitted view spans.
  public static let minimumFitSpan = 3.0

  /// The closest zoom: about 100 m a dot.
  public static let minimumDegreesPerDot = 0.001
  /// The farthest zoom: the whole earth across a small pane.
  public static let maximumDegreesPerDot = 4.0
}
