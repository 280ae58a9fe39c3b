extension DisplayText {
  /// The text broken into lines at most `width` cells wide: at spaces where possible, inside
  /// a word longer than a line otherwise; never between a wide character's halves.
  public func wrapped(toWidth width: Int) -> [DisplayText] {
    guard width > 0 else { return [] }
    var lines: [DisplayText] = []
    var line: [DisplayCharacter] = []
    var lineWidth = 0
    var lastSpace: Int?
    for character in characters {
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
      }
      if character.character == " " { lastSpace = line.count }
      line.append(character)
      lineWidth += character.width
    }
    if !line.isEmpty || lines.isEmpty { lines.append(DisplayText(characters: line)) }
    return lines
  }
}
