import FuzzSupport
import MusterCurses
import MusterTerminal

/// The target's entry point: libFuzzer's driver over `fuzz`.
@_cdecl("fuzz_keys_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
  -> CInt
{
  runFuzzer(argc, argv, fuzz)
}

/// Units from bytes: 0xF0 and two bytes make a key code (the paste markers included), 0xF1
/// and three bytes any character value, any other byte a character.
final class Units: @unchecked Sendable {
  var bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  var count = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  func next() -> RawInput? {
    guard index < bytes.count else { return nil }
    count += 1
    let byte = bytes[index]
    index += 1
    if byte == 0xF0, index + 1 < bytes.count {
      defer { index += 2 }
      return .code(256 + Int32(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])) % 300)
    }
    if byte == 0xF1, index + 2 < bytes.count {
      defer { index += 3 }
      let value =
        UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      return .character(value % 0x11_0000)
    }
    return .character(UInt32(byte))
  }
}

/// The key decoder on any input: it ends, and no control character becomes a text key.
func fuzz(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let pointer else { return 0 }
  let units = Units(UnsafeBufferPointer(start: pointer, count: size))
  let decoder = InputDecoder(
    read: { _ in units.next() }, size: { Size(width: 80, height: 24) },
    mouse: { MouseEvent(.click, at: Point(x: 0, y: 0)) })
  var events = 0
  while let unit = decoder.read(0) {
    for event in decoder.events(startingWith: unit) {
      events += 1
      if case .key(.character(let character)) = event {
        for scalar in character.unicodeScalars {
          precondition(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
        }
      }
      if case .key(.control(let character)) = event {
        precondition(("a"..."z").contains(character))
      }
    }
  }
  precondition(events <= units.count)
  return 0
}
