import MusterDomain
import MusterTerminal

extension AppState {
  /// Carries out a command: each family of commands has its own file.
  mutating func perform(_ command: Command) -> [Effect] {
    switch command {
    // Moving and panes (AppState+Navigation).
    case .moveSelection(let delta): return move(by: delta)
    case .page(let pages): return page(by: pages)
    case .moveToStart: return move(by: Int.min / 2)
    case .moveToEnd: return move(by: Int.max / 2)
    case .focusNext: return focus(stepping: 1)
    case .focusPrevious: return focus(stepping: -1)
    case .focus(let pane): return focus(on: pane)
    case .nextTab: return switchTab(forward: true)
    case .previousTab: return switchTab(forward: false)
    case .open: return open()
    case .back: return back()
    // Time.
    case .stepTime(let steps):
      guard let asOf else { return [] }
      return [.findEntryDay(from: asOf, forward: steps > 0, filter: search.filter)]
    case .moveTime(let months):
      guard let asOf else { return [] }
      return moveTimeCursor(to: asOf.addingMonths(months))
    // Search (AppState+Search).
    case .startSearch: return startSearch()
    case .startFilter: return startFilter()
    case .clearFilter: return clearFilter()
    case .stepMatch(let step): return stepMatch(by: step)
    case .recallQuery(let step): return recallQuery(by: step)
    // The map (AppState+Map).
    case .toggleMap: return toggleMap()
    case .zoomMap(let zoomsIn): return zoomMap(in: zoomsIn)
    case .panMap(let x, let y): return panMap(x: x, y: y)
    case .fitMap: return fitMap()
    // Notes, pins and export (AppState+Notes).
    case .startNote: return startNote()
    case .undo: return undoLastChange()
    case .startClaim: return startClaimForm()
    case .startEndClaim: return startEndClaimForm()
    case .startJudgeClaim: return startJudgeClaimForm()
    case .startHandOver: return startHandOverForm()
    case .startCite: return startCiteForm()
    case .startRegrade: return startRegradeForm()
    case .nextField: return moveField(by: 1)
    case .previousField: return moveField(by: -1)
    case .moveInForm(let step): return moveInForm(by: step)
    case .togglePin: return togglePin()
    case .exportView: return exportView()
    // Prompts and the help (AppState+Prompts).
    case .promptForDate: return promptForDate()
    case .showChanges: return showChanges()
    case .cyclePresenceWindow: return cyclePresenceWindow()
    case .type(let character): return type(String(character))
    case .insert(let text): return insert(text)
    case .deleteBackward: return deleteBackward()
    case .edit(let edit): return editNote(edit)
    case .submit: return submit()
    case .cancel: return cancel()
    case .scrollHelp(let lines): return scrollHelp(by: lines)
    case .toggleHelp: return toggleHelp()
    // The app.
    case .redraw: return [.redrawScreen]
    case .quit:
      // The kiosk keymap has no quit binding; this guard is the backstop.
      guard mode == .interactive else { return [] }
      isRunning = false
      return []
    }
  }
}
