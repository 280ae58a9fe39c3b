import MusterTerminal

/// Aligned columns of sanitised text for the terminal.
struct TextTable {
  var rows: [[String]] = []
  /// The widest any column may grow before its text is cut with an ellipsis.
  var maximumColumnWidth = 60

  mutating func append(_ row: [String]) {
    rows.append(row)
  }

  func render() -> [String] {
    let cells = rows.map { $0.map { DisplayText($0) } }
    let columns = cells.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: columns)
    for row in cells {
      for (index, cell) in row.enumerated() {
        widths[index] = min(maximumColumnWidth, max(widths[index], cell.width))
      }
    }
    return cells.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1
          ? cell.truncated(toWidth: maximumColumnWidth).description
          : cell.fitted(toWidth: widths[index]).description
      }.joined(separator: "  ")
    }.map { line in
      var trimmed = line
      while trimmed.hasSuffix(" ") { trimmed.removeLast() }
      return trimmed
    }
  }
}
