import MusterTerminal
import Testing

@testable import MusterUI

@Suite struct LayoutTests {
  @Test(arguments: [
    (Size(width: 120, height: 40), ScreenLayout.Arrangement.wide),
    (Size(width: 100, height: 10), .wide), (Size(width: 99, height: 40), .stacked),
    (Size(width: 80, height: 24), .stacked), (Size(width: 40, height: 10), .stacked),
    (Size(width: 39, height: 40), .tooSmall), (Size(width: 200, height: 9), .tooSmall),
    (Size(width: 20, height: 6), .tooSmall), (Size(width: 1, height: 1), .tooSmall),
  ])
  func theArrangementFollowsTheSize(size: Size, arrangement: ScreenLayout.Arrangement) {
    #expect(ScreenLayout(screen: size).arrangement == arrangement)
  }

  @Test(arguments: [
    Size(width: 40, height: 10), Size(width: 80, height: 24), Size(width: 99, height: 30),
    Size(width: 100, height: 10), Size(width: 120, height: 40), Size(width: 300, height: 90),
  ])
  func thePanesTileTheScreenWithoutOverlapping(size: Size) {
    let layout = ScreenLayout(screen: size)
    let rects = [layout.timeline, layout.list, layout.detail, layout.statusLine]
    #expect(rects.reduce(0) { $0 + $1.width * $1.height } == size.width * size.height)
    for (index, rect) in rects.enumerated() {
      #expect(!rect.isEmpty)
      #expect(Rect(size: size).intersection(rect) == rect)
      for other in rects[(index + 1)...] {
        #expect(rect.intersection(other).isEmpty)
      }
    }
    #expect(layout.statusLine.height == 1 && layout.statusLine.maxY == size.height)
    #expect(layout.listRows >= 1 && layout.detailRows >= 1)
  }

  @Test func wideScreensPutTheListBesideTheDetailUnderTheTimeline() {
    let layout = ScreenLayout(screen: Size(width: 120, height: 40))
    #expect(layout.timeline == Rect(x: 0, y: 0, width: 120, height: 12))
    #expect(layout.list == Rect(x: 0, y: 12, width: 48, height: 27))
    #expect(layout.detail == Rect(x: 48, y: 12, width: 72, height: 27))
    #expect(layout.timelineRows == 10)
  }

  @Test func narrowScreensStackTheListOverTheDetailUnderATimelineStrip() {
    let layout = ScreenLayout(screen: Size(width: 80, height: 24))
    #expect(layout.timeline == Rect(x: 0, y: 0, width: 80, height: 1))
    #expect(layout.list.minY == 1 && layout.detail.minY == layout.list.maxY)
    #expect(layout.timelineRows == 1)
  }

  @Test func panesAreFoundUnderAPoint() {
    let layout = ScreenLayout(screen: Size(width: 120, height: 40))
    #expect(layout.pane(at: Point(x: 3, y: 3)) == .timeline)
    #expect(layout.pane(at: Point(x: 3, y: 20)) == .list)
    #expect(layout.pane(at: Point(x: 60, y: 20)) == .detail)
    #expect(layout.pane(at: Point(x: 60, y: 39)) == nil)
  }

  @Test(arguments: [
    (Size(width: 20, height: 6), "Too small: have 20x6, need 40x10"),
    (Size(width: 39, height: 9), "Too small: have 39x9, need 40x10"),
    (Size(width: 12, height: 2), "Too small: need 40x10"),
    (Size(width: 8, height: 2), "need 40x10"),
  ])
  func tooSmallScreensShowTheNoticeAndNothingElse(size: Size, notice: String) {
    let screen = render(AppState(mode: .interactive, screenSize: size))
    let words = screen.lines().joined(separator: " ").split(separator: " ").joined(separator: " ")
    #expect(words == notice)
  }

  @Test func aOneByOneScreenDoesNotCrash() {
    let screen = render(AppState(mode: .interactive, screenSize: Size(width: 1, height: 1)))
    #expect(screen.size == Size(width: 1, height: 1))
  }
}
