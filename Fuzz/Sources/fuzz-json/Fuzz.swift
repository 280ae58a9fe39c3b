import FuzzSupport
import MusterImport

/// The streaming JSON record reader on any bytes: records, or an error at a line and column
/// inside the input, never a crash; it never reads past the input.
@_cdecl("fuzz_json_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt
{
  runFuzzer(argc, argv, fuzz)
}

/// One input.
func fuzz(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let pointer else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: pointer, count: size))
  var reader = JSONRecordReader(bytes: bytes)
  var lines = 1
  for byte in bytes where byte == UInt8(ascii: "\n") { lines += 1 }
  do {
    var previousLine = 0
    while let record = try reader.next() {
      precondition(record.line >= previousLine && record.line <= lines)
      previousLine = record.line
      for (key, value) in record.pairs { _ = key.count + value.count }
      precondition(reader.bytesRead <= size)
    }
  } catch {
    precondition(error.line >= 1 && error.line <= lines, "\(error)")
    precondition(error.column >= 1, "\(error)")
  }
  return 0
}
