import MusterTerminal

/// The key tables, one for each context, and how keys become commands in each state.
///
/// One table drives dispatch, the `?` help, the status-line hints and `docs/keys.md` for
/// every input mode; a new mode (a form, say) is a new `KeyContext` and a table here.
public struct Keymap: Equatable, Sendable {
  /// Every table, browsing first.
  public let tables: [KeyTable]

  /// A keymap from tables.
  public init(_ tables: [KeyTable]) {
    self.tables = tables
  }

  /// The table of a context (an empty one if the keymap has none).
  public func table(_ context: KeyContext) -> KeyTable {
    tables.first { $0.context == context } ?? KeyTable(context, "", [])
  }

  /// The browser's own bindings (what the help lists).
  public var bindings: [KeyBinding] { table(.browsing).bindings }

  /// The browser's bindings that exist in a mode: kiosk mode keeps only the kiosk-safe ones.
  public func bindings(for mode: SessionMode) -> [KeyBinding] {
    table(.browsing).bindings(for: mode)
  }

  /// The command for `key` in `state`, or `nil` if the key means nothing there.
  ///
  /// The table of the state's input mode reads the key; with the map focused, the map's
  /// table comes first and the browser's takes what it leaves.
  public func command(for key: Key, in state: AppState) -> Command? {
    let context = state.keyContext
    if let command = table(context).command(for: key, in: state.mode) { return command }
    guard context == .map else { return nil }
    return table(.browsing).command(for: key, in: state.mode)
  }

  /// The status line's hints for a context in a mode.
  public func hints(for mode: SessionMode, in context: KeyContext = .browsing) -> [String] {
    table(context).hints(for: mode)
  }

  /// The status-line hint of the browser's binding for `command`, if it has one.
  public func hint(for command: Command) -> String? {
    bindings.first { $0.command == command }?.hint
  }

  /// The help's lines for a mode: section headings and `keys  summary` rows.
  public func helpLines(for mode: SessionMode) -> [(text: String, isHeading: Bool)] {
    var lines: [(String, Bool)] = []
    let bindings = bindings(for: mode)
    for section in KeyBinding.Section.allCases {
      let inSection = bindings.filter { $0.section == section }
      guard !inSection.isEmpty else { continue }
      if !lines.isEmpty { lines.append(("", false)) }
      lines.append((section.rawValue, true))
      // Bindings that do the same thing share a row: `PgDn / Ctrl-D  page down`.
      var rows: [(keys: [String], summary: String, command: Command)] = []
      for binding in inSection {
        if let index = rows.firstIndex(where: {
          $0.command == binding.command && $0.summary == binding.summary
        }) {
          rows[index].keys.append(binding.keyNames)
        } else {
          rows.append(([binding.keyNames], binding.summary, binding.command))
        }
      }
      for row in rows {
        let keys = row.keys.joined(separator: " / ")
        lines.append((DisplayText(keys).fitted(toWidth: 20).description + row.summary, false))
      }
    }
    return lines
  }

