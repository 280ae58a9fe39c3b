// yaslab/CSV.swift, in a file of its own: its `CSVReader` shares a name with Muster's.
import CSV

/// Every row of `text` as yaslab/CSV.swift reads it, the oracle for Muster's reader.
func libraryRows(_ text: String) throws -> [[String]] {
  let reader = try CSVReader(string: text, hasHeaderRow: false)
  var rows: [[String]] = []
  while let row = reader.next() { rows.append(row) }
  return rows
}
