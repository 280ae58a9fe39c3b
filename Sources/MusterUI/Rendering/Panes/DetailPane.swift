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
    var index = detail.scroll
    while y < inside.maxY, index < detail.lines.count {
      let isCursor = isFocused && index == detail.cursor
      let line =
        query.map { Self.highlighted(detail.lines[index], query: $0) } ?? detail.lines[index]
      for row in Self.rows(of: line, width: width) {
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

  /// The words of the search on show, when the detail is one of its results.
  var query: String? {
    guard state.search.results.isShowing || state.search.prompt == .search,
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

  /// A line as screen rows `width` cells wide.
  ///
  /// Indented, wrapped at spaces, continuation rows indented two more. Scrolling and clicks use the same rows.
  static func rows(of line: DetailLine, width: Int) -> [[(DisplayCharacter, DetailRole)]] {
    let indent = min(line.indent * 2, max(0, width / 2))
    let pad = DisplayText(String(repeating: " ", count: indent)).characters.map {
      ($0, DetailRole.text)
    }
    let content = line.spans.flatMap { span in
      DisplayText(span.text).characters.map { ($0, span.role) }
    }
    guard width > indent + 2 else { return [pad + content] }
    var rows: [[(DisplayCharacter, DetailRole)]] = []
    var current = pad
    var used = indent
    var lastSpace: Int?
    let continuation = DisplayText(String(repeating: " ", count: min(indent + 2, width / 2)))
      .characters.map { ($0, DetailRole.text) }
    for item in content {
      if used + item.0.width > width {
        if item.0.character == " " {
          // The line breaks here; the space is not needed on either row.
          rows.append(current)
          current = continuation
          used = current.reduce(0) { $0 + $1.0.width }
          lastSpace = nil
          continue
        }
        var carried: [(DisplayCharacter, DetailRole)] = []
        if let space = lastSpace, space > (rows.isEmpty ? indent : continuation.count) {
          carried = Array(current[(space + 1)...])
          current.removeSubrange(space...)
        }
        rows.append(current)
        current = continuation + carried
        used = current.reduce(0) { $0 + $1.0.width }
        lastSpace = nil
      }
      if item.0.character == " " { lastSpace = current.count }
      current.append(item)
      used += item.0.width
    }
    rows.append(current)
    return rows
  }

  /// How many rows a line takes at a width.
  static func rowCount(of line: DetailLine, width: Int) -> Int {
    rows(of: line, width: width).count
  }

  /// The line shown at a row of the pane's inside, if any.
  static func line(atRow row: Int, lines: [DetailLine], scroll: Int, width: Int) -> Int? {
    guard row >= 0 else { return nil }
    var y = 0
    var index = scroll
    while index < lines.count {
      let count = rowCount(of: lines[index], width: width)
      if row < y + count { return index }
      y += count
      index += 1
    }
    return nil
  }
}
