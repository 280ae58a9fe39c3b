import MusterDomain
import MusterTerminal

/// Draws the whole screen for a state: a pure function of the state and the options.
public func render(_ state: AppState, options: RenderOptions = RenderOptions()) -> ScreenBuffer {
  var screen = ScreenBuffer(size: state.screenSize)
  let layout = state.layout
  guard layout.arrangement != .tooSmall else {
    TooSmallNotice.draw(size: state.screenSize, on: &screen, theme: options.theme)
    return screen
  }
  TimelinePane(state: state, layout: layout, options: options).draw(on: &screen)
  ListPane(state: state, options: options).draw(in: layout.list, on: &screen)
  if layout.showsDetail {
    DetailPane(state: state, options: options).draw(in: layout.detail, on: &screen)
  }
  if let map = layout.map {
    MapPane(state: state, options: options).draw(in: map, on: &screen)
  }
  StatusLine(state: state, options: options).draw(in: layout.statusLine, on: &screen)
  if state.searchPrompt != nil, layout.statusLine.minY > 0 {
    SearchBar(state: state, options: options).draw(
      in: Rect(
        x: layout.statusLine.minX, y: layout.statusLine.minY - 1, width: layout.statusLine.width,
        height: 1), on: &screen)
  }
  if state.isHelpVisible {
    HelpOverlay(state: state, options: options).draw(on: &screen)
  }
  if let form = state.form {
    FormOverlay(form: form, options: options).draw(
      in: Rect(x: 0, y: 0, width: screen.size.width, height: layout.statusLine.minY),
      on: &screen)
  }
  return screen
}

/// The "too small" notice, instead of a broken screen.
enum TooSmallNotice {
  static func draw(size: Size, on screen: inout ScreenBuffer, theme: Theme) {
    let need = ScreenLayout.minimum
    // The longest wording that fits whole.
    let wordings = [
      "Too small: have \(size.width)x\(size.height), need \(need.width)x\(need.height)",
      "Too small: need \(need.width)x\(need.height)", "need \(need.width)x\(need.height)",
      "small",
    ]
    let width = max(1, size.width)
    let lines =
      wordings.lazy.map { DisplayText($0).wrapped(toWidth: width) }
      .first { $0.count <= size.height && $0.allSatisfy { $0.width <= width } }
      ?? DisplayText(wordings[wordings.count - 1]).wrapped(toWidth: width)
    let top = max(0, (size.height - lines.count) / 2)
    for (index, line) in lines.enumerated() where top + index < size.height {
      let x = max(0, (size.width - line.width) / 2)
      screen.write(line, at: Point(x: x, y: top + index), style: theme[.notice])
    }
  }
}

extension FuzzyDate {
  /// The date with its precision when it is not a known day: `2020-12 (month)`.
  var labelled: String {
    precision == .day ? description : "\(description) (\(precision.rawValue))"
  }
}
