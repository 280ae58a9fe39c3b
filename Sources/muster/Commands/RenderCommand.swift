import ArgumentParser
import MusterDomain
import MusterResources
import MusterTerminal
import MusterUI

/// `muster render`: the browser's screen as text, with no terminal.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Print the browser's screen as text after a sequence of keys, with no terminal.",
    discussion: """
      For tests, documentation and scripts. Keys are separated by spaces: characters (j, /, \
      ?), names (Enter, Esc, Tab, Shift-Tab, Backspace, Up, Down, Left, Right, Home, End, \
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
      let events: [TerminalEvent]
      do {
        events = try Headless.events(fromKeys: keys)
      } catch {
        throw CommandFailure("\(error); see muster render --help", code: ExitStatus.usage)
      }
      let catalog = try DatabaseLocation.openForReading(global)
      let screen = try Headless.screen(
        catalog: catalog, size: size.size, events: events, asOf: asOf?.asOf,
        options: RenderOptions(
          theme: theme == .mono ? .monochrome : .standard, glyphs: global.ascii ? .ascii : .unicode,
          outlines: BundledOutlines.world)
      )
      for line in screen.lines() {
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
    guard let size = Size(argument: argument) else { return nil }
    self.size = size
  }

  var defaultValueDescription: String { "\(size.width)x\(size.height)" }
}

/// The themes `render` offers.
enum ThemeName: String, ExpressibleByArgument, CaseIterable {
  case mono
  case color
}

/// The map's country outlines, read once from the bundled file.
enum BundledOutlines {
  static let world = MapOutlines(text: BundledResources.borders)
}
