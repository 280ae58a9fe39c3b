import MusterTerminal

extension DetailLine {
  /// A line as screen rows `width` cells wide.
  ///
  /// Indented, wrapped at spaces, continuation rows indented two more. Scrolling and clicks use the same rows.
  public func rows(width: Int) -> [[(DisplayCharacter, DetailRole)]] {
    let line = self
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

  /// How many rows the line takes at a width.
  public func rowCount(width: Int) -> Int {
    rows(width: width).count
  }

  /// Which of `lines`, scrolled to `scroll`, shows at a row of a pane `width` wide.
  public static func line(atRow row: Int, lines: [DetailLine], scroll: Int, width: Int) -> Int? {
    guard row >= 0 else { return nil }
    var y = 0
    var index = scroll
    while index < lines.count {
      let count = lines[index].rowCount(width: width)
      if row < y + count { return index }
      y += count
      index += 1
    }
    return nil
  }
}
