import MusterDomain
import MusterTerminal

extension ListPane {
  /// The Results tab: counts by group in the heading, then each result with its group, its
  /// title and the text that matched, the matched parts set apart.
  func drawResults(in area: Rect, on screen: inout ScreenBuffer) {
    let results = state.search.results
    let inside = drawFrame(
      selected: results.selected, total: results.matches.count, in: area, on: &screen)
    guard inside.height > 1 else { return }
    let textWidth = inside.width - 1
    let groups = SearchGroup.allCases.compactMap { group in
      results.counts[group].map { "\(group.title) \(results.countText($0))" }
    }
    let heading =
      results.query == nil
      ? "Type to search: names in any spelling, words, \"phrases\", actor: site: kind: since: grade:"
      : groups.isEmpty ? "No results." : "  " + groups.joined(separator: " \(glyphs.dot) ")
    screen.write(
      DisplayText(heading).truncated(toWidth: textWidth, ellipsis: glyphs.ellipsis),
      at: inside.origin, clip: inside, style: theme[.muted])
    let rowsArea = Rect(
      x: inside.minX, y: inside.minY + 1, width: textWidth, height: inside.height - 1)
    let (titleWidth, categoryWidth) = Self.columns(width: textWidth - 2)
    let words = results.query?.text ?? ""
    for line in 0..<rowsArea.height {
      let position = results.scroll + line
      guard position < results.matches.count else { break }
      let rowArea = Rect(
        x: rowsArea.minX, y: rowsArea.minY + line, width: rowsArea.width, height: 1)
      let isSelected = position == results.selected
      let base = isSelected ? theme[isFocused ? .selection : .inactiveSelection] : theme[.text]
      screen.fill(rowArea, style: base)
      let pointer = isSelected ? "\(glyphs.pointer) " : "  "
      var x = screen.write(DisplayText(pointer), at: rowArea.origin, clip: rowArea, style: base)
      guard let hit = results.hit(at: position) else {
        screen.write(
          DisplayText(glyphs.ellipsis), at: Point(x: x, y: rowArea.minY), clip: rowArea,
          style: base.merged(with: theme[.muted]))
        continue
      }
      let title =
        DisplayText(hit.title, upToWidth: titleWidth).fitted(toWidth: titleWidth - 1) + " "
      x = writeMarked(
        title, ranges: SearchKey.highlights(of: words, in: hit.title), source: hit.title,
        at: Point(x: x, y: rowArea.minY), clip: rowArea, base: base, on: &screen)
      if categoryWidth > 0 {
        let group = hit.group == .statements ? "statement" : hit.record.kind.singular
        x = screen.write(
          DisplayText(group).fitted(toWidth: categoryWidth - 1) + " ",
          at: Point(x: x, y: rowArea.minY), clip: rowArea, style: base.merged(with: theme[.muted]))
      }
      let grade = hit.grade.map { "\($0) " } ?? ""
      x = screen.write(
        DisplayText(grade), at: Point(x: x, y: rowArea.minY), clip: rowArea,
        style: base.merged(with: theme[.grade]))
      if let label = hit.matched?.label(for: hit.tier) {
        // How a name matched when it was not spelled as the query: alias, another
        // romanisation or script, a close match.
        screen.write(
          DisplayText(label).truncated(
            toWidth: max(0, rowArea.maxX - x), ellipsis: glyphs.ellipsis),
          at: Point(x: x, y: rowArea.minY), clip: rowArea, style: base.merged(with: theme[.muted]))
        continue
      }
      guard hit.snippet != hit.title, !hit.snippet.isEmpty else { continue }
      let snippet = DisplayText(hit.snippet).truncated(
        toWidth: max(0, rowArea.maxX - x), ellipsis: glyphs.ellipsis)
      let ranges = hit.highlights.compactMap { range -> Range<String.Index>? in
        let characters = hit.snippet
        guard range.lowerBound >= 0, range.upperBound <= characters.count else { return nil }
        let start = characters.index(characters.startIndex, offsetBy: range.lowerBound)
        let end = characters.index(characters.startIndex, offsetBy: range.upperBound)
        return start..<end
      }
      writeMarked(
        snippet, ranges: ranges, source: hit.snippet, at: Point(x: x, y: rowArea.minY),
        clip: rowArea, base: base, on: &screen)
    }
    Scrollbar.draw(
      in: Rect(x: inside.maxX - 1, y: rowsArea.minY, width: 1, height: rowsArea.height),
      total: results.matches.count, offset: results.scroll, visible: rowsArea.height,
      on: &screen, glyphs: glyphs, style: theme[.border])
  }

  /// Writes display text made from `source`, the characters inside `ranges` (ranges of
  /// `source`) in the match style; returns the column after it.
  ///
  /// The sanitiser keeps one display character per character of the source, so offsets
  /// carry over; when it does not (a fitted or cut text), the marks stop where it ends.
  @discardableResult
  func writeMarked(
    _ text: DisplayText, ranges: [Range<String.Index>], source: String, at point: Point,
    clip: Rect, base: Style, on screen: inout ScreenBuffer
  ) -> Int {
    // Alternating runs: plain, marked, plain, ..., as character offsets.
    var bounds: [Int] = []
    for range in ranges {
      let start = source.distance(from: source.startIndex, to: range.lowerBound)
      bounds += [start, start + source.distance(from: range.lowerBound, to: range.upperBound)]
    }
    let characters = text.characters
    var x = point.x
    var start = 0
    for (index, bound) in (bounds + [characters.count]).enumerated() {
      let end = min(max(start, bound), characters.count)
      guard end > start else { continue }
      let style = index % 2 == 1 ? base.merged(with: theme[.match]) : base
      x = screen.write(
        DisplayText(characters: Array(characters[start..<end])), at: Point(x: x, y: point.y),
        clip: clip, style: style)
      start = end
    }
    return x
  }
}
