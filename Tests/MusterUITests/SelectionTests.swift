import Testing

@testable import MusterUI

/// The scrolling rule the list, the timeline and the search results share.
@Suite struct SelectionTests {
  @Test(arguments: [
    (0, 1, 1), (0, -1, 0), (5, 100, 9), (5, Int.max, 9), (5, Int.min, 0), (9, 1, 9),
  ])
  func aMoveStaysAmongThePositions(from: Int, delta: Int, to: Int) {
    let selection = Selection(selected: from)

    #expect(selection.target(movingBy: delta, count: 10) == to)
  }

  @Test func theSelectionStaysInsideTheVisibleRows() {
    var selection = Selection()

    selection.select(7, count: 20, rows: 5)
    #expect(selection.scroll == 3)
    selection.select(1, count: 20, rows: 5)
    #expect(selection.scroll == 1)
    // A list that shrank under the selection, and rows that grew: no empty screenful.
    selection.select(19, count: 20, rows: 5)
    selection.keepVisible(count: 8, rows: 5)
    #expect(selection == Selection(selected: 7, scroll: 3))
    selection.keepVisible(count: 8, rows: 30)
    #expect(selection.scroll == 0)
    selection.keepVisible(count: 0, rows: 5)
    #expect(selection == Selection(selected: 0, scroll: 0))
  }
}
