import MusterDomain
import Synchronization

/// Country outlines for the map: rings of points, each with the box around it so rings
/// off the map are skipped without looking at their points.
///
/// Outlines made from text are read the first time they are drawn, so a session that never
/// shows the map never pays for them.
public struct MapOutlines: Sendable {
  /// One outline.
  public struct Ring: Equatable, Sendable {
    /// The country it outlines.
    public var name: String
    /// Its points as longitude, latitude pairs.
    public var points: [Double]
    /// The box around it.
    public var box: GeoBox
  }

  /// The rings, or the text they are read from on first use.
  private final class Storage: Sendable {
    let text: String
    let rings: Mutex<[Ring]?>

    init(text: String, rings: [Ring]?) {
      self.text = text
      self.rings = Mutex(rings)
    }
  }

  private let storage: Storage

  /// Every ring.
  public var rings: [Ring] {
    storage.rings.withLock { rings in
      if let rings { return rings }
      let read = Self.read(storage.text)
      rings = read
      return read
    }
  }

  /// No outlines.
  public static let none = MapOutlines(rings: [])

  /// Outlines from their rings.
  public init(rings: [Ring]) {
    storage = Storage(text: "", rings: rings)
  }

  /// Outlines from `NAME|lon,lat lon,lat ...` lines (see Resources/naturalearth), read when
  /// first used; lines that do not read are skipped.
  public init(text: String) {
    storage = Storage(text: text, rings: nil)
  }

  static func read(_ text: String) -> [Ring] {
    var rings: [Ring] = []
    for line in text.split(separator: "\n") {
      guard let bar = line.firstIndex(of: "|") else { continue }
      var points: [Double] = []
      for pair in line[line.index(after: bar)...].split(separator: " ") {
        let parts = pair.split(separator: ",")
        guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else {
          continue
        }
        points += [lon, lat]
      }
      guard points.count >= 4 else { continue }
      let longitudes = stride(from: 0, to: points.count, by: 2).map { points[$0] }
      let latitudes = stride(from: 1, to: points.count, by: 2).map { points[$0] }
      rings.append(
        Ring(
          name: String(line[..<bar]), points: points,
          box: GeoBox(
            minLatitude: latitudes.min() ?? 0, maxLatitude: latitudes.max() ?? 0,
            minLongitude: longitudes.min() ?? 0, maxLongitude: longitudes.max() ?? 0)))
    }
    return rings
  }

  /// Draws every outline that crosses the projection's view onto `canvas`.
  public func draw(on canvas: inout BrailleCanvas, with projection: MapProjection) {
    let view = projection.box
    for ring in rings where ring.box.intersects(view) {
      var previous = projection.dot(latitude: ring.points[1], longitude: ring.points[0])
      for index in stride(from: 2, to: ring.points.count, by: 2) {
        let next = projection.dot(latitude: ring.points[index + 1], longitude: ring.points[index])
        canvas.line(from: previous, to: next)
        previous = next
      }
    }
  }

  /// The country whose outline contains a point (even-odd rule), if any.
  public func country(atLatitude latitude: Double, longitude: Double) -> String? {
    for ring in rings where ring.box.contains(latitude: latitude, longitude: longitude) {
      var inside = false
      var j = ring.points.count - 2
      for i in stride(from: 0, to: ring.points.count, by: 2) {
        let (xi, yi) = (ring.points[i], ring.points[i + 1])
        let (xj, yj) = (ring.points[j], ring.points[j + 1])
        if (yi > latitude) != (yj > latitude),
          longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi
        {
          inside.toggle()
        }
        j = i
      }
      if inside { return ring.name }
    }
    return nil
  }
}
