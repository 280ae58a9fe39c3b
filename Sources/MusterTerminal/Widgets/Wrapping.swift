extension DisplayText {
  /// The text broken into lines at most `width` cells wide: at spaces where possible, inside
  /// a word longer than a line otherwise; never between a wide character's halves (one
  /// wider than the line itself becomes `?`).
  public func wrapped(toWidth width: Int) -> [DisplayText] {
    guard width > 0 else { return [] }
    var lines: [DisplayText] = []
    var line: [DisplayCharacter] = []
    var lineWidth = 0
    var lastSpace: Int?
    // A character wider than a whole line (a wide one in one column) shows as `?`.
    let narrow = DisplayText("?").characters[0]
    for original in characters {
      let character = original.width > width ? narrow : original
      if lineWidth + character.width > width {
        if character.character == " " {
          lines.append(DisplayText(characters: line))
          line = []
          lineWidth = 0
          lastSpace = nil
          continue
        }
        if let space = lastSpace {
          lines.append(DisplayText(characters: Array(line[..<space])))
          line = Array(line[(space + 1)...])
        } else {
          lines.append(DisplayText(characters: line))
          line = []
        }
        lineWidth = line.reduce(0) { $0 + $1.width }
        lastSpace = nil
        // The part carried over from the last space may leave no room either.
        if lineWidth + character.width > width, !line.isEmpty {
          lines.append(DisplayText(characters: line))
          line = []
          lineWidth = 0
        }
      }
      if character.character == " " { lastSpace = line.count }
      line.append(character)
      lineWidth += character.width
    }
    if !line.isEmpty || lines.isEmpty { lines.append(DisplayText(characters: line)) }
    return lines
  }
}
