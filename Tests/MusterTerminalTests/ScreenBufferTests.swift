import Testing

@testable import MusterTerminal

@Suite struct ScreenBufferTests {
  @Test func aWideCharacterTakesTwoCellsTheSecondMarkedAsItsContinuation() {
    var screen = ScreenBuffer(size: Size(width: 6, height: 1))
    let end = screen.write("a日b", at: Point(x: 0, y: 0))
    #expect(end == 4)
    #expect(screen[1, 0].character == "日")
    #expect(screen[2, 0].isContinuation)
    #expect(screen.lines() == ["a日b  "])
  }

  @Test func aWideCharacterThatWouldBeCutAtTheClipBecomesASpace() {
    var screen = ScreenBuffer(size: Size(width: 4, height: 1))
    screen.write("ab日", at: Point(x: 1, y: 0))
    #expect(screen.lines() == [" ab "])
    #expect(!screen[3, 0].isContinuation)
  }

  @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
    var screen = ScreenBuffer(size: Size(width: 4, height: 1))
    screen.write("日本", at: Point(x: 0, y: 0))
    screen.write("x", at: Point(x: 1, y: 0))
    #expect(screen.lines() == [" x本"])
    #expect(!screen[1, 0].isContinuation)
    screen.write("y", at: Point(x: 2, y: 0))
    #expect(screen.lines() == [" xy "])
    #expect(screen.cells.allSatisfy { !$0.isContinuation })
  }

  @Test func aWideCharacterOverAnotherAtTheSamePlaceKeepsBothHalves() {
    var screen = ScreenBuffer(size: Size(width: 4, height: 1))
    screen.write("日", at: Point(x: 1, y: 0))
    screen.write("本", at: Point(x: 1, y: 0))
    #expect(screen.lines() == [" 本 "])
    #expect(screen[2, 0].isContinuation)
  }

  @Test func aWideCharacterOverlappingAnotherByOneCellLeavesNoHalf() {
    var screen = ScreenBuffer(size: Size(width: 5, height: 1))
    screen.write("日", at: Point(x: 0, y: 0))
    screen.write("本", at: Point(x: 1, y: 0))
    #expect(screen.lines() == [" 本  "])
    #expect(!screen[0, 0].isContinuation && screen[2, 0].isContinuation)
  }

  @Test func writesAreClippedToTheRectangleAndTheGrid() {
    var screen = ScreenBuffer(size: Size(width: 5, height: 2))
    screen.write("abcdefgh", at: Point(x: 1, y: 0), clip: Rect(x: 0, y: 0, width: 3, height: 2))
    screen.write("zz", at: Point(x: -1, y: 1))
    screen.write("never", at: Point(x: 0, y: 5))
    #expect(screen.lines() == [" ab  ", "z    "])
  }

  @Test func stylesMergeColoursAndAttributes() {
    let base = Style(foreground: .red, isBold: true)
    let merged = base.merged(with: Style(background: .blue, isReversed: true))
    #expect(merged == Style(foreground: .red, background: .blue, isBold: true, isReversed: true))
    var screen = ScreenBuffer(size: Size(width: 2, height: 1))
    screen.write("ab", at: Point(x: 0, y: 0), style: base)
    screen.applyStyle(Style(isUnderlined: true), to: Rect(x: 1, y: 0, width: 1, height: 1))
    #expect(screen[0, 0].style == base)
    #expect(screen[1, 0].style == Style(foreground: .red, isBold: true, isUnderlined: true))
  }
}

@Suite struct RectTests {
  let area = Rect(x: 2, y: 3, width: 10, height: 6)

  @Test func splitsCoverTheRectangleWithoutOverlap() {
    let (top, rest) = area.splitTop(height: 2)
    #expect(top == Rect(x: 2, y: 3, width: 10, height: 2))
    #expect(rest == Rect(x: 2, y: 5, width: 10, height: 4))
    let (above, bottom) = area.splitBottom(height: 1)
    #expect(above.height + bottom.height == 6 && bottom.minY == 8)
    let (left, right) = area.splitLeft(percent: 45)
    #expect(left.width == 4 && right.minX == 6 && right.width == 6)
  }

