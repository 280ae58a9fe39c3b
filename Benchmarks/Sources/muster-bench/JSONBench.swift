import Foundation
import MusterImport

/// Reads every record of a UCDP API page with Muster's streaming reader; the caller
/// measures the process's peak memory.
func benchJSONStreaming(_ path: String) throws {
  var records = 0
  let elapsed = try seconds {
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    var reader = JSONRecordReader(fileDescriptor: descriptor)
    while let record = try reader.next() { records += record.pairs.isEmpty ? 0 : 1 }
  }
  emit(
    "json records (Muster, streaming)", Double(records) / elapsed, "records/s",
    "\(records) records in \(String(format: "%.2f", elapsed)) s")
}

/// The same with Foundation's JSONSerialization, which holds the whole document.
func benchJSONFoundation(_ path: String) throws {
  var records = 0
  let elapsed = try seconds {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let page = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    records = (page?["Result"] as? [[String: Any]])?.count ?? 0
  }
  emit(
    "json records (Foundation JSONSerialization)", Double(records) / elapsed, "records/s",
    "\(records) records in \(String(format: "%.2f", elapsed)) s")
}
