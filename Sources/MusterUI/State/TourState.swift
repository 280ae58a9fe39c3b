/// The kiosk's idle tour: after a while without input, back to the home view, then a step
/// through the timeline every so often, newest first, showing each event's detail, until a
/// key is pressed.
public struct TourState: Equatable, Sendable {
  /// Seconds without input before the tour starts; `nil`: never (outside kiosk mode).
  public var idleAfter: Int?
  /// Seconds between steps.
  public var step = 10
  /// Whether the tour is running.
  public var isRunning = false
  /// The idle time, in seconds, of the last step.
  public var lastStepAt = 0

  /// No tour.
  public init() {}

  /// A tour starting after `idleAfter` seconds, stepping every `step` seconds.
  public init(idleAfter: Int, step: Int) {
    self.idleAfter = idleAfter
    self.step = max(1, step)
  }
}
