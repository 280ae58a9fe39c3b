import MusterTerminal

/// One entry of the keymap; the same data drives dispatch, the help screen, the status-line
/// hints and `docs/keys.md`.
public struct KeyBinding: Sendable {
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
    _ keys: [Key], _ command: Command, _ summary: String, _ section: Section,
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

/// The table of key bindings, and how keys become commands in each state.
public struct Keymap: Sendable {
  /// Every binding, in the order the help lists them.
  public let bindings: [KeyBinding]

  /// A keymap from bindings.
  public init(_ bindings: [KeyBinding]) {
    self.bindings = bindings
  }

  /// The bindings Muster ships with (see interface.md, "Keys").
  public static let standard = Keymap([
    KeyBinding([.character("j"), .down], .moveSelection(by: 1), "next row", .moving),
    KeyBinding([.character("k"), .up], .moveSelection(by: -1), "previous row", .moving),
    KeyBinding([.character("g"), .home], .moveToStart, "first row", .moving),
    KeyBinding([.character("G"), .end], .moveToEnd, "last row", .moving),
    KeyBinding([.pageDown], .page(by: 1), "page down", .moving),
    // Ctrl-D ends things in a shell: in a kiosk it must do nothing at all.
    KeyBinding([.control("d")], .page(by: 1), "page down", .moving, isKioskSafe: false),
    KeyBinding([.pageUp, .control("u")], .page(by: -1), "page up", .moving),
    KeyBinding([.tab], .focusNext, "next pane", .panes, hint: "Tab pane"),
    KeyBinding([.backTab], .focusPrevious, "previous pane", .panes),
    KeyBinding([.character("1")], .focus(.timeline), "focus the timeline", .panes),
    KeyBinding([.character("2")], .focus(.list), "focus the list", .panes),
    KeyBinding([.character("3")], .focus(.detail), "focus the detail", .panes),
    KeyBinding([.character("l"), .right], .nextTab, "next list tab", .panes),
    KeyBinding([.character("h"), .left], .previousTab, "previous list tab", .panes),
    KeyBinding(
      [.enter], .open, "open the selected record, or follow the link", .panes,
      hint: "Enter open"),
    KeyBinding(
      [.backspace, .escape], .back, "back along followed links, then out of the detail", .panes),
    KeyBinding(
      [.character("]")], .stepTime(by: 1), "time cursor to the next entry", .time, hint: "[ ] time"),
    KeyBinding([.character("[")], .stepTime(by: -1), "time cursor to the previous entry", .time),
    KeyBinding([.character("}")], .moveTime(months: 1), "time cursor a month later", .time),
    KeyBinding([.character("{")], .moveTime(months: -1), "time cursor a month earlier", .time),
    KeyBinding(
      [.character("t")], .promptForDate, "type a date for the time cursor", .time, hint: "t date"),
    KeyBinding(
      [.character("/")], .startSearch,
      "search as you type (Enter keeps results, Esc goes back)", .search,
      hint: "/ search"),
    KeyBinding([.character("n")], .stepMatch(by: 1), "next search result", .search),
    KeyBinding([.character("N")], .stepMatch(by: -1), "previous search result", .search),
    KeyBinding(
      [.character("f")], .startFilter,
      "filter the timeline and the list (empty clears)", .search,
      hint: "f filter"),
    KeyBinding([.character("F")], .clearFilter, "clear the filter", .search),
    KeyBinding(
      [.character("m")], .toggleMap, "show or hide the map (arrows pan it when focused)", .map,
      hint: "m map"),
    KeyBinding([.character("+"), .character("=")], .zoomMap(in: true), "zoom the map in", .map),
    KeyBinding([.character("-")], .zoomMap(in: false), "zoom the map out", .map),
    KeyBinding([.character("0")], .fitMap, "fit the map around every located site", .map),
    KeyBinding(
      [.character("a")], .startNote, "add a note to the record in view", .notes,
      isKioskSafe: false),
    KeyBinding(
      [.character("p")], .togglePin, "pin or unpin the record in view", .notes,
      isKioskSafe: false),
    KeyBinding(
      [.character("e")], .exportView, "export the view to a file", .notes,
      isKioskSafe: false),
    KeyBinding([.character("?")], .toggleHelp, "this help", .app, hint: "? help"),
    KeyBinding([.control("l")], .redraw, "redraw the screen", .app),
    KeyBinding(
      [.character("q"), .control("c")], .quit, "quit", .app, isKioskSafe: false, hint: "q quit"),
  ])

  /// The bindings that exist in a mode: kiosk mode keeps only the kiosk-safe ones.
  public func bindings(for mode: SessionMode) -> [KeyBinding] {
    switch mode {
    case .interactive: bindings
    case .kiosk: bindings.filter(\.isKioskSafe)
    }
  }

