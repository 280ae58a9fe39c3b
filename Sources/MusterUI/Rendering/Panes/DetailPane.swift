import MusterDomain
import MusterTerminal

/// The detail pane: the record's lines, wrapped to the width, the cursor line when focused,
/// and the trail of followed records as breadcrumbs in the title.
struct DetailPane {
  let state: AppState
  let options: RenderOptions

  var theme: Theme { options.theme }
  var glyphs: GlyphSet { options.glyphs }
  var isFocused: Bool { state.focus == .detail }

  func draw(in area: Rect, on screen: inout ScreenBuffer) {
    let detail = state.detail
    let crumbs = detail.history.map(\.title) + (detail.record == nil ? [] : [detail.title])
    let title = (["Detail"] + crumbs.suffix(3)).map {
      DisplayText($0, upToWidth: 24).truncated(toWidth: 24, ellipsis: glyphs.ellipsis).description
    }
    .joined(separator: " \(glyphs.crumb) ")
    let trailing = detail.isLoading ? "loading\(glyphs.ellipsis)" : ""
    let inside = Box(
      title: DisplayText(title), trailing: DisplayText(trailing), isFocused: isFocused
    )
    .draw(
      in: area, on: &screen, glyphs: glyphs,
      border: theme[isFocused ? .focusedBorder : .border], titleStyle: theme[.title])
    guard !inside.isEmpty else { return }
    let width = inside.width - 1
    if detail.lines.isEmpty {
      let hint = detail.record == nil ? "Nothing selected." : ""
      screen.write(DisplayText(hint), at: inside.origin, clip: inside, style: theme[.muted])
      return
    }
    var y = inside.minY
    if let matched = matchedLine {
      // How the search found this record: above its lines, not one of them.
      screen.write(
        DisplayText(matched).truncated(toWidth: width, ellipsis: glyphs.ellipsis),
        at: inside.origin, clip: inside, style: theme[.muted])
      y += 1
    }
    var index = detail.scroll
    while y < inside.maxY, index < detail.lines.count {
      let isCursor = isFocused && index == detail.cursor
      let line =
        query.map { Self.highlighted(detail.lines[index], query: $0) } ?? detail.lines[index]
      for row in line.rows(width: width) {
        guard y < inside.maxY else { break }
        let rowArea = Rect(x: inside.minX, y: y, width: width, height: 1)
        if isCursor { screen.fill(rowArea, style: theme[.selection]) }
        var x = inside.minX
        for (character, role) in row {
          var style = theme[Self.role(for: role)]
          if isCursor { style = style.merged(with: theme[.selection]) }
          x = screen.write(
            DisplayText(characters: [character]), at: Point(x: x, y: y), clip: rowArea, style: style
          )
        }
        y += 1
      }
      index += 1
    }
    Scrollbar.draw(
      in: Rect(x: inside.maxX - 1, y: inside.minY, width: 1, height: inside.height),
      total: detail.lines.count, offset: detail.scroll, visible: inside.height, on: &screen,
      glyphs: glyphs, style: theme[.border])
  }

  /// `matched as: alias «…»` or `close match to «…»`, when the detail is the selected
  /// search result and it matched through a name other than its title, under another
  /// spelling or as a close match.
  var matchedLine: String? {
    guard query != nil, let hit = state.search.results.selectedHit,
      hit.record == state.detail.record, let matched = hit.matched,
      matched.isAlias || hit.tier == .transliteration || hit.tier == .closeMatch
    else { return nil }
    return matched.phrase(for: hit.tier)
  }

  /// The words of the search on show, when the detail is one of its results.
  var query: String? {
    guard state.search.results.isShowing || state.searchPrompt == .search,
      let query = state.search.results.query, query.hasText
    else { return nil }
    return query.text
  }

  /// A line with the parts a query matches set apart.
  static func highlighted(_ line: DetailLine, query: String) -> DetailLine {
    var result = line
    result.spans = line.spans.flatMap { span -> [DetailSpan] in
      let ranges = SearchKey.highlights(of: query, in: span.text)
      guard !ranges.isEmpty else { return [span] }
      var spans: [DetailSpan] = []
      var start = span.text.startIndex
      for range in ranges {
        if start < range.lowerBound {
          spans.append(DetailSpan(String(span.text[start..<range.lowerBound]), span.role))
        }
        spans.append(DetailSpan(String(span.text[range]), .match))
        start = range.upperBound
      }
      if start < span.text.endIndex {
        spans.append(DetailSpan(String(span.text[start...]), span.role))
      }
      return spans
    }
    return result
  }

  static func role(for role: DetailRole) -> StyleRole {
    switch role {
    case .heading: .heading
    case .label: .label
    case .text: .text
    case .muted: .muted
    case .link: .link
    case .grade: .grade
    case .quote: .quote
    case .contested: .contested
    case .match: .match
    }
  }
}
