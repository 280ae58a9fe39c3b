import MusterDomain
import MusterTerminal

/// The map: country outlines in braille dots (or ASCII), sites as markers coloured by the
/// actor holding them as of the time cursor, the highlighted site labelled, and a legend.
struct MapPane {
  let state: AppState
  let options: RenderOptions

  var theme: Theme { options.theme }
  var glyphs: GlyphSet { options.glyphs }
  var isASCII: Bool { glyphs == .ascii }

  /// Marker shapes, one per holder in turn, so holders differ without colour too.
  static let unicodeMarkers: [Character] = ["●", "▲", "■", "◆", "★", "✚"]
  static let asciiMarkers: [Character] = ["o", "^", "#", "*", "+", "x"]

  /// The holders in view in legend order (by name), each with its palette index.
  static func holders(_ sites: [MapSite]) -> [(actor: RecordReference, name: String)] {
    var seen: [RecordReference: String] = [:]
    for site in sites {
      if let holder = site.holder { seen[holder] = site.holderName ?? holder.rawValue }
    }
    return seen.map { (actor: $0.key, name: $0.value) }.sorted {
      ($0.name, $0.actor.rawValue) < ($1.name, $1.actor.rawValue)
    }
  }

  func draw(in area: Rect, on screen: inout ScreenBuffer) {
    let map = state.map
    let isFocused = state.focus == .map
    let scale = Self.scaleText(degreesPerDot: map.degreesPerDot)
    let inside = Box(
      title: DisplayText("Map" + (state.asOf.map { " \(glyphs.dot) as of \($0)" } ?? "")),
      trailing: DisplayText(scale), isFocused: isFocused
    )
    .draw(
      in: area, on: &screen, glyphs: glyphs,
      border: theme[isFocused ? .focusedBorder : .border], titleStyle: theme[.title])
    guard inside.width > 0, inside.height > 1,
      let projection = state.mapProjection
    else { return }
    let canvasArea = Rect(
      x: inside.minX, y: inside.minY, width: inside.width, height: inside.height - 1)
    var canvas = BrailleCanvas(columns: canvasArea.width, rows: canvasArea.height)
    options.outlines.draw(on: &canvas, with: projection)
    // A few hundred braille patterns fill thousands of cells: each one sanitised once.
    var cells: [Character: DisplayText] = [:]
    for row in 0..<canvas.rows {
      for column in 0..<canvas.columns {
        guard let character = canvas.character(column: column, row: row) else { continue }
        let cell =
          cells[character]
          ?? {
            let text = DisplayText(isASCII ? "." : String(character))
            cells[character] = text
            return text
          }()
        screen.write(
          cell,
          at: Point(x: canvasArea.minX + column, y: canvasArea.minY + row), clip: canvasArea,
          style: theme[.mapOutline])
      }
    }
    let holders = Self.holders(map.sites)
    let index = Self.slots(holders.map(\.actor), count: Self.unicodeMarkers.count)
    let markers = isASCII ? Self.asciiMarkers : Self.unicodeMarkers
    let markerTexts = markers.map { DisplayText(String($0)) }
    let unheld = DisplayText(isASCII ? "." : "·")
    let highlighted = state.highlightedSite
    var label: (point: Point, name: String)?
    // Sites without a holder first, so held ones are drawn over them; the highlighted one
    // last of all. In passes, not sorted: thousands of sites, each copied twice per sort.
    let sites = map.sites
    let highlightedIndex = highlighted.flatMap { record in
      sites.firstIndex { $0.record == record }
    }
    let unheldFirst =
      sites.indices.filter { sites[$0].holder == nil && $0 != highlightedIndex }
      + sites.indices.filter { sites[$0].holder != nil && $0 != highlightedIndex }
      + (highlightedIndex.map { [$0] } ?? [])
    for position in unheldFirst {
      let site = sites[position]
      let dot = projection.dot(latitude: site.latitude, longitude: site.longitude)
      let column = Int((dot.x / 2).rounded(.down))
      let row = Int((dot.y / 4).rounded(.down))
      guard column >= 0, row >= 0, column < canvas.columns, row < canvas.rows else { continue }
      let point = Point(x: canvasArea.minX + column, y: canvasArea.minY + row)
      var style = theme[.muted]
      var marker = unheld
      if let holder = site.holder, let slot = index[holder] {
        style = theme.holders[slot % theme.holders.count]
        marker = markerTexts[slot % markers.count]
      }
      if position == highlightedIndex {
        style.isReversed = true
        label = (point, site.name)
      }
      screen.write(marker, at: point, clip: canvasArea, style: style)
    }
    if let label {
      let text = DisplayText(" " + label.name + " ").truncated(
        toWidth: max(0, canvasArea.width / 2), ellipsis: glyphs.ellipsis)
      var x = label.point.x + 1
      if x + text.width > canvasArea.maxX { x = max(canvasArea.minX, label.point.x - text.width) }
      screen.write(
        text, at: Point(x: x, y: label.point.y), clip: canvasArea, style: theme[.title])
    }
    drawLegend(
      holders, slots: index, markers: markers,
      in: Rect(x: inside.minX, y: inside.maxY - 1, width: inside.width, height: 1),
      on: &screen)
  }

