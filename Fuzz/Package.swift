// swift-tools-version: 6.1
// libFuzzer targets for Muster's parsers: built by `make fuzz` with -sanitize=fuzzer,address
// (see Scripts/fuzz.sh); each exports LLVMFuzzerTestOneInput and has no main of its own.
import PackageDescription

let fuzzable = Target.Dependency.product(name: "MusterFuzzable", package: "main")
let support = Target.Dependency.target(name: "FuzzSupport")
// No top-level code: libFuzzer's driver is the entry point.
let library: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
  name: "MusterFuzz",
  platforms: [.macOS(.v14)],
  dependencies: [.package(name: "main", path: "..")],
  targets: [
    .target(name: "FuzzSupport", dependencies: [fuzzable]),
    .executableTarget(
      name: "fuzz-dataset", dependencies: [fuzzable, support], swiftSettings: library),
    .executableTarget(
      name: "fuzz-acled", dependencies: [fuzzable, support], swiftSettings: library),
    .executableTarget(
      name: "fuzz-ucdp", dependencies: [fuzzable, support], swiftSettings: library),
    .executableTarget(
      name: "fuzz-query", dependencies: [fuzzable, support], swiftSettings: library),
    .executableTarget(
      name: "fuzz-keys", dependencies: [fuzzable, support], swiftSettings: library),
    .executableTarget(
      name: "fuzz-sanitiser", dependencies: [fuzzable, support], swiftSettings: library),
    .executableTarget(
      name: "fuzz-json", dependencies: [fuzzable, support], swiftSettings: library),
  ]
)
