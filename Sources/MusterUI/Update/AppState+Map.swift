import MusterDomain

extension AppState {
  /// The map's drawing area in cells: inside its box, less the legend's line.
  var mapCanvasSize: (columns: Int, rows: Int)? {
    guard let box = layout.map else { return nil }
    let columns = box.width - 2
    let rows = box.height - 3
    return columns > 0 && rows > 0 ? (columns, rows) : nil
  }

  /// The projection the map is drawn with now.
  var mapProjection: MapProjection? {
    mapCanvasSize.map { map.projection(columns: $0.columns, rows: $0.rows) }
  }

  /// `m`: shows the map (fitted around every located site the first time) or hides it.
  mutating func toggleMap() -> [Effect] {
    map.isShown.toggle()
    guard map.isShown else {
      if focus == .map { focus = .detail }
      return []
    }
    if focus == .detail, !layout.showsDetail { focus = .map }
    return (map.hasView ? [] : [.loadSiteBounds]) + mapSitesEffect()
  }

  /// `+` and `-`: halves or doubles the degrees a dot covers, around the centre.
  mutating func zoomMap(in zoomsIn: Bool) -> [Effect] {
    guard map.isShown else { return [] }
    map.degreesPerDot = min(
      max(map.degreesPerDot * (zoomsIn ? 0.5 : 2), MapProjection.minimumDegreesPerDot),
      MapProjection.maximumDegreesPerDot)
    map.hasView = true
    return mapSitesEffect()
  }

  /// Arrows with the map focused: moves the view by eighths of its size.
  mutating func panMap(x: Int, y: Int) -> [Effect] {
    guard map.isShown, let projection = mapProjection else { return [] }
    let centre = projection.point(
      x: Double(projection.width) * (0.5 + Double(x) / 8),
      y: Double(projection.height) * (0.5 + Double(y) / 8))
    map.latitude = min(max(centre.latitude, -85), 85)
    map.longitude = min(max(centre.longitude, -180), 180)
    map.hasView = true
    return mapSitesEffect()
  }

  /// `0`: fits the view around every located site once their box arrives.
  mutating func fitMap() -> [Effect] {
    guard map.isShown else { return [] }
    map.hasView = false
    return [.loadSiteBounds]
  }

  /// The box around the sites arrived: the view fits it unless the user has set one.
  mutating func siteBoundsArrived(_ box: GeoBox?) -> [Effect] {
    guard !map.hasView else { return [] }
    map.hasView = true
    if let box, let size = mapCanvasSize {
      let fitted = MapProjection.fitting(box, width: size.columns * 2, height: size.rows * 4)
      map.latitude = fitted.latitude
      map.longitude = fitted.longitude
      map.degreesPerDot = fitted.degreesPerDot
    }
    return mapSitesEffect()
  }

  /// Loads the sites around the view unless they are loaded (for this day) or coming.
  mutating func mapSitesEffect() -> [Effect] {
    guard map.isShown, let projection = mapProjection else { return [] }
    let view = projection.box
    if let loaded = map.loadedBox, loaded.contains(view), map.loadedAsOf == asOf { return [] }
    // Half a view more on every side, so small pans need no load.
    let tall = (view.maxLatitude - view.minLatitude) / 2
    let wide = (view.maxLongitude - view.minLongitude) / 2
    let box = GeoBox(
      minLatitude: view.minLatitude - tall, maxLatitude: view.maxLatitude + tall,
      minLongitude: view.minLongitude - wide, maxLongitude: view.maxLongitude + wide)
    if let pending = map.pendingBox, pending.contains(view) { return [] }
    map.pendingBox = box
    return [.loadMapSites(box, asOf: asOf)]
  }

  /// Sites arrived for a box: kept when they answer the last request.
  mutating func mapSitesArrived(_ box: GeoBox, asOf day: Day?, _ sites: [MapSite]) -> [Effect] {
    guard box == map.pendingBox else { return [] }
    map.pendingBox = nil
    map.sites = sites
    map.loadedBox = box
    map.loadedAsOf = day
    // The time cursor may have moved while they loaded.
    return day == asOf ? [] : mapSitesEffect()
  }

  /// The site the map highlights: the one in the detail, else the one selected in the list.
  var highlightedSite: RecordReference? {
    if let record = detail.record, record.kind == .site { return record }
    if let record = list.selectedRow?.record, record.kind == .site { return record }
    return nil
  }
}
