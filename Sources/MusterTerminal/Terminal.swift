/// The only door to a real screen; everything above it is testable without one.
public protocol Terminal: AnyObject {
  /// The current screen size in cells.
  var size: Size { get }

  /// Waits up to `timeout` for the next event; `.idle` when nothing came, `.woken` when
  /// `wakeup` was signalled first, `nil` once input has ended (the terminal closed).
  func nextEvent(timeout: Duration, wakeup: Wakeup?) throws -> TerminalEvent?

  /// Shows `frame`; a backend may send only the cells that changed.
  func present(_ frame: ScreenBuffer) throws

  /// Makes the next `present` redraw every cell (after something else drew on the screen).
  func invalidate()

  /// Whether more input is waiting to be read now (so a frame can wait for it).
  var hasPendingInput: Bool { get }
}

extension Terminal {
  /// No input waits unless the backend can tell.
  public var hasPendingInput: Bool { false }

  /// Waits up to `timeout` for the next event, with nothing else to wake the wait.
  public func nextEvent(timeout: Duration) throws -> TerminalEvent? {
    try nextEvent(timeout: timeout, wakeup: nil)
  }
}

/// A terminal made of a script: events to hand out, frames kept for inspection.
///
/// The test and headless twin of the curses backend: `muster render` and the tests drive
/// the real app through it.
public final class ScriptedTerminal: Terminal {
  /// The size the script last resized to.
  public private(set) var size: Size
  private var events: [TerminalEvent]
  /// Every frame presented, oldest first (only the last few are kept when `keepsFrames` is
  /// false).
  public private(set) var frames: [ScreenBuffer] = []
  /// Whether to keep every frame rather than only the latest.
  public var keepsFrames: Bool
  /// Whether to answer `.idle` once the script is done instead of ending input.
  public var idlesWhenDone: Bool

  /// A terminal of `size` that hands out `events`, then ends input.
  public init(size: Size, events: [TerminalEvent], keepsFrames: Bool = false) {
    self.size = size
    self.events = events
    self.keepsFrames = keepsFrames
    idlesWhenDone = false
  }

  /// The last frame presented.
  public var lastFrame: ScreenBuffer? { frames.last }

  /// The next scripted event, ignoring `timeout` and `wakeup`.
  public func nextEvent(timeout: Duration, wakeup: Wakeup?) throws -> TerminalEvent? {
    guard !events.isEmpty else { return idlesWhenDone ? .idle : nil }
    let event = events.removeFirst()
    if case .resized(let newSize) = event { size = newSize }
    return event
  }

  /// Keeps `frame` for inspection.
  public func present(_ frame: ScreenBuffer) throws {
    if keepsFrames {
      frames.append(frame)
    } else {
      frames = [frame]
    }
  }

  /// Nothing to do: every frame is kept whole.
  public func invalidate() {}
}
