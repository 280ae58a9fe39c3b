/// What the user asked for, in the app's words rather than in keys.
public enum Command: Hashable, Sendable {
  /// Move the selection (or the detail cursor) by rows.
  case moveSelection(by: Int)
  /// Move by pages.
  case page(by: Int)
  /// Go to the first row.
  case moveToStart
  /// Go to the last row.
  case moveToEnd
  /// Focus the next pane.
  case focusNext
  /// Focus the previous pane.
  case focusPrevious
  /// Focus one pane.
  case focus(Pane)
  /// Show the next tab of the list.
  case nextTab
  /// Show the previous tab of the list.
  case previousTab
  /// Open the selected record, or follow the link under the detail cursor.
  case open
  /// Go back to the record before, or out of the detail pane.
  case back
  /// Move the time cursor to the next (or previous) day on which something happened.
  case stepTime(by: Int)
  /// Move the time cursor by months.
  case moveTime(months: Int)
  /// Show what moved over the time cursor's last step (`w`), in the detail pane.
  case showChanges
  /// The next window of days "seen here" counts (`d`): 30, 90, 180, 365.
  case cyclePresenceWindow
  /// Start typing a date for the time cursor.
  case promptForDate
  /// Add a character to what is being typed.
  case type(Character)
  /// Add pasted text to what is being typed.
  case insert(String)
  /// Remove the last character typed.
  case deleteBackward
  /// Accept what was typed.
  case submit
  /// Abandon what was being typed, or close the help.
  case cancel
  /// Open the search bar (`/`): results as you type.
  case startSearch
  /// Open the bar for a lasting filter on the timeline and the list (`f`).
  case startFilter
  /// Drop the lasting filter.
  case clearFilter
  /// Select the next (or previous) search result and show it.
  case stepMatch(by: Int)
  /// Put an earlier (or later) query from the history in the bar.
  case recallQuery(by: Int)
  /// Start writing a note on the record in view (`a`; not in kiosk mode).
  case startNote
  /// Undo your own last change (`u`; not in kiosk mode).
  case undo
  /// A new claim on the actor or site in view (`c`; not in kiosk mode).
  case startClaim
  /// End the claim in view (`E`; not in kiosk mode).
  case startEndClaim
  /// Change how credible a document makes the claim in view (`R`; not in kiosk mode).
  case startRegrade
  /// Cite another document for the claim in view (`C`; not in kiosk mode).
  case startCite
  /// Hand the claim in view over to another actor (`H`; not in kiosk mode).
  case startHandOver
  /// Judge the claim in view (`J`; not in kiosk mode).
  case startJudgeClaim
  /// The next field of the form (Tab), taking the completion picked.
  case nextField
  /// The previous field of the form (Shift-Tab).
  case previousField
  /// Up or down in the form: through the completions when they show, else the fields.
  case moveInForm(by: Int)
  /// Move the cursor in, or delete from, the note being written.
  case edit(LineEditor.Edit)
  /// Pin or unpin the record in view (`p`; not in kiosk mode).
  case togglePin
  /// Write the current view to a file (`e`; not in kiosk mode).
  case exportView
  /// Show or hide the map (`m`).
  case toggleMap
  /// Zoom the map in (or out) a step.
  case zoomMap(in: Bool)
  /// Move the map by a fraction of its size, in eighths: right and down are positive.
  case panMap(x: Int, y: Int)
  /// Fit the map around every located site (`0`).
  case fitMap
  /// Scroll the help by lines.
  case scrollHelp(by: Int)
  /// Show or hide the help.
  case toggleHelp
  /// Draw the whole screen again.
  case redraw
  /// Leave Muster.
  case quit
}
