import FuzzSupport
import MusterTerminal

/// The one sanitiser on any bytes: nothing that reaches the screen is a control character,
/// and widths add up.
@_cdecl("fuzz_sanitiser_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  runFuzzer(argc, argv, fuzz)
}

/// One input.
func fuzz(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data = pointer else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let text = DisplayText(utf8: bytes)
  for character in text.characters {
    precondition(character.width >= 0 && character.width <= 2)
    for scalar in character.character.unicodeScalars {
      precondition(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "\(scalar)")
    }
  }
  let width = Int(size % 97)
  precondition(text.truncated(toWidth: width).width <= width)
  let prefix = DisplayText(String(decoding: bytes, as: UTF8.self), upToWidth: width)
  precondition(prefix.truncated(toWidth: width) == text.truncated(toWidth: width))
  for line in text.wrapped(toWidth: max(1, width)) { precondition(line.width <= max(1, width)) }
  return 0
}
