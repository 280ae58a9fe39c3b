import FuzzSupport

/// The target's entry point: libFuzzer's driver over the ACLED reader.
@_cdecl("fuzz_acled_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
  -> CInt
{
  runFuzzer(argc, argv) { fuzzEventDatasetImport($0, $1, format: .acled) }
}
