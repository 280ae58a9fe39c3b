import MusterDomain
import MusterResources
import MusterTerminal
import Testing

@testable import MusterUI

/// The map's pure parts: braille cells, lines and clipping, the projection, the outlines.
@Suite struct MapDrawingTests {
  @Test func eachDotSetsItsOwnBrailleBit() {
    var canvas = BrailleCanvas(columns: 1, rows: 1)
    #expect(canvas.character(column: 0, row: 0) == nil, "an empty cell draws nothing")
    // Unicode's numbering: dots 1-3 and 7 down the left, 4-6 and 8 down the right.
    let expected: [(x: Int, y: Int, scalar: UInt32)] = [
      (0, 0, 0x2801), (0, 1, 0x2802), (0, 2, 0x2804), (0, 3, 0x2840),
      (1, 0, 0x2808), (1, 1, 0x2810), (1, 2, 0x2820), (1, 3, 0x2880),
    ]
    for dot in expected {
      var single = BrailleCanvas(columns: 1, rows: 1)
      single.set(x: dot.x, y: dot.y)
      #expect(single.character(column: 0, row: 0) == Character(Unicode.Scalar(dot.scalar)!))
    }
    for dot in expected { canvas.set(x: dot.x, y: dot.y) }
    #expect(canvas.character(column: 0, row: 0) == "⣿")
    canvas.set(x: 5, y: -1)
    canvas.set(x: 2, y: 0)
    #expect(canvas.character(column: 0, row: 0) == "⣿", "dots outside are dropped")
  }

  @Test func linesSetEveryDotBetweenTheirEnds() {
    var canvas = BrailleCanvas(columns: 4, rows: 2)
    canvas.line(from: (0, 0), to: (7, 7))
    for step in 0...7 { #expect(canvas.isSet(x: step, y: step)) }
    #expect(!canvas.isSet(x: 1, y: 0))
    var flat = BrailleCanvas(columns: 3, rows: 1)
    flat.line(from: (0, 2), to: (5, 2))
    #expect((0..<3).map { flat.character(column: $0, row: 0) } == ["⠤", "⠤", "⠤"])
  }

  @Test func linesAreClippedToTheCanvasHoweverFarTheyReach() {
    var canvas = BrailleCanvas(columns: 2, rows: 1)
    canvas.line(from: (-1e9, 1), to: (1e9, 1))
    for x in 0..<4 { #expect(canvas.isSet(x: x, y: 1)) }
    var outside = BrailleCanvas(columns: 2, rows: 1)
    outside.line(from: (-10, -10), to: (-1, 50))
    #expect((0..<2).allSatisfy { outside.character(column: $0, row: 0) == nil })
    #expect(BrailleCanvas.clip((0, 0), (.nan, 1), width: 3, height: 3) == nil)
  }

  @Test func theProjectionPutsTheCentreInTheMiddleAndInvertsExactly() {
    let projection = MapProjection(
      latitude: 34.45, longitude: 40.9, degreesPerDot: 0.01, width: 100, height: 80)
    let centre = projection.dot(latitude: 34.45, longitude: 40.9)
    #expect(centre.x == 50 && centre.y == 40)
    let north = projection.dot(latitude: 34.55, longitude: 40.9)
    #expect(abs(north.y - 30) < 1e-9, "north is up, ten dots for 0.1 degree")
    let east = projection.dot(latitude: 34.45, longitude: 41.0)
    #expect(east.x > 50 && east.x < 60, "a degree of longitude is shorter than one of latitude")
    let back = projection.point(x: 12.5, y: 70.25)
    let again = projection.dot(latitude: back.latitude, longitude: back.longitude)
    #expect(abs(again.x - 12.5) < 1e-9 && abs(again.y - 70.25) < 1e-9)
    #expect(projection.box.contains(latitude: 34.45, longitude: 40.9))
  }

  @Test func fittingShowsAllOfTheBox() {
    let box = GeoBox(minLatitude: 30.0, maxLatitude: 36.4, minLongitude: 38.1, maxLongitude: 44.2)
    let fitted = MapProjection.fitting(box, width: 120, height: 60)
    #expect(fitted.box.contains(box))
    let tight = fitted.box
    #expect(tight.maxLatitude - tight.minLatitude < (box.maxLatitude - box.minLatitude) * 2)
    // A single town gets the region around it.
    let town = GeoBox(minLatitude: 34.4, maxLatitude: 34.5, minLongitude: 40.9, maxLongitude: 41)
    let regional = MapProjection.fitting(town, width: 120, height: 60).box
    #expect(abs(regional.maxLatitude - regional.minLatitude - MapProjection.minimumFitSpan) < 1e-9)
  }

  @Test func theBundledOutlinesReadAndPlaceTheSeedSitesInTheirCountries() {
    let outlines = MapOutlines(text: BundledResources.borders)
    #expect(outlines.rings.count > 150)
    #expect(outlines.country(atLatitude: 34.4536, longitude: 40.9367) == "Syria")  // Albu Kamal
    #expect(outlines.country(atLatitude: 35.3333, longitude: 40.15) == "Syria")  // Deir ez-Zor
    #expect(outlines.country(atLatitude: 34.38, longitude: 41.10) == "Iraq")  // al-Qaim
    #expect(outlines.country(atLatitude: 0, longitude: -30) == nil, "the Atlantic")
    let broken = MapOutlines(text: "no bar here\nX|1,2\nY|1,2 3,4 x\n")
    #expect(broken.rings.map(\.name) == ["Y"] && broken.rings[0].points == [1, 2, 3, 4])
  }
}

/// The map in the browser: showing, zooming, panning, fitting and holders over time.
@Suite struct MapViewTests {
  let seeded: SeededCatalog

  init() throws {
    seeded = try SeededCatalog()
  }

  @Test func mShowsTheMapFittedAroundTheSitesAndTheKeysMoveIt() throws {
    var (session, terminal) = try seeded.session(asOf: "2020-12-31")
    try press("m", &session, on: terminal)
    var map = session.state.map
    #expect(map.isShown && map.hasView)
    #expect(session.state.focus == .list)
    #expect(map.sites.count == 9, "every located seed site is loaded")
    let fitted = try #require(session.state.mapProjection)
    for site in map.sites {
      #expect(fitted.box.contains(latitude: site.latitude, longitude: site.longitude))
    }
    try press("+", &session, on: terminal)
    #expect(session.state.map.degreesPerDot == map.degreesPerDot / 2)
    try press("-", &session, on: terminal)
    #expect(session.state.map.degreesPerDot == map.degreesPerDot)
    // Tab to the map; arrows pan it instead of moving the list.
    try press("Tab", &session, on: terminal)
    #expect(session.state.focus == .map)
    let list = session.state.list.selected
    try press("Right Down", &session, on: terminal)
    #expect(
      session.state.map.longitude > map.longitude && session.state.map.latitude < map.latitude)
    #expect(session.state.list.selected == list)
    try press("0", &session, on: terminal)
    map = session.state.map
    #expect(
      abs(map.latitude - fitted.latitude) < 1e-9 && abs(map.longitude - fitted.longitude) < 1e-9)
    try press("m", &session, on: terminal)
    #expect(!session.state.map.isShown && session.state.focus == .detail)
  }