  /// Each holder's colour and marker: one of its own, the same wherever the map looks and
  /// whenever the time cursor is (a hash of its id), moved along when two in view would
  /// share one.
  static func slots(_ actors: [RecordReference], count: Int) -> [RecordReference: Int] {
    var slots: [RecordReference: Int] = [:]
    var used: Set<Int> = []
    for actor in actors.sorted() {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in actor.rawValue.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      var slot = Int(hash % UInt64(max(1, count)))
      while used.contains(slot), used.count < count { slot = (slot + 1) % count }
      used.insert(slot)
      slots[actor] = slot
    }
    return slots
  }

  func drawLegend(
    _ holders: [(actor: RecordReference, name: String)], slots: [RecordReference: Int],
    markers: [Character], in line: Rect,
    on screen: inout ScreenBuffer
  ) {
    var x = line.minX
    let anyInferred = state.map.sites.contains { $0.holder != nil && $0.isInferred }
    if holders.isEmpty {
      screen.write(
        DisplayText(state.map.sites.isEmpty ? "no located sites in view" : "no holder known"),
        at: line.origin, clip: line, style: theme[.muted])
      return
    }
    // Holders whose every site in view is inferred are marked `~`, with the word in a key
    // at the end: not by colour alone.
    let key = DisplayText("~ inferred")
    let inferredOnly = Self.inferredOnly(in: state.map.sites)
    let room = line.maxX - (anyInferred ? key.width : 0)
    for (shown, holder) in holders.enumerated() {
      let slot = slots[holder.actor] ?? 0
      let inferred = inferredOnly.contains(holder.actor)
      let entry = DisplayText(
        String(markers[slot % markers.count]) + " " + (inferred ? "~" : "") + holder.name + "  ")
      guard x + entry.width <= room else {
        x = screen.write(
          DisplayText("+\(holders.count - shown)  "), at: Point(x: x, y: line.minY), clip: line,
          style: theme[.muted])
        break
      }
      x = screen.write(
        entry, at: Point(x: x, y: line.minY), clip: line,
        style: theme.holders[slot % theme.holders.count])
    }
    if anyInferred {
      screen.write(key, at: Point(x: x, y: line.minY), clip: line, style: theme[.muted])
    }
  }

  /// The holders every one of whose sites in view is held by inference.
  static func inferredOnly(in sites: [MapSite]) -> Set<RecordReference> {
    var inferred: Set<RecordReference> = []
    var claimed: Set<RecordReference> = []
    for site in sites {
      guard let holder = site.holder else { continue }
      if site.isInferred { inferred.insert(holder) } else { claimed.insert(holder) }
    }
    return inferred.subtracting(claimed)
  }

  /// The scale for the title: kilometres (or metres) a cell spans across.
  static func scaleText(degreesPerDot: Double) -> String {
    let kilometres = degreesPerDot * 2 * 111.32
    if kilometres >= 10 { return "\(Int(kilometres.rounded())) km/cell" }
    if kilometres >= 1 { return "\((kilometres * 10).rounded() / 10) km/cell" }
    return "\(Int((kilometres * 1000).rounded())) m/cell"
  }
}