  @Test func splitsClampToWhatThereIs() {
    #expect(area.splitTop(height: 99).rest.isEmpty)
    #expect(area.splitLeft(width: -3).left.isEmpty)
    #expect(area.splitBottom(height: 99).bottom == area)
  }

  @Test func intersectionAndContainment() {
    let other = Rect(x: 10, y: 0, width: 10, height: 5)
    #expect(area.intersection(other) == Rect(x: 10, y: 3, width: 2, height: 2))
    #expect(area.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
    #expect(area.contains(Point(x: 2, y: 3)) && !area.contains(Point(x: 12, y: 3)))
    #expect(area.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 4))
  }
}

@Suite struct WidgetTests {
  @Test func aBoxDrawsItsBorderAndTitles() {
    var screen = ScreenBuffer(size: Size(width: 20, height: 3))
    let inside = Box(title: "Title", trailing: "3 of 9").draw(
      in: screen.bounds, on: &screen, glyphs: .unicode, border: .plain, titleStyle: .plain)
    #expect(inside == Rect(x: 1, y: 1, width: 18, height: 1))
    #expect(screen.lines()[0].hasPrefix("┌ Title "))
    #expect(screen.lines()[0].hasSuffix(" 3 of 9 ┐"))
    #expect(screen.lines()[1] == "│" + String(repeating: " ", count: 18) + "│")
    #expect(screen.lines()[2] == "└" + String(repeating: "─", count: 18) + "┘")
  }

  @Test func aBoxInASCIIAndAHopelesslySmallBox() {
    var screen = ScreenBuffer(size: Size(width: 8, height: 3))
    Box(title: "A long title").draw(
      in: screen.bounds, on: &screen, glyphs: .ascii, border: .plain, titleStyle: .plain)
    #expect(screen.lines() == ["+ A~ --+", "|      |", "+------+"])
    var tiny = ScreenBuffer(size: Size(width: 1, height: 1))
    let inside = Box(title: "x").draw(
      in: tiny.bounds, on: &tiny, glyphs: .unicode, border: .plain, titleStyle: .plain)
    #expect(inside.isEmpty)
  }

  @Test(arguments: [
    (total: 100, offset: 0, thumbAt: 0),
    (total: 100, offset: 90, thumbAt: 9),
    (total: 100, offset: 45, thumbAt: 4),
  ])
  func theScrollbarThumbFollowsTheOffset(total: Int, offset: Int, thumbAt: Int) {
    var screen = ScreenBuffer(size: Size(width: 1, height: 10))
    Scrollbar.draw(
      in: screen.bounds, total: total, offset: offset, visible: 10, on: &screen, glyphs: .ascii,
      style: .plain)
    let rows = screen.lines().map { $0 == "#" }
    #expect(rows.firstIndex(of: true) == thumbAt)
    #expect(rows.filter { $0 }.count == 1)
  }

  @Test func noScrollbarWhenEverythingFits() {
    var screen = ScreenBuffer(size: Size(width: 1, height: 5))
    Scrollbar.draw(
      in: screen.bounds, total: 5, offset: 0, visible: 5, on: &screen, glyphs: .unicode,
      style: .plain)
    #expect(screen.lines().allSatisfy { $0 == " " })
  }

  @Test func sparklineBarsScaleToTheLargestAndZeroIsBlank() {
    #expect(Sparkline.text([0, 1, 4, 8], glyphs: .unicode).description == " ▁▄█")
    #expect(Sparkline.text([0, 0], glyphs: .unicode).description == "  ")
    #expect(Sparkline.text([1, 2], glyphs: .ascii).width == 2)
  }

  @Test func wrappingBreaksAtSpacesAndCutsLongWordsByWidth() {
    let lines = DisplayText("the quick brown fox").wrapped(toWidth: 10).map(\.description)
    #expect(lines == ["the quick", "brown fox"])
    let wide = DisplayText("日本日本日本").wrapped(toWidth: 5).map(\.description)
    #expect(wide == ["日本", "日本", "日本"])
    #expect(DisplayText("").wrapped(toWidth: 5).map(\.description) == [""])
  }
}
