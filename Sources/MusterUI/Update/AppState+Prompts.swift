import MusterDomain

extension AppState {
  /// The longest search or filter text, in characters.
  static let searchTextLimit = 200
  /// The longest date text, in characters (`2020-12-31/2021-01-15` is 21).
  static let dateTextLimit = 21

  /// `t`: a date prompt for the time cursor.
  mutating func promptForDate() -> [Effect] {
    input = .date(LineEditor(limit: Self.dateTextLimit))
    return []
  }

  /// `?`: shows the help from its top, or closes it.
  mutating func toggleHelp() -> [Effect] {
    input = isHelpVisible ? .browsing : .help(scroll: 0)
    return []
  }

  /// Scrolls a help taller than the screen, no further than its last line.
  mutating func scrollHelp(by lines: Int) -> [Effect] {
    guard case .help(let scroll) = input else { return [] }
    let overflow = keymap.helpLines(for: mode).count - layout.helpRows
    input = .help(scroll: min(max(0, scroll + lines), max(0, overflow)))
    return []
  }

  /// A key typed into the open prompt.
  mutating func type(_ text: String) -> [Effect] {
    switch input {
    case .browsing, .help:
      return []
    case .note(var draft):
      draft.editor.insert(text)
      input = .note(draft)
      return []
    case .search:
      guard search.text.count < Self.searchTextLimit else { return [] }
      search.text += text
      return searchTextChanged()
    case .date(var editor):
      editor.insert(text)
      input = .date(editor)
      return []
    case .form:
      return typeInForm(text)
    }
  }

  /// Pasted text: lines become one line and control characters (escape bytes) are dropped;
  /// a date takes no spaces.
  mutating func insert(_ text: String) -> [Effect] {
    if case .note = input { return type(text) }
    if case .form = input { return type(text) }
    let clean = String(
      text.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        .filter { character in
          !character.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
          }
        })
    switch input {
    case .search:
      search.text = String((search.text + clean).prefix(Self.searchTextLimit))
      return searchTextChanged()
    case .date:
      return type(clean.filter { !$0.isWhitespace })
    case .browsing, .help, .note, .form:
      return []
    }
  }

  /// Backspace in the open prompt.
  mutating func deleteBackward() -> [Effect] {
    switch input {
    case .browsing, .help:
      return []
    case .note, .date, .form:
      return editNote(.deleteBackward)
    case .search:
      guard !search.text.isEmpty else { return [] }
      search.text.removeLast()
      return searchTextChanged()
    }
  }

  /// A cursor movement or deletion in a note or a date.
  mutating func editNote(_ edit: LineEditor.Edit) -> [Effect] {
    switch input {
    case .note(var draft):
      draft.editor.apply(edit)
      input = .note(draft)
    case .date(var editor):
      editor.apply(edit)
      input = .date(editor)
    case .form:
      return editForm(edit)
    case .browsing, .help, .search:
      break
    }
    return []
  }

  /// Enter in the open prompt.
  mutating func submit() -> [Effect] {
    switch input {
    case .browsing, .help:
      return []
    case .note:
      return submitNote()
    case .form:
      return submitForm()
    case .search:
      return submitSearch()
    case .date(let editor):
      input = .browsing
      do {
        let date = try FuzzyDate(parsing: editor.text)
        return moveTimeCursor(to: date.last)
      } catch {
        message = error.description
        return []
      }
    }
  }

  /// Esc in the open prompt; any key but its own in the help.
  mutating func cancel() -> [Effect] {
    switch input {
    case .browsing:
      return []
    case .help, .date:
      input = .browsing
      return []
    case .note:
      input = .browsing
      message = "note discarded"
      return []
    case .search:
      return cancelSearch()
    case .form:
      return cancelForm()
    }
  }
}
