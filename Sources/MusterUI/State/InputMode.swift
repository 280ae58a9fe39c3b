/// What has the keyboard: the browser itself, or one of its prompts.
///
/// One value, so at most one prompt is ever open; each mode reads keys through its own
/// table in the keymap (`KeyContext`).
public enum InputMode: Equatable, Sendable {
  /// The browser: keys move, open, search, step through time.
  case browsing
  /// The `?` help, scrolled to a first line.
  case help(scroll: Int)
  /// The search bar (`/`) or the filter bar (`f`); the text is `SearchState.text`.
  case search(SearchState.Prompt)
  /// A date being typed for the time cursor (`t`).
  case date(LineEditor)
  /// A note being written on a record (`a`).
  case note(NoteDraft)
  /// A form being filled in: a claim made, ended or judged (`c`, `E`, `J`).
  case form(FormState)

  /// The keymap's table for the mode (the browser's, or the map's when it has focus).
  func context(focus: Pane, mapShown: Bool) -> KeyContext {
    switch self {
    case .browsing: focus == .map && mapShown ? .map : .browsing
    case .help: .help
    case .search(.search): .search
    case .search(.filter): .filter
    case .date: .date
    case .note: .note
    case .form: .form
    }
  }

  /// Whether pasted text is typed into it.
  public var takesText: Bool {
    switch self {
    case .browsing, .help: false
    case .search, .date, .note, .form: true
    }
  }
}
