import MusterTerminal
import MusterTestSupport
import Testing

/// Whole screens over the bundled dataset, monochrome, compared with `Screens/*.txt`.
///
/// Record with `MUSTER_RECORD_SCREENS=1 swift test --filter GoldenScreenTests` and review.
@Suite struct GoldenScreenTests {
  let seeded: SeededCatalog

  init() throws {
    seeded = try SeededCatalog()
  }

  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  func check(_ name: String, keys: String = "", size: Size, asOf: String? = nil) throws {
    let screen = try seeded.screen(keys, size: size, asOf: asOf)
    try GoldenScreen.check(screen, named: "\(name)-\(size.width)x\(size.height)")
  }

  @Test(arguments: sizes)
  func start(size: Size) throws {
    try check("start", size: size)
  }

  @Test(arguments: sizes)
  func fatemiyounDetail(size: Size) throws {
    try check("fatemiyoun", keys: "j Enter", size: size)
  }

  @Test(arguments: sizes)
  func imamAliBaseAsOfTheEndOf2020(size: Size) throws {
    try check(
      "imam-ali-base-2020-12-31", keys: "l j j j j j j Enter", size: size, asOf: "2020-12-31")
  }

  @Test(arguments: sizes)
  func help(size: Size) throws {
    try check("help", keys: "?", size: size)
  }

  /// The map of the seed region, the border points selected, as of the end of 2020.
  @Test(arguments: sizes)
  func map(size: Size) throws {
    try check("map-2020-12-31", keys: "l j j m", size: size, asOf: "2020-12-31")
  }

  @Test func mapInASCII() throws {
    let screen = try seeded.screen(
      "l j j m", size: Size(width: 100, height: 30), asOf: "2020-12-31", glyphs: .ascii)
    try GoldenScreen.check(screen, named: "map-ascii-100x30")
  }

  @Test func narrow() throws {
    try check("narrow", keys: "j Enter", size: Size(width: 60, height: 30))
  }

  @Test func tooSmall() throws {
    try check("too-small", size: Size(width: 30, height: 8))
  }

  @Test func asciiGlyphs() throws {
    let screen = try seeded.screen("j Enter", size: Size(width: 100, height: 20), glyphs: .ascii)
    try GoldenScreen.check(screen, named: "ascii-100x20")
  }
}
