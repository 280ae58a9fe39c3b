import MusterTerminal

/// What a piece of the screen means; themes decide how each meaning looks.
public enum StyleRole: CaseIterable, Hashable, Sendable {
  case text
  case muted
  case border
  case focusedBorder
  case title
  case selection
  case inactiveSelection
  case link
  case grade
  case contested
  case heading
  case label
  case quote
  case statusLine
  case statusKey
  case notice
  case future
  case cursor
  case activeTab
  case prompt
  /// Text a search matched.
  case match
  /// Country outlines on the map.
  case mapOutline
}

/// A style for every role.
///
/// Views ask for roles, never for colours.
public struct Theme: Sendable {
  private let styles: [StyleRole: Style]
  /// The colours of holders on the map, one per actor in view, in turn.
  public let holders: [Style]

  /// A theme from its styles; roles left out look plain.
  public init(_ styles: [StyleRole: Style], holders: [Style] = [Style(isBold: true)]) {
    self.styles = styles
    self.holders = holders.isEmpty ? [Style(isBold: true)] : holders
  }

  /// The style of a role.
  public subscript(role: StyleRole) -> Style {
    styles[role] ?? .plain
  }

  /// Colours on the terminal's own background, for terminals that have them.
  public static let standard = Theme(
    [
      .muted: Style(foreground: .brightBlack),
      .border: Style(foreground: .brightBlack),
      .focusedBorder: Style(foreground: .cyan, isBold: true),
      .title: Style(isBold: true),
      .selection: Style(isReversed: true),
      .inactiveSelection: Style(isUnderlined: true),
      .link: Style(foreground: .blue),
      .grade: Style(foreground: .yellow),
      .contested: Style(foreground: .red, isBold: true),
      .heading: Style(isBold: true),
      .label: Style(foreground: .cyan),
      .quote: Style(foreground: .green),
      .statusLine: Style(isReversed: true),
      .statusKey: Style(isBold: true, isReversed: true),
      .notice: Style(foreground: .yellow, isBold: true),
      .future: Style(foreground: .brightBlack),
      .cursor: Style(foreground: .magenta, isBold: true),
      .activeTab: Style(isBold: true, isUnderlined: true),
      .prompt: Style(isBold: true),
      .match: Style(foreground: .yellow, isBold: true, isUnderlined: true),
      .mapOutline: Style(foreground: .brightBlack),
    ],
    holders: [
      Style(foreground: .red, isBold: true), Style(foreground: .green, isBold: true),
      Style(foreground: .yellow, isBold: true), Style(foreground: .blue, isBold: true),
      Style(foreground: .magenta, isBold: true), Style(foreground: .cyan, isBold: true),
    ])

  /// No colour at all: for `NO_COLOR`, `--no-color`, monochrome terminals and golden files.
  public static let monochrome = Theme([
    .focusedBorder: Style(isBold: true),
    .title: Style(isBold: true),
    .selection: Style(isReversed: true),
    .inactiveSelection: Style(isUnderlined: true),
    .contested: Style(isBold: true),
    .heading: Style(isBold: true),
    .statusLine: Style(isReversed: true),
    .statusKey: Style(isBold: true, isReversed: true),
    .notice: Style(isBold: true),
    .future: Style(isDim: true),
    .cursor: Style(isBold: true),
    .activeTab: Style(isBold: true, isUnderlined: true),
    .prompt: Style(isBold: true),
    .match: Style(isBold: true, isUnderlined: true),
  ])
}

/// How the screen is drawn: the theme, the glyphs and the keymap (for hints and help).
public struct RenderOptions: Sendable {
  /// Colours by role.
  public var theme: Theme
  /// Box drawing or ASCII.
  public var glyphs: GlyphSet
  /// The country outlines the map draws.
  public var outlines: MapOutlines

  /// Options from their parts.
  public init(
    theme: Theme = .monochrome, glyphs: GlyphSet = .unicode, outlines: MapOutlines = .none
  ) {
    self.theme = theme
    self.glyphs = glyphs
    self.outlines = outlines
  }
}
