import ArgumentParser
import MusterDomain
import MusterTerminal
import MusterUI

/// `muster render`: the browser's screen as text, with no terminal.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Print the browser's screen as text after a sequence of keys, with no terminal.",
    discussion: """
      For tests, documentation and scripts. Keys are separated by spaces: characters (j, /,
      ?), names (Enter, Esc, Tab, Shift-Tab, Backspace, Up, Down, Left, Right, Home, End,
      PgUp, PgDn, Space, F1-F12) and Ctrl-X; `size:WxH` resizes the screen.
      Example: muster render --size 120x40 --keys "Tab j j Enter".
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "The screen size, WIDTHxHEIGHT.")
  var size: ScreenSize = ScreenSize(Size(width: 120, height: 40))

  @Option(help: "Keys to press, separated by spaces.")
  var keys: String = ""

  @Option(help: "Set the time cursor to this date first.")
  var asOf: DateArgument?

  @Option(help: "mono (no colour) or color; only styles differ, and text output has none.")
  var theme: ThemeName = .mono

  func run() throws {
    try reportingFailures {
      var events: [TerminalEvent] = []
      for token in keys.split(separator: " ").map(String.init) {
        if token.hasPrefix("size:"), let size = ScreenSize(argument: String(token.dropFirst(5))) {
          events.append(.resized(size.size))
        } else if let key = Key(name: token) {
          events.append(.key(key))
        } else {
          throw CommandFailure(
            "'\(token)' is not a key; see muster render --help", code: ExitStatus.usage)
        }
      }
      let catalog = try DatabaseLocation.openForReading(global)
      let terminal = ScriptedTerminal(size: size.size, events: events)
      var state = AppState(mode: .interactive, screenSize: size.size)
      state.asOf = asOf?.asOf
      var session = Session(
        state: state,
        options: RenderOptions(
          theme: theme == .mono ? .monochrome : .standard, glyphs: global.ascii ? .ascii : .unicode),
        runner: EffectRunner(catalog: catalog))
      try session.run(on: terminal)
      for line in terminal.lastFrame?.lines() ?? [] {
        var trimmed = line
        while trimmed.hasSuffix(" ") { trimmed.removeLast() }
        Console.raw(trimmed + "\n")
      }
    }
  }
}

/// `WIDTHxHEIGHT` on the command line.
struct ScreenSize: ExpressibleByArgument {
  let size: Size

  init(_ size: Size) {
    self.size = size
  }

  init?(argument: String) {
    let parts = argument.lowercased().split(separator: "x")
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
      (1...1000).contains(width), (1...1000).contains(height)
    else { return nil }
    size = Size(width: width, height: height)
  }

  var defaultValueDescription: String { "\(size.width)x\(size.height)" }
}

/// The themes `render` offers.
enum ThemeName: String, ExpressibleByArgument, CaseIterable {
  case mono
  case color
}
