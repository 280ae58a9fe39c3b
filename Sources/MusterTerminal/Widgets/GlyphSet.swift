/// The characters borders, bars and markers are drawn with: box drawing and blocks, or
/// plain ASCII for `--ascii` and terminals whose locale is not UTF-8.
public struct GlyphSet: Hashable, Sendable {
  /// A horizontal border.
  public var horizontal: Character
  /// A vertical border.
  public var vertical: Character
  /// The top-left corner.
  public var topLeft: Character
  /// The top-right corner.
  public var topRight: Character
  /// The bottom-left corner.
  public var bottomLeft: Character
  /// The bottom-right corner.
  public var bottomRight: Character
  /// A border joint opening downwards.
  public var teeDown: Character
  /// A border joint opening upwards.
  public var teeUp: Character
  /// A border joint opening to the right.
  public var teeRight: Character
  /// A border joint opening to the left.
  public var teeLeft: Character
  /// The empty part of a scroll bar.
  public var scrollTrack: Character
  /// The part of a scroll bar that shows the visible rows.
  public var scrollThumb: Character
  /// Bar heights from lowest to highest, for sparklines.
  public var bars: [Character]
  /// Marks the selected row.
  public var pointer: Character
  /// Marks text cut short.
  public var ellipsis: String
  /// Separates items in a line.
  public var dot: String
  /// Separates breadcrumbs.
  public var crumb: String
  /// Points from one thing to the next.
  public var arrow: String

  /// Box drawing, block elements and typographic marks.
  public static let unicode = GlyphSet(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
    bottomRight: "┘", teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤",
    scrollTrack: "░", scrollThumb: "█", bars: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    pointer: "▶", ellipsis: "…", dot: "·", crumb: "›", arrow: "→")

  /// Plain ASCII only.
  public static let ascii = GlyphSet(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
    bottomRight: "+", teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+",
    scrollTrack: "|", scrollThumb: "#", bars: [".", ":", "-", "=", "+", "*", "%", "#"],
    pointer: ">", ellipsis: "~", dot: "|", crumb: ">", arrow: "->")
}
