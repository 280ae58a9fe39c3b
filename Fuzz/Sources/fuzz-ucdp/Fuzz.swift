import FuzzSupport

/// The target's entry point: libFuzzer's driver over the UCDP reader.
@_cdecl("fuzz_ucdp_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
  -> CInt
{
  runFuzzer(argc, argv) { fuzzEventDatasetImport($0, $1, format: .ucdp) }
}
