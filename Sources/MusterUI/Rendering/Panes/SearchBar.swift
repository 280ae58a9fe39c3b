import MusterDomain
import MusterTerminal

/// The search (or filter) bar: what is typed, and how the search is going.
struct SearchBar {
  let state: AppState
  let options: RenderOptions

  func draw(in area: Rect, on screen: inout ScreenBuffer) {
    let theme = options.theme
    let search = state.search
    screen.fill(area, style: theme[.statusLine])
    let isFilter = state.searchPrompt == .filter
    let label = isFilter ? " Filter: " : " / "
    var x = screen.write(
      DisplayText(label), at: area.origin, clip: area, style: theme[.statusKey])
    let status: String
    if isFilter {
      status = search.filter == nil ? "" : "now: \(search.filter?.description ?? "")"
    } else if search.isLoading {
      status = "searching\(options.glyphs.ellipsis)"
    } else if search.results.query == nil {
      status = ""
    } else {
      let results = search.results
      let groups = SearchGroup.allCases.compactMap { group in
        results.counts[group].map { "\(group.title) \(results.countText($0))" }
      }
      status = groups.isEmpty ? "no results" : groups.joined(separator: " \(options.glyphs.dot) ")
    }
    let statusText = DisplayText(status + " ").truncated(
      toWidth: max(0, area.width / 2), ellipsis: options.glyphs.ellipsis)
    // The end of the query shows when it is longer than the room.
    let room = max(1, area.maxX - x - statusText.width - 1)
    var typed = DisplayText(search.text + "_")
    while typed.width > room, !typed.characters.isEmpty {
      typed = DisplayText(characters: Array(typed.characters.dropFirst()))
    }
    x = screen.write(
      typed, at: Point(x: x, y: area.minY), clip: area,
      style: theme[.statusLine].merged(with: theme[.prompt]))
    screen.write(
      statusText, at: Point(x: area.maxX - statusText.width, y: area.minY), clip: area,
      style: theme[.statusLine])
  }
}