  @Test func theBorderPointsChangeHolderColourAcrossDecember2020() throws {
    func marker(asOf: String) throws -> (style: Style, marker: Character, legend: String) {
      let screen = try seeded.screen(
        "l j j m", size: Size(width: 120, height: 40), asOf: asOf, theme: .standard)
      let markers: Set<Character> = ["●", "▲", "■", "◆", "★", "✚"]
      let lines = screen.lines()
      // The highlighted marker: the one reversed cell holding a marker.
      var found: Cell?
      for y in 0..<screen.size.height {
        for x in 0..<screen.size.width
        where markers.contains(screen[x, y].character) && screen[x, y].style.isReversed {
          found = screen[x, y]
        }
      }
      let cell = try #require(found)
      let legend = try #require(
        lines.last { line in
          line.contains { markers.contains($0) } && !line.contains("border points")
        })
      return (cell.style, cell.character, legend)
    }
    let before = try marker(asOf: "2020-11-30")
    let after = try marker(asOf: "2021-01-15")
    #expect(before.legend.contains("Harakat al-Abdal"))
    #expect(after.legend.contains("Fifth Corps"))
    #expect(before.style.foreground != after.style.foreground)
    #expect(before.marker != after.marker, "the shape changes too, for screens without colour")
  }

  /// Regression (found by the monkey test): Enter with the map in the detail's place
  /// focused the hidden detail, so keys went to a pane nobody could see.
  @Test func enterWithTheMapInTheDetailsPlaceKeepsTheFocusOnAVisiblePane() throws {
    var (session, terminal) = try seeded.session(asOf: "2020-12-31")
    try press("l m j Enter", &session, on: terminal)
    #expect(session.state.focus == .map)
    #expect(session.state.detail.record == session.state.list.selectedRow?.record)
    #expect(session.state.highlightedSite == session.state.detail.record)
    try press("3", &session, on: terminal)
    #expect(session.state.focus == .map)
  }

  @Test func aKioskCanLookAtTheMap() throws {
    var (session, terminal) = try seeded.session(mode: .kiosk)
    try press("m + 0", &session, on: terminal)
    #expect(session.state.map.isShown)
  }
}
