import MusterDomain
import MusterTerminal

/// The loop: event, command, new state, effects, frame.
public struct Session {
  /// The state after everything so far.
  public private(set) var state: AppState
  let options: RenderOptions
  let runner: EffectRunner
  /// How long to wait for input before a tick (which checks for other processes' commits).
  let tick: Duration
  /// Whether an effect asked for every cell to be drawn again (Ctrl-L), even if nothing
  /// in the state changed.
  private var needsRepaint = false
  /// Runs searches off the input loop, when given; otherwise they run in line (headless).
  let searchWorker: SearchWorker?

  /// A session over a state, drawing with `options` and reading through `runner`; searches
  /// go to `searchWorker` when there is one.
  public init(
    state: AppState, options: RenderOptions, runner: EffectRunner, tick: Duration = .seconds(1),
    searchWorker: SearchWorker? = nil
  ) {
    self.state = state
    self.options = options
    self.runner = runner
    self.tick = tick
    self.searchWorker = searchWorker
  }

  /// Draws, then handles events until the user quits or input ends.
  public mutating func run(on terminal: some Terminal) throws {
    state.windowSize = terminal.size
    dispatch(.started, on: terminal)
    try terminal.present(render(state, options: options))
    defer { searchWorker?.stop() }
    // When the last drawn frame went out of date and has not been drawn again yet.
    var staleSince: ContinuousClock.Instant?
    // Idle time counts from the user's input only, never from our own redraws or ticks.
    var lastInput = ContinuousClock.now
    while state.isRunning {
      // Sleep until input, a search's answer (the worker's wakeup) or the tick; while a
      // keystroke's frame waits for its search, at most until that frame is due.
      let busy = searchWorker?.isBusy ?? false
      var timeout = tick
      if busy, let since = staleSince {
        timeout = max(.zero, min(tick, Self.searchGrace - (ContinuousClock.now - since)))
      }
      guard
        let event = try terminal.nextEvent(timeout: timeout, wakeup: searchWorker?.wakeup ?? nil)
      else {
        break
      }
      let before = state
      switch event {
      case .idle:
        // A wait cut short for a keystroke's frame is not idle time.
        guard !busy else { break }
        let idle = ContinuousClock.now - lastInput
        dispatch(.idled(seconds: Int(idle.components.seconds)), on: terminal)
      case .key, .paste, .mouse:
        lastInput = .now
        handle(event, on: terminal)
      case .resized:
        handle(event, on: terminal)
      case .woken:
        break
      }
      for answer in searchWorker?.takeAnswers() ?? [] { dispatch(answer, on: terminal) }
      // Idle ticks that change nothing draw nothing: an idle screen costs no CPU.
      if state != before || needsRepaint, staleSince == nil { staleSince = .now }
      // Input faster than frames (a flood of keys, a held key): take what waits first, and
      // draw at most every `floodFrameInterval` meanwhile.
      if let since = staleSince, terminal.hasPendingInput,
        ContinuousClock.now - since < Self.floodFrameInterval
      {
        continue
      }
      // A keystroke's frame waits for the search it started (the letter and its results
      // show together, drawn once), but never longer than `searchGrace`.
      if let since = staleSince,
        !(searchWorker?.isBusy ?? false) || ContinuousClock.now - since >= Self.searchGrace
      {
        staleSince = nil
        needsRepaint = false
        try terminal.present(render(state, options: options))
      }
    }
  }

  /// How long frames may wait while input keeps coming.
  static let floodFrameInterval = Duration.milliseconds(50)

  /// How long a frame may wait for a running search before it is drawn without its answer.
  static let searchGrace = Duration.milliseconds(25)

  /// Turns one terminal event into actions.
  public mutating func handle(_ event: TerminalEvent, on terminal: some Terminal) {
    switch event {
    case .key(let key):
      guard let command = state.keymap.command(for: key, in: state) else { return }
      dispatch(.command(command), on: terminal)
    case .mouse(let mouse):
      dispatch(.mouse(mouse), on: terminal)
    case .paste(let text):
      // Pasted text is text: it may be typed into a prompt, never run as keys.
      guard state.input.takesText else { return }
      dispatch(.command(.insert(text)), on: terminal)
    case .resized(let size):
      dispatch(.resized(size), on: terminal)
    case .idle:
      dispatch(.idled(seconds: 0), on: terminal)
    case .woken:
      break
    }
  }

  /// Applies `action`, then every action its effects produce, in order.
  public mutating func dispatch(_ action: Action, on terminal: some Terminal) {
    var queue = [action]
    while !queue.isEmpty {
      let next = queue.removeFirst()
      for effect in state.apply(next) {
        if effect == .redrawScreen {
          terminal.invalidate()
          needsRepaint = true
        }
        if case .search(let request, let generation) = effect, let searchWorker {
          searchWorker.submit(request, generation: generation)
          continue
        }
        if let result = runner.run(effect) { queue.append(result) }
      }
    }
  }
}
