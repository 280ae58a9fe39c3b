import MusterDomain

/// The tabs of the entity list.
public enum ListTab: Int, CaseIterable, Hashable, Sendable {
  case actors
  case sites
  case deployments
  /// The records the analyst pinned, of any kind (not in kiosk mode).
  case pins

  /// The kind of record it lists (pins list every kind; their query says so).
  public var kind: RecordKind {
    switch self {
    case .actors: .actor
    case .sites: .site
    case .deployments: .deployment
    case .pins: .note
    }
  }

  /// Its label.
  public var title: String {
    switch self {
    case .actors: "Actors"
    case .sites: "Sites"
    case .deployments: "Deployments"
    case .pins: "Pins"
    }
  }

  /// The tabs a mode shows, in order: a kiosk has no pins.
  public static func tabs(for mode: SessionMode) -> [ListTab] {
    mode == .kiosk ? [.actors, .sites, .deployments] : allCases
  }
}

/// The entity list: which tab, a loaded window of its rows, and the selection.
///
/// Lists can be long (tens of thousands of places), so only a window of rows around the
/// selection is loaded; indexes are positions in the whole list.
public struct ListState: Equatable, Sendable, Selecting {
  /// The tab shown.
  public var tab: ListTab = .actors
  /// The loaded rows, starting at `offset`.
  public var rows: [EntityRow] = []
  /// The position of `rows[0]` in the whole list.
  public var offset = 0
  /// How many rows the whole list has.
  public var total = 0
  /// The selected position and the first one shown.
  public var selection = Selection()
  /// How many records each tab lists.
  public var counts: [ListTab: Int] = [:]
  /// The window being loaded, so a load is not asked for twice.
  public var pendingOffset: Int?

  /// How many rows a load asks for.
  public static let window = 100

  /// The row at a position, if loaded.
  public func row(at position: Int) -> EntityRow? {
    let index = position - offset
    return rows.indices.contains(index) ? rows[index] : nil
  }

  /// The selected row, if loaded.
  public var selectedRow: EntityRow? { row(at: selected) }

}
