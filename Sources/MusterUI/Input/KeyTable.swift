import MusterTerminal

/// One entry of the keymap; the same data drives dispatch, the help screen, the status-line
/// hints and `docs/keys.md`.
public struct KeyBinding: Equatable, Sendable {
  /// What the help groups bindings under.
  public enum Section: String, CaseIterable, Sendable {
    case moving = "Moving"
    case panes = "Panes and records"
    case time = "Time"
    case search = "Search"
    case map = "Map"
    case notes = "Notes, pins and export"
    case app = "Muster"
  }

  /// The keys, the first one shown first.
  public let keys: [Key]
  /// What they do.
  public let command: Command
  /// A few words for the help, such as "next row".
  public let summary: String
  /// Where the help lists it.
  public let section: Section
  /// Whether the binding exists in kiosk mode.
  public let isKioskSafe: Bool
  /// A short hint for the status line, if it earns a place there.
  public let hint: String?

  /// A binding from its parts.
  public init(
    _ keys: [Key], _ command: Command, _ summary: String, _ section: Section = .app,
    isKioskSafe: Bool = true, hint: String? = nil
  ) {
    self.keys = keys
    self.command = command
    self.summary = summary
    self.section = section
    self.isKioskSafe = isKioskSafe
    self.hint = hint
  }

  /// The keys as the help writes them: `j / Down`.
  public var keyNames: String { keys.map(\.name).joined(separator: " / ") }
}

/// Which table reads the keys: the browser's, or one of an input mode's.
public enum KeyContext: CaseIterable, Hashable, Sendable {
  /// The browser itself.
  case browsing
  /// The map has focus: its table comes before the browser's.
  case map
  /// The help overlay.
  case help
  /// The search bar after `/`.
  case search
  /// The filter bar after `f`.
  case filter
  /// A date after `t`.
  case date
  /// A note after `a`.
  case note
  /// A form after `c`, `E` or `J`.
  case form
}

/// The bindings of one context, and what keys it does not bind mean there.
public struct KeyTable: Equatable, Sendable {
  /// The context it serves.
  public let context: KeyContext
  /// A heading for the help and `docs/keys.md`, such as "While typing a date (`t`)".
  public let title: String
  /// Its bindings, in the order the help lists them.
  public let bindings: [KeyBinding]
  /// Whether printable characters it does not bind are typed as text.
  public let typesText: Bool
  /// What any other key does (the help: closes it), or `nil` for nothing.
  public let otherKeys: Command?
  /// What the docs say besides the table (how search reads a query, say).
  public let notes: String?

  /// A table from its parts.
  public init(
    _ context: KeyContext, _ title: String, typesText: Bool = false, otherKeys: Command? = nil,
    notes: String? = nil, _ bindings: [KeyBinding]
  ) {
    self.context = context
    self.title = title
    self.bindings = bindings
    self.typesText = typesText
    self.otherKeys = otherKeys
    self.notes = notes
  }

  /// The bindings that exist in a mode: kiosk mode keeps only the kiosk-safe ones.
  public func bindings(for mode: SessionMode) -> [KeyBinding] {
    switch mode {
    case .interactive: bindings
    case .kiosk: bindings.filter(\.isKioskSafe)
    }
  }

  /// The command for `key` in `mode`, or `nil` when the table means nothing by it.
  public func command(for key: Key, in mode: SessionMode) -> Command? {
    if let bound = bindings(for: mode).first(where: { $0.keys.contains(key) }) {
      return bound.command
    }
    if typesText, case .character(let character) = key { return .type(character) }
    return otherKeys
  }

  /// The status line's hints in a mode, in order.
  public func hints(for mode: SessionMode) -> [String] {
    bindings(for: mode).compactMap(\.hint)
  }
}
