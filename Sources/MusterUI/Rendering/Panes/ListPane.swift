import MusterDomain
import MusterTerminal

/// The entity list: tabs for actors, sites and deployments with counts, and for each row its
/// name, its sort of thing, and its most useful fact as of the time cursor.
struct ListPane {
  let state: AppState
  let options: RenderOptions

  var theme: Theme { options.theme }
  var glyphs: GlyphSet { options.glyphs }
  var isFocused: Bool { state.focus == .list }

  func draw(in area: Rect, on screen: inout ScreenBuffer) {
    if state.search.results.isShowing {
      drawResults(in: area, on: &screen)
      return
    }
    let list = state.list
    let inside = drawFrame(selected: list.selected, total: list.total, in: area, on: &screen)
    guard inside.height > 1 else { return }
    let textWidth = inside.width - 1
    let (titleWidth, categoryWidth) = Self.columns(width: textWidth - 2)
    let factHeading = list.tab == .actors ? "Where" : list.tab == .sites ? "Held by" : "Status"
    let factWidth = textWidth - 2 - titleWidth - categoryWidth
    let asOf = state.asOf.map { " as of \($0)" } ?? ""
    let heading =
      "  " + DisplayText("Name").fitted(toWidth: titleWidth).description
      + (categoryWidth > 0 ? DisplayText("Kind").fitted(toWidth: categoryWidth).description : "")
      + factHeading
      + (factHeading.count + asOf.count <= factWidth ? asOf : "")
    screen.write(
      DisplayText(heading), at: inside.origin, clip: inside, style: theme[.muted])
    let rowsArea = Rect(
      x: inside.minX, y: inside.minY + 1, width: textWidth, height: inside.height - 1)
    for line in 0..<rowsArea.height {
      let position = list.scroll + line
      guard position < list.total else { break }
      let rowArea = Rect(
        x: rowsArea.minX, y: rowsArea.minY + line, width: rowsArea.width, height: 1)
      let isSelected = position == list.selected
      let base = isSelected ? theme[isFocused ? .selection : .inactiveSelection] : theme[.text]
      screen.fill(rowArea, style: base)
      let pointer = isSelected ? "\(glyphs.pointer) " : "  "
      guard let row = list.row(at: position) else {
        screen.write(
          DisplayText(pointer + glyphs.ellipsis), at: rowArea.origin, clip: rowArea,
          style: base.merged(with: theme[.muted]))
        continue
      }
      var x = screen.write(DisplayText(pointer), at: rowArea.origin, clip: rowArea, style: base)
      x = screen.write(
        DisplayText(row.title, upToWidth: titleWidth).fitted(toWidth: titleWidth - 1) + " ",
        at: Point(x: x, y: rowArea.minY),
        clip: rowArea, style: base)
      if categoryWidth > 0 {
        x = screen.write(
          DisplayText(row.category, upToWidth: categoryWidth).fitted(toWidth: categoryWidth - 1)
            + " ",
          at: Point(x: x, y: rowArea.minY), clip: rowArea, style: base.merged(with: theme[.muted]))
      }
      let fact = row.fact + (row.grade.map { "  \($0)" } ?? "")
      screen.write(
        DisplayText(fact, upToWidth: max(0, rowArea.maxX - x)).truncated(
          toWidth: max(0, rowArea.maxX - x), ellipsis: glyphs.ellipsis),
        at: Point(x: x, y: rowArea.minY), clip: rowArea, style: base)
    }
    Scrollbar.draw(
      in: Rect(x: inside.maxX - 1, y: rowsArea.minY, width: 1, height: rowsArea.height),
      total: list.total, offset: list.scroll, visible: rowsArea.height, on: &screen,
      glyphs: glyphs, style: theme[.border])
  }

  /// The box with the tabs in its top border and the position on the right; the inside.
  ///
  /// The position goes when the tabs need the room for their counts; the status line
  /// repeats it.
  func drawFrame(
    selected: Int, total: Int, in area: Rect, on screen: inout ScreenBuffer
  ) -> Rect {
    let position = total == 0 ? "0" : "\(selected + 1) of \(total)"
    let keepsPosition = tabLabels(fitting: area.width - 4 - position.count - 3) == 0
    let inside = Box(
      title: "", trailing: keepsPosition ? DisplayText(position) : "", isFocused: isFocused
    ).draw(
      in: area, on: &screen, glyphs: glyphs, border: theme[isFocused ? .focusedBorder : .border],
      titleStyle: theme[.title])
    drawTabs(
      at: Point(x: area.minX + 1, y: area.minY),
      width: area.width - 2 - (keepsPosition ? position.count + 3 : 0), on: &screen)
    return inside
  }

  /// Name and kind column widths for a row this wide; the fact takes the rest.
  ///
  /// Narrow lists drop the kind: the name and the fact as of the cursor matter more.
  static func columns(width: Int) -> (title: Int, category: Int) {
    let category = width >= 50 ? min(14, max(10, width / 4)) : 0
    let title = max(8, (width - category) * 11 / 20)
    return (title, category)
  }

  /// The tab labels: with counts, without them, then shortened; Results last while there
  /// are results.
  var tabLabelSets: [[String]] {
    let results = state.search.results
    let hasResults = results.query != nil
    let tabs = ListTab.tabs(for: state.mode)
    return [
      tabs.map { tab in tab.title + (state.list.counts[tab].map { " \($0)" } ?? "") }
        + (hasResults ? ["Results \(results.totalText)"] : []),
      tabs.map(\.title) + (hasResults ? ["Results"] : []),
      tabs.map { String($0.title.prefix(4)) } + (hasResults ? ["Res"] : []),
    ]
  }

  /// The index of the first label set that fits `width` cells with separators and padding.
  func tabLabels(fitting width: Int) -> Int {
    let separator = " \(glyphs.dot) "
    return tabLabelSets.firstIndex { set in
      DisplayText(" " + set.joined(separator: separator) + " ").width <= width
    } ?? tabLabelSets.count - 1
  }

  /// The tabs in the top border: `Actors 22 · Sites 11 · Deployments 19`, without the
  /// counts (then shortened) when `width` is too narrow for them.
  func drawTabs(at point: Point, width: Int, on screen: inout ScreenBuffer) {
    let limit = Rect(x: point.x, y: point.y, width: max(0, width), height: 1)
    let separator = " \(glyphs.dot) "
    let fitting = tabLabelSets[tabLabels(fitting: width)]
    var x = screen.write(" ", at: point, clip: limit, style: theme[.border])
    for index in fitting.indices {
      if index > 0 {
        x = screen.write(
          DisplayText(separator), at: Point(x: x, y: point.y), clip: limit, style: theme[.border])
      }
      let tabs = ListTab.tabs(for: state.mode)
      let isActive =
        state.search.results.isShowing
        ? index == tabs.count : index == tabs.firstIndex(of: state.list.tab)
      let style = isActive ? theme[.activeTab] : theme[.muted]
      x = screen.write(
        DisplayText(fitting[index]), at: Point(x: x, y: point.y), clip: limit, style: style)
    }
    screen.write(" ", at: Point(x: x, y: point.y), clip: limit, style: theme[.border])
  }
}
