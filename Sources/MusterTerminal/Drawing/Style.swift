/// A terminal colour.
///
/// The terminal's own default, one of the sixteen named ones, or one of
/// the 256-colour palette. Backends step down to what the terminal supports.
public enum Color: Hashable, Sendable {
  case `default`
  case black
  case red
  case green
  case yellow
  case blue
  case magenta
  case cyan
  case white
  case brightBlack
  case brightRed
  case brightGreen
  case brightYellow
  case brightBlue
  case brightMagenta
  case brightCyan
  case brightWhite
  /// An entry of the 256-colour palette.
  case palette(UInt8)
}

/// How a cell looks: colours and attributes.
public struct Style: Hashable, Sendable {
  /// The text colour.
  public var foreground: Color
  /// The cell's colour.
  public var background: Color
  /// Bold (or bright) text.
  public var isBold: Bool
  /// Colours swapped.
  public var isReversed: Bool
  /// Underlined text.
  public var isUnderlined: Bool
  /// Dimmed text.
  public var isDim: Bool

  /// A style from its parts; the default is the terminal's own colours, no attributes.
  public init(
    foreground: Color = .default, background: Color = .default, isBold: Bool = false,
    isReversed: Bool = false, isUnderlined: Bool = false, isDim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.isBold = isBold
    self.isReversed = isReversed
    self.isUnderlined = isUnderlined
    self.isDim = isDim
  }

  /// The terminal's default look.
  public static let plain = Style()

  /// This style with another on top: the other's colours where it sets them, and the
  /// attributes of both.
  public func merged(with other: Style) -> Style {
    Style(
      foreground: other.foreground == .default ? foreground : other.foreground,
      background: other.background == .default ? background : other.background,
      isBold: isBold || other.isBold, isReversed: isReversed || other.isReversed,
      isUnderlined: isUnderlined || other.isUnderlined, isDim: isDim || other.isDim)
  }
}
