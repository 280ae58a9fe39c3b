import CCurses
import MusterTerminal
import Testing

@testable import MusterCurses

/// The input decoder alone: units in, events out.
@Suite struct InputDecoderTests {
  /// The events a sequence of units decodes to.
  static func events(_ units: [RawInput]) -> [TerminalEvent] {
    final class Queue: @unchecked Sendable { var units: [RawInput] = [] }
    let queue = Queue()
    queue.units = units
    let decoder = InputDecoder(
      read: { _ in queue.units.isEmpty ? nil : queue.units.removeFirst() },
      size: { Size(width: 80, height: 24) },
      mouse: { MouseEvent(.click, at: Point(x: 1, y: 2)) })
    var events: [TerminalEvent] = []
    while let unit = decoder.read(0) {
      events += decoder.events(startingWith: unit)
    }
    return events
  }

  static func characters(_ text: String) -> [RawInput] {
    text.unicodeScalars.map { .character($0.value) }
  }

  @Test func keysCodesAndControls() {
    #expect(
      Self.events(Self.characters("j\r\u{1}")) == [
        .key(.character("j")), .key(.enter), .key(.control("a")),
      ])
    #expect(
      Self.events([.code(KEY_UP), .code(KEY_RESIZE), .code(KEY_MOUSE)]) == [
        .key(.up), .resized(Size(width: 80, height: 24)),
        .mouse(MouseEvent(.click, at: Point(x: 1, y: 2))),
      ])
  }

  @Test func terminalRepliesAndUnknownSequencesAreDroppedAndTheNextKeyStays() {
    // A cursor position report, an OSC 52 reply ended by BEL, a DCS ended by ST, SS3.
    let replies = "\u{1B}[12;40R" + "\u{1B}]52;c;aGk=\u{7}" + "\u{1B}P1$r0m\u{1B}\\" + "\u{1B}OP"
    #expect(Self.events(Self.characters(replies + "k")) == [.key(.character("k"))])
  }

  @Test func aStatusAnswerTellsTheTerminalIsThereAndIsNeverAKey() {
    final class Count: @unchecked Sendable { var answers = 0 }
    let count = Count()
    var units: [RawInput] = [.code(InputDecoder.statusAnswerCode)] + Self.characters("j")
    var decoder = InputDecoder(
      read: { _ in units.isEmpty ? nil : units.removeFirst() }, size: { Size(width: 1, height: 1) },
      mouse: { nil })
    decoder.statusAnswered = { count.answers += 1 }
    var events: [TerminalEvent] = []

    while let unit = decoder.read(0) {
      events += decoder.events(startingWith: unit)
    }

    #expect(events == [.key(.character("j"))])
    #expect(count.answers == 1)
  }

  @Test func aLoneEscapeAndAltKeys() {
    #expect(Self.events(Self.characters("\u{1B}")) == [.key(.escape)])
    // Esc and a key in one read (Alt plus the key, or both typed over a slow link): Muster
    // binds no Alt keys, so Esc and then the key, neither lost.
    #expect(Self.events(Self.characters("\u{1B}j")) == [.key(.escape), .key(.character("j"))])
    #expect(Self.events(Self.characters("\u{1B}q")) == [.key(.escape), .key(.character("q"))])
    #expect(Self.events([.character(0x1B), .code(KEY_DOWN)]) == [.key(.escape), .key(.down)])
    #expect(
      Self.events(Self.characters("\u{1B}\u{1B}q"))
        == [.key(.escape), .key(.escape), .key(.character("q"))])
    // A terminal reply after an Esc is still dropped whole.
    #expect(Self.events(Self.characters("\u{1B}[12;40Rq")) == [.key(.character("q"))])
  }

  @Test func aBracketedPasteIsTextWhateverItHolds() {
    let units: [RawInput] =
      [.code(InputDecoder.pasteStartCode)] + Self.characters("q\r\u{1B}[2J") + [.code(KEY_ENTER)]
      + [.code(InputDecoder.pasteEndCode)] + Self.characters("j")
    #expect(Self.events(units) == [.paste("q\n\u{1B}[2J\n"), .key(.character("j"))])
    // An unfinished paste ends with the input.
    #expect(
      Self.events([.code(InputDecoder.pasteStartCode)] + Self.characters("ab")) == [.paste("ab")])
  }

  @Test func controlCharactersNeverBecomeTextKeys() {
    let all = (0..<0x200).map { RawInput.character(UInt32($0)) }
    for event in Self.events(all) {
      if case .key(.character(let character)) = event {
        #expect(
          !character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        )
      }
    }
  }
}
