import MusterDomain

/// The timeline: a loaded window of entries in date order, the selection, and the activity
/// sparkline.
public struct TimelineState: Equatable, Sendable, Selecting {
  /// The loaded entries, in date order.
  public var entries: [TimelineEntry] = []
  /// The selected index into `entries`, and the first one shown.
  public var selection = Selection()
  /// Whether entries exist before the first loaded one.
  public var hasEarlier = false
  /// Whether entries exist after the last loaded one.
  public var hasLater = false
  /// Events per slice of the span, for the sparkline.
  public var activity: [Int] = []

  /// How many entries a load asks for on each side.
  public static let window = 60

  /// The selected entry, if any.
  public var selectedEntry: TimelineEntry? {
    entries.indices.contains(selected) ? entries[selected] : nil
  }
}