  /// The command for `key` in `state`, or `nil` if the key means nothing there.
  ///
  /// While a date is being typed, printable keys are text; while the help shows, any key
  /// closes it.
  public func command(for key: Key, in state: AppState) -> Command? {
    if state.search.prompt != nil {
      switch key {
      case .enter: return .submit
      case .escape: return .cancel
      case .backspace, .delete: return .deleteBackward
      case .up: return .recallQuery(by: -1)
      case .down: return .recallQuery(by: 1)
      case .character(let character): return .type(character)
      default: return nil
      }
    }
    if state.noteDraft != nil {
      switch key {
      case .enter: return .submit
      case .escape: return .cancel
      case .backspace: return .deleteBackward
      case .delete: return .edit(.deleteForward)
      case .left: return .edit(.left)
      case .right: return .edit(.right)
      case .home, .control("a"): return .edit(.start)
      case .end, .control("e"): return .edit(.end)
      case .character(let character): return .type(character)
      default: return nil
      }
    }
    if state.datePrompt != nil {
      switch key {
      case .enter: return .submit
      case .escape: return .cancel
      case .backspace, .delete: return .deleteBackward
      case .character(let character): return .type(character)
      default: return nil
      }
    }
    if state.isHelpVisible {
      // Arrows, j/k and the page keys scroll a help taller than the screen; any other key
      // closes it.
      switch key {
      case .character("?"): return .toggleHelp
      case .down, .character("j"): return .scrollHelp(by: 1)
      case .up, .character("k"): return .scrollHelp(by: -1)
      case .pageDown, .character(" "): return .scrollHelp(by: 10)
      case .pageUp: return .scrollHelp(by: -10)
      default: return .cancel
      }
    }
    if state.focus == .map, state.map.isShown {
      switch key {
      case .left, .character("h"): return .panMap(x: -1, y: 0)
      case .right, .character("l"): return .panMap(x: 1, y: 0)
      case .up, .character("k"): return .panMap(x: 0, y: -1)
      case .down, .character("j"): return .panMap(x: 0, y: 1)
      default: break
      }
    }
    return bindings(for: state.mode).first { $0.keys.contains(key) }?.command
  }

  /// The status line's hints for a mode.
  public func hints(for mode: SessionMode) -> [String] {
    bindings(for: mode).compactMap(\.hint)
  }

  /// The status-line hint of the binding for `command`, if it has one.
  public func hint(for command: Command) -> String? {
    bindings.first { $0.command == command }?.hint
  }

  /// `docs/keys.md`: every binding of every mode, made from this table.
  public func markdown() -> String {
    var text = """
      # Keys

      Generated from the keymap (`Keymap.standard`); `make docs` writes it and a test fails
      when it is stale. The `?` help in the browser shows the same table for the current mode.

      """
    for section in KeyBinding.Section.allCases {
      text += "\n## \(section.rawValue)\n\n| Keys | Does | Kiosk |\n|---|---|---|\n"
      for binding in bindings where binding.section == section {
        let keys = binding.keys.map { "`\($0.name)`" }.joined(separator: ", ")
        text += "| \(keys) | \(binding.summary) | \(binding.isKioskSafe ? "yes" : "no") |\n"
      }
    }
    text += """

      ## While typing a search (`/`) or a filter (`f`)

      Results update on every keystroke. Words match any spelling of a name and, from their
      third letter, the start of words in text; `"quoted phrases"` match words in order;
      `actor:`, `site:`, `kind:`, `since:`, `until:` and `grade:` filter (for example
      `actor:russia site:"albu kamal" since:2020-12 grade:<=C3`). Enter keeps the results
      (or applies the filter), Esc restores the view as it was, Up and Down recall earlier
      queries (not in kiosk mode), Backspace deletes. A query that cannot be read shows why
      under the bar and the last results stay. Pasted text lands in the bar.

      ## While the map has focus (`m`, then Tab or `3`)

      The arrow keys (or `h` `j` `k` `l`) move the view by an eighth of its size; `+` and `-`
      zoom, `0` fits every located site. Each site is a marker in the colour (and shape) of
      the actor holding it as of the time cursor, listed in the legend; the site in the
      detail or selected in the list is highlighted and named. On screens 160 columns wide
      or more the map shows beside the detail instead of in its place.

      ## While writing a note (`a`)

      Left and Right move the cursor a character at a time (wide characters whole), Home or
      Ctrl-A to the start, End or Ctrl-E to the end; Backspace and Delete delete before and
      under the cursor. Enter saves the note with your name (`$USER`) and the time; Esc
      discards it. Pasted text lands in the note, control characters dropped.

      ## While typing a date (`t`)

      Type `2020-12-31`, `2020-12`, `2020` or `2020-W51`; Enter moves the time cursor to the
      last day of that date, Backspace deletes, Esc cancels.

      ## Mouse

      A click focuses the pane under it and selects the row; a click on the selected row opens
      it, as Enter does. The wheel scrolls the pane under the pointer.

      """
    return text
  }
}