  /// The bindings Muster ships with (see interface.md, "Keys").
  public static let standard = Keymap([
    KeyTable(
      .browsing, "Browsing",
      [
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
          [.character("]")], .stepTime(by: 1), "time cursor to the next entry", .time,
          hint: "[ ] time"),
        KeyBinding(
          [.character("[")], .stepTime(by: -1), "time cursor to the previous entry", .time),
        KeyBinding([.character("}")], .moveTime(months: 1), "time cursor a month later", .time),
        KeyBinding([.character("{")], .moveTime(months: -1), "time cursor a month earlier", .time),
        KeyBinding(
          [.character("t")], .promptForDate, "type a date for the time cursor", .time,
          hint: "t date"),
        KeyBinding(
          [.character("d")], .cyclePresenceWindow, "days that count as seen here: 30, 90, 180, 365",
          .time),
        KeyBinding(
          [.character("w")], .showChanges,
          "what moved in the time cursor's last step", .time),
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
        KeyBinding(
          [.character("+"), .character("=")], .zoomMap(in: true), "zoom the map in", .map),
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
        KeyBinding(
          [.character("u")], .undo, "undo your own last change", .notes,
          isKioskSafe: false),
        KeyBinding(
          [.character("c")], .startClaim, "a new claim on the actor or site in view", .notes,
          isKioskSafe: false),
        KeyBinding(
          [.character("E")], .startEndClaim, "end the claim in view on a date", .notes,
          isKioskSafe: false),
        KeyBinding(
          [.character("C")], .startCite, "cite another document for the claim in view",
          .notes, isKioskSafe: false),
        KeyBinding(
          [.character("R")], .startRegrade, "grade a document of the claim in view (1-6)",
          .notes, isKioskSafe: false),
        KeyBinding(
          [.character("H")], .startHandOver, "hand the claim in view over to another actor",
          .notes, isKioskSafe: false),
        KeyBinding(
          [.character("J")], .startJudgeClaim, "accept, contest or reject the claim in view",
          .notes, isKioskSafe: false),
        KeyBinding([.character("?")], .toggleHelp, "this help", .app, hint: "? help"),
        KeyBinding([.control("l")], .redraw, "redraw the screen", .app),
        KeyBinding(
          [.character("q"), .control("c")], .quit, "quit", .app, isKioskSafe: false, hint: "q quit"),
      ]),
    KeyTable(
      .map, "While the map has focus (`m`, then Tab or `3`)",
      notes: """
        Each site is a marker in the colour (and shape) of the actor holding it as of the
        time cursor, listed in the legend; the site in the detail or selected in the list is
        highlighted and named. On screens 160 columns wide or more the map shows beside the
        detail instead of in its place. Other keys work as they do in the browser.
        """,
      [
        KeyBinding([.left, .character("h")], .panMap(x: -1, y: 0), "move the view west"),
        KeyBinding([.right, .character("l")], .panMap(x: 1, y: 0), "move the view east"),
        KeyBinding([.up, .character("k")], .panMap(x: 0, y: -1), "move the view north"),
        KeyBinding([.down, .character("j")], .panMap(x: 0, y: 1), "move the view south"),
      ]),
    KeyTable(
      .help, "While the help shows (`?`)", otherKeys: .cancel,
      notes: "Any other key closes the help.",
      [
        KeyBinding([.character("?")], .toggleHelp, "close the help"),
        KeyBinding([.down, .character("j")], .scrollHelp(by: 1), "scroll down a line"),
        KeyBinding([.up, .character("k")], .scrollHelp(by: -1), "scroll up a line"),
        KeyBinding([.pageDown, .character(" ")], .scrollHelp(by: 10), "scroll down a page"),
        KeyBinding([.pageUp], .scrollHelp(by: -10), "scroll up a page"),
      ]),
    KeyTable(
      .search, "While typing a search (`/`)", typesText: true,
      notes: """
        Results update on every keystroke. Words match any spelling of a name and, from their
        third letter, the start of words in text; `"quoted phrases"` match words in order;
        `actor:`, `site:`, `kind:`, `since:`, `until:` and `grade:` filter (for example
        `actor:russia site:"albu kamal" since:2020-12 grade:<=C3`). A query that cannot be
        read shows why under the bar and the last results stay. Pasted text lands in the bar.
        """,
      [
        KeyBinding([.enter], .submit, "keep the results", hint: "Enter keep results"),
        KeyBinding([.escape], .cancel, "restore the view", hint: "Esc restore the view"),
        KeyBinding([.backspace, .delete], .deleteBackward, "delete the last character"),
        KeyBinding(
          [.up], .recallQuery(by: -1), "an earlier query", isKioskSafe: false,
          hint: "Up/Down history"),
        KeyBinding([.down], .recallQuery(by: 1), "a later query", isKioskSafe: false),
      ]),
    KeyTable(
      .filter, "While typing a filter (`f`)", typesText: true,
      notes: "The same syntax as search; the filter lasts on the timeline and the list.",
      [
        KeyBinding(
          [.enter], .submit, "apply the filter (empty clears)", hint: "Enter apply (empty clears)"),
        KeyBinding([.escape], .cancel, "cancel", hint: "Esc cancel"),
        KeyBinding([.backspace, .delete], .deleteBackward, "delete the last character"),
        KeyBinding([.up], .recallQuery(by: -1), "an earlier query", isKioskSafe: false),
        KeyBinding([.down], .recallQuery(by: 1), "a later query", isKioskSafe: false),
      ]),
    KeyTable(
      .date, "While typing a date (`t`)", typesText: true,
      notes: """
        Type `2020-12-31`, `2020-12`, `2020` or `2020-W51`; the time cursor moves to the last
        day of that date.
        """,
      [
        KeyBinding([.enter], .submit, "move the time cursor there"),
        KeyBinding([.escape], .cancel, "cancel"),
        KeyBinding([.backspace, .delete], .deleteBackward, "delete the last character"),
      ]),
    KeyTable(
      .note, "While writing a note (`a`)", typesText: true,
      notes: """
        Enter saves the note with your name (`$USER`) and the time. Pasted text lands in the
        note, control characters dropped.
        """,
      [
        KeyBinding([.enter], .submit, "save the note", hint: "Enter save"),
        KeyBinding([.escape], .cancel, "discard it", hint: "Esc cancel"),
        KeyBinding([.backspace], .deleteBackward, "delete before the cursor"),
        KeyBinding([.delete], .edit(.deleteForward), "delete under the cursor"),
        KeyBinding([.left], .edit(.left), "a character left (wide ones whole)"),
        KeyBinding([.right], .edit(.right), "a character right"),
        KeyBinding([.home, .control("a")], .edit(.start), "to the start"),
        KeyBinding([.end, .control("e")], .edit(.end), "to the end"),
      ]),
    KeyTable(
      .form, "While filling in a form (`c`, `C`, `E`, `H`, `J`, `R`)", typesText: true,
      notes: """
        A record field completes what you type with search's own matching (any spelling,
        another romanisation, Arabic script): Up and Down pick, Tab takes the pick. A choice
        field cycles with Left and Right. Each field is checked as you leave it, and all of
        them on Enter; nothing is written until they are right, and Esc writes nothing. The
        change is signed with your name (`$USER`) and recorded in the history (`u` undoes
        it).
        """,
      [
        KeyBinding([.enter], .submit, "save", hint: "Enter save"),
        KeyBinding([.escape], .cancel, "cancel, writing nothing", hint: "Esc cancel"),
        KeyBinding(
          [.tab], .nextField, "next field (taking the completion picked)", hint: "Tab next"),
        KeyBinding([.backTab], .previousField, "previous field"),
        KeyBinding([.down], .moveInForm(by: 1), "next completion, or next field"),
        KeyBinding([.up], .moveInForm(by: -1), "previous completion, or previous field"),
        KeyBinding([.backspace], .deleteBackward, "delete before the cursor"),
        KeyBinding([.delete], .edit(.deleteForward), "delete under the cursor"),
        KeyBinding([.left], .edit(.left), "a character left, or the previous choice"),
        KeyBinding([.right], .edit(.right), "a character right, or the next choice"),
        KeyBinding([.home, .control("a")], .edit(.start), "to the start"),
        KeyBinding([.end, .control("e")], .edit(.end), "to the end"),
      ]),
  ])

  /// `docs/keys.md`: every table, made from this keymap.
  public func markdown() -> String {
    var text = """
      # Keys

      Generated from the keymap (`Keymap.standard`); `make docs` writes it and a test fails
      when it is stale. The `?` help in the browser shows the browsing keys of the current
      mode; the status line shows the keys of a prompt while it is open.

      """
    for section in KeyBinding.Section.allCases {
      text += "\n## \(section.rawValue)\n\n| Keys | Does | Kiosk |\n|---|---|---|\n"
      for binding in bindings where binding.section == section {
        text += row(binding)
      }
    }
    for table in tables where table.context != .browsing {
      text += "\n## \(table.title)\n\n"
      if let notes = table.notes { text += notes + "\n\n" }
      text += "| Keys | Does | Kiosk |\n|---|---|---|\n"
      for binding in table.bindings { text += row(binding) }
      if table.typesText { text += "| other keys | typed as text | yes |\n" }
    }
    text += """

      ## Mouse

      A click focuses the pane under it and selects the row; a click on the selected row opens
      it, as Enter does. The wheel scrolls the pane under the pointer.

      ## Esc with another key

      Muster binds no Alt keys. Esc and another key arriving together (a terminal's Alt plus
      the key, or Esc typed and then the key over a slow or batched SSH link) are Esc and
      then the key: Esc `q` in a search closes it and quits.

      """
    return text
  }

  private func row(_ binding: KeyBinding) -> String {
    let keys = binding.keys.map { "`\($0.name)`" }.joined(separator: ", ")
    return "| \(keys) | \(binding.summary) | \(binding.isKioskSafe ? "yes" : "no") |\n"
  }
}
