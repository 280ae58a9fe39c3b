import MusterDomain
import MusterTerminal

/// The browser without a terminal: `muster render`, the golden screens and the scripted
/// sessions all go through here, so they see exactly what the browser draws.
public enum Headless {
  /// A key-script token that is neither a key name nor `size:WxH`.
  public struct BadToken: Error, Equatable, CustomStringConvertible {
    /// The token as written.
    public let token: String
    /// The message for the user.
    public var description: String { "'\(token)' is not a key or size:WxH" }
  }

  /// The events a key script stands for: key names separated by spaces (`j`, `Enter`,
  /// `Ctrl-L`, `Space`) and `size:WxH` for a resize.
  public static func events(fromKeys script: String) throws(BadToken) -> [TerminalEvent] {
    var events: [TerminalEvent] = []
    for token in script.split(separator: " ").map(String.init) {
      if token.hasPrefix("size:"), let size = Size(argument: String(token.dropFirst(5))) {
        events.append(.resized(size))
      } else if let key = Key(name: token) {
        events.append(.key(key))
      } else {
        throw BadToken(token: token)
      }
    }
    return events
  }

  /// The screen after starting the browser on `catalog` at `size` and handling `events`.
  public static func screen(
    catalog: any CatalogReading, size: Size, events: [TerminalEvent], asOf: Day? = nil,
    mode: SessionMode = .interactive, options: RenderOptions = RenderOptions()
  ) throws -> ScreenBuffer {
    let terminal = ScriptedTerminal(size: size, events: events)
    var state = AppState(mode: mode, screenSize: size)
    state.asOf = asOf
    var session = Session(state: state, options: options, runner: EffectRunner(catalog: catalog))
    try session.run(on: terminal)
    return terminal.lastFrame ?? ScreenBuffer(size: size)
  }
}

extension Size {
  /// A size written `WIDTHxHEIGHT`, each from 1 to 1000.
  public init?(argument: String) {
    let parts = argument.lowercased().split(separator: "x")
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
      (1...1000).contains(width), (1...1000).contains(height)
    else { return nil }
    self.init(width: width, height: height)
  }
}
