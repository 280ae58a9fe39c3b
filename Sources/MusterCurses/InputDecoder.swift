import CCurses
import MusterTerminal

/// One unit of input as ncurses hands it over: a character, or a key code it decoded.
public enum RawInput: Equatable, Sendable {
  /// A character (`wget_wch` returned OK).
  case character(UInt32)
  /// A key code (`wget_wch` returned KEY_CODE_YES).
  case code(Int32)
}

/// Turns raw input into events: keys, mouse reports, bracketed pastes, and terminal replies
/// or unknown escape sequences, which are dropped so they never run as keys.
///
/// Pure apart from `read`, so the fuzzer drives it with any bytes.
public struct InputDecoder {
  /// The next unit, waiting up to the milliseconds given (0: only what is there already);
  /// `nil` when none comes.
  public var read: (_ milliseconds: Int32) -> RawInput?
  /// The screen's size, for a resize.
  public var size: () -> Size
  /// The mouse report that came with KEY_MOUSE, if ncurses has one.
  public var mouse: () -> MouseEvent?
  /// Called when the terminal answers a status query (`ESC [ 0 n`): the client is there.
  public var statusAnswered: () -> Void = {}

  /// A decoder over its sources.
  public init(
    read: @escaping (Int32) -> RawInput?, size: @escaping () -> Size,
    mouse: @escaping () -> MouseEvent?
  ) {
    self.read = read
    self.size = size
    self.mouse = mouse
  }

  /// The key code that starts a bracketed paste (defined for `ESC [ 200 ~`).
  public static let pasteStartCode = KEY_MAX + 1
  /// The key code that ends one (`ESC [ 201 ~`).
  public static let pasteEndCode = KEY_MAX + 2
  /// The key code for the terminal's answer to a status query (defined for `ESC [ 0 n` and
  /// `ESC [ 3 n`); never a key.
  public static let statusAnswerCode = KEY_MAX + 3
  /// The most characters a paste keeps.
  static let pasteLimit = 1 << 20

  /// The events `first` starts (reading what follows it when it needs to): none when it
  /// means nothing, two when an Esc came with a key in the same read.
  public func events(startingWith first: RawInput) -> [TerminalEvent] {
    switch first {
    case .code(let code): keyCodeEvent(code).map { [$0] } ?? []
    case .character(0x1B): readEscape()
    case .character(let value): characterEvent(value).map { [$0] } ?? []
    }
  }

  private func keyCodeEvent(_ code: Int32) -> TerminalEvent? {
    switch code {
    case KEY_RESIZE:
      return .resized(size())
    case KEY_MOUSE:
      return mouse().map(TerminalEvent.mouse)
    case Self.pasteStartCode:
      return readPaste()
    case Self.pasteEndCode:
      return nil
    case Self.statusAnswerCode:
      statusAnswered()
      return nil
    default:
      return CursesKeys.key(forCode: code).map(TerminalEvent.key)
    }
  }

  private func characterEvent(_ value: UInt32) -> TerminalEvent? {
    CursesKeys.key(forCharacter: value).map(TerminalEvent.key)
  }

  /// After an escape: a lone Esc; or Esc and then a key that came in the same read; or a
  /// terminal reply (cursor report, colour answer) or a sequence ncurses does not know,
  /// which is dropped so it never runs as keys.
  ///
  /// Esc and a key together are what a terminal sends for Alt plus the key, and also what
  /// a slow or batched SSH link delivers when the user types Esc and then the key. Muster
  /// binds no Alt keys, so they are always the second: Esc, then the key (Esc `q` in a
  /// search closes it and quits), never the key alone with the Esc lost.
  private func readEscape() -> [TerminalEvent] {
    var escapes: [TerminalEvent] = []
    var value: UInt32 = 0x1B
    // Esc Esc: the first is a key; the second starts a sequence of its own (or is a lone
    // Esc).
    while value == 0x1B {
      guard let next = read(0) else { return escapes + [.key(.escape)] }
      switch next {
      case .code(let code):
        // A key ncurses decoded, or a resize or mouse report: after the Esc.
        return escapes + [.key(.escape)] + (keyCodeEvent(code).map { [$0] } ?? [])
      case .character(let character):
        if character == 0x1B { escapes.append(.key(.escape)) }
        value = character
      }
    }
    return escapes + readSequence(after: value)
  }

  /// What follows an Esc that is not another Esc: a sequence to drop, or a key.
  private func readSequence(after value: UInt32) -> [TerminalEvent] {
    switch value {
    case 0x5B:  // CSI: parameters and intermediates, then a final byte.
      discard { (0x40...0x7E).contains($0) }
    case 0x5D, 0x50, 0x5F, 0x5E, 0x58:  // OSC, DCS, APC, PM, SOS: until BEL or ST.
      var sawEscape = false
      discard { byte in
        defer { sawEscape = byte == 0x1B }
        return byte == 0x07 || (sawEscape && byte == 0x5C)
      }
    case 0x4F:  // SS3: one more byte.
      discard { _ in true }
    default:
      // Alt plus a key, or Esc typed and then the key: Esc, then the key.
      return [.key(.escape)] + (characterEvent(value).map { [$0] } ?? [])
    }
    return []
  }

  /// Reads and drops characters until `isLast` says the sequence is over, or nothing more
  /// comes soon.
  private func discard(until isLast: (UInt32) -> Bool) {
    for _ in 0..<4096 {
      guard let next = read(10) else { return }
      if case .character(let value) = next, isLast(value) { return }
    }
  }

  /// The text between the bracketed-paste markers, taken as text whatever it holds.
  private func readPaste() -> TerminalEvent? {
    var text = String.UnicodeScalarView()
    var count = 0
    while count < Self.pasteLimit, let next = read(200) {
      switch next {
      case .code(let code):
        if code == Self.pasteEndCode { return .paste(String(text)) }
        if code == KEY_ENTER { text.append("\n") }
      case .character(let value):
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        text.append(scalar == "\r" ? "\n" : scalar)
        count += 1
      }
    }
    return .paste(String(text))
  }
}
