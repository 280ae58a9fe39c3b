import CCurses
import MusterTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about the ncurses library Muster is linked with.

extension CursesTerminal {
  /// Whether bytes wait on standard input (a paste, or keys typed faster than frames).
  public var hasPendingInput: Bool {
    ccurses_wait_for_input(STDIN_FILENO, -1, 0) > 0
  }

  /// Waits up to `timeout` for the next event; `nil` when input has ended or a signal asked
  /// Muster to end.
  public func nextEvent(timeout: Duration, wakeup: Wakeup?) throws -> TerminalEvent? {
    let deadline = ContinuousClock.now + timeout
    while true {
      if endingSignal != nil || silent || pastLimit { return nil }
      if let limit = options.sessionLimit, ContinuousClock.now - started >= limit {
        pastLimit = true
        return nil
      }
      ccurses_forward_stderr()
      if ccurses_take_resize() != 0, let event = resized() { return event }
      if let event = readPending() { return event }
      if isClientSilent() { return nil }
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else { return .idle }
      // Rounded up, so a wait never ends just short of the deadline and spins.
      let (seconds, attoseconds) = remaining.components
      let milliseconds = Int32(
        clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
      switch ccurses_wait_for_input(
        STDIN_FILENO, wakeup?.descriptor ?? -1, min(milliseconds, 60_000))
      {
      case 0: return .idle
      case 2:
        wakeup?.drain()
        return .woken
      case -2: return readPending() ?? nil
      default: continue
      }
    }
  }

  /// After SIGWINCH: the size the terminal reports, limited to what Muster draws before
  /// ncurses sees it; `nil` when nothing changed (or the terminal reports no size).
  func resized() -> TerminalEvent? {
    let reported = Self.reportedSize()
    guard reported.width > 0, reported.height > 0, reported != size else { return nil }
    size = reported
    describeForCrashReports()
    let drawn = reported.limited(to: .largestDrawn)
    if drawn != drawnSize {
      resize_term(Int32(drawn.height), Int32(drawn.width))
    }
    invalidate()
    return .resized(reported)
  }

  /// Whether the client has gone silent; sends a status query every `probeInterval` while
  /// a client timeout is set.
  ///
  /// True once a terminal that answered the queries has not answered for the timeout. A
  /// terminal that never answers is never taken for a silent one.
  func isClientSilent() -> Bool {
    guard let timeout = options.clientTimeout else { return false }
    let now = ContinuousClock.now
    if let answered = lastAnswer, now - answered > timeout {
      silent = true
      return true
    }
    if lastProbe.map({ now - $0 >= probeInterval }) ?? true {
      lastProbe = now
      fputs("\u{1B}[5n", output)
      fflush(output)
    }
    return false
  }

  /// The next event ncurses has ready (a pending resize included), without waiting for input.
  func readPending() -> TerminalEvent? {
    if !pendingEvents.isEmpty { return pendingEvents.removeFirst() }
    var decoder = InputDecoder(
      read: { [window] milliseconds in
        wtimeout(window, milliseconds)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ERR { return nil }
        return result == KEY_CODE_YES ? .code(Int32(value)) : .character(UInt32(value))
      },
      size: { [unowned self] in size },
      mouse: {
        var x: Int32 = 0
        var y: Int32 = 0
        let action: MouseEvent.Action
        switch ccurses_read_mouse(&x, &y) {
        case 1: action = .click
        case 2: action = .wheelUp
        case 3: action = .wheelDown
        default: return nil
        }
        return MouseEvent(action, at: Point(x: Int(x), y: Int(y)))
      })
    decoder.statusAnswered = { [unowned self] in lastAnswer = .now }
    while let unit = decoder.read(0) {
      let events = decoder.events(startingWith: unit)
      if let first = events.first {
        pendingEvents += events.dropFirst()
        return first
      }
    }
    return nil
  }
}
