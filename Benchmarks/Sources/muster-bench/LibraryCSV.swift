// yaslab/CSV.swift, in a file of its own: its `CSVReader` shares a name with Muster's.
import CSV
import Foundation

/// Reads every row of `path` with yaslab/CSV.swift; returns the row count.
func countRowsWithLibrary(_ path: String) throws -> Int {
  guard let stream = InputStream(fileAtPath: path) else { return 0 }
  let reader = try CSVReader(stream: stream, hasHeaderRow: false)
  var rows = 0
  while reader.next() != nil { rows += 1 }
  return rows
}
