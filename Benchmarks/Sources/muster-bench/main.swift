// In-process benchmarks that a whole-process timing cannot isolate.
//
// Usage: muster-bench csv FILE   — rows/s of Muster's CSV reader and of yaslab/CSV.swift
//        muster-bench browse DB  — per-key apply + effects + render times in the browser
//        muster-bench forms DB   — the claim form: open, complete as typed, save, seen elsewhere
//        muster-bench search DB [WORD...] — keystroke to finished frame, typing words in `/`
//        muster-bench keys DB    — how many distinct names share a transliteration key
//        muster-bench json FILE  — records/s of Muster's streaming JSON reader
//        muster-bench json-foundation FILE — the same with Foundation's JSONSerialization
// Prints one line per measure: `name<TAB>value<TAB>unit<TAB>note`, which Benchmarks/run.py
// turns into rows of its table.
import Foundation
import MusterDomain
import MusterImport

func emit(_ name: String, _ value: Double, _ unit: String, _ note: String = "") {
  print("\(name)\t\(String(format: "%.2f", value))\t\(unit)\t\(note)")
}

/// Emits `name p50` and `name p99` of `times` (milliseconds), the note counting them.
func emitPercentiles(_ name: String, _ times: [Double], counting what: String) {
  let sorted = times.sorted()
  guard !sorted.isEmpty else { return }
  let p50 = sorted[sorted.count / 2]
  let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
  emit(
    "\(name) p50", p50, "ms",
    "\(sorted.count) \(what); p99 \(String(format: "%.2f", p99)) ms; max \(String(format: "%.2f", sorted.last ?? 0)) ms"
  )
  emit("\(name) p99", p99, "ms", "")
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func benchCSV(_ path: String) throws {
  var rows = 0
  let ours = try seconds {
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    var reader = CSVReader(fileDescriptor: descriptor)
    while let record = try reader.next() {
      rows += record.fields.count > 0 ? 1 : 0
    }
  }
  emit(
    "csv reader (Muster)", Double(rows) / ours, "rows/s",
    "\(rows) rows in \(String(format: "%.2f", ours)) s")
  var libraryRows = 0
  let theirs = try seconds { libraryRows = try countRowsWithLibrary(path) }
  emit(
    "csv reader (yaslab/CSV.swift)", Double(libraryRows) / theirs, "rows/s",
    "\(libraryRows) rows in \(String(format: "%.2f", theirs)) s")
}

func benchFold() {
  let note =
    "On 16 July 2020, Syrian forces threw a grenade at residential areas in Marj al-Houn "
    + "al-Qadima (Soghaat al-Kabir, Aleppo). One person was killed. Witnesses said a pharmacist "
    + "was reportedly among those present. The area was later cordoned off. Fatalities unknown. "
    + "Military Forces of Syria (2000-2024) Air Force \n Kataib al-Furqan \n Marj al-Houn"
  let rounds = 100_000
  var total = 0
  let elapsed = seconds {
    for _ in 0..<rounds { total &+= SearchKey.indexText(note).utf8.count }
  }
  emit(
    "fold (SearchKey.indexText)", elapsed / Double(rounds) * 1e9 / Double(note.utf8.count),
    "ns/byte", "\(note.utf8.count)-byte note, \(total)")
  var trims = 0
  let trimElapsed = seconds {
    for _ in 0..<rounds * 10 {
      trims &+= "Military Forces of Syria".trimmingASCIIWhitespace().count
    }
  }
  emit("trim", trimElapsed / Double(rounds * 10) * 1e9, "ns/call", "\(trims)")
}

/// Discards events: measures reading and parsing alone.
final class DiscardingImporter: EventDatasetImporting, ImportedEventSink {
  var count = 0

  func importEvents(
    expectedEvents: Int, _ produce: (any ImportedEventSink) throws -> Void
  ) throws -> EventDatasetImportSummary {
    try produce(self)
    return EventDatasetImportSummary()
  }

  func add(_ event: ImportedEvent) throws -> ImportedEventOutcome {
    count += event.participants.count
    return .inserted
  }
}

func benchParse(_ path: String) throws {
  let importer = DiscardingImporter()
  var rows = 0
  let elapsed = try seconds {
    rows = try EventDatasetImport.run(
      path: path, options: EventDatasetImport.Options(), writer: importer
    )
    .summary.skipped
  }
  emit(
    "read + parse ACLED (no store)", elapsed, "s", "\(importer.count) participants, \(rows) skipped"
  )
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
  FileHandle.standardError.write(Data("usage: muster-bench csv FILE\n".utf8))
  exit(64)
}
switch arguments[1] {
case "csv": try benchCSV(arguments[2])
case "search":
  let words = arguments.count > 3 ? Array(arguments[3...]) : ["hydroelectric", "reportedly"]
  try benchSearch(arguments[2], words: words, rounds: 5)
case "keys": try benchKeys(arguments[2])
case "fold": benchFold()
case "parse": try benchParse(arguments[2])
case "browse": try benchBrowse(arguments[2])
case "forms": try benchForms(arguments[2])
case "json": try benchJSONStreaming(arguments[2])
case "json-foundation": try benchJSONFoundation(arguments[2])
default:
  FileHandle.standardError.write(Data("unknown benchmark \(arguments[1])\n".utf8))
  exit(64)
}
