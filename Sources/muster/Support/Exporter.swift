import Foundation
import MusterDomain
import MusterExport
import MusterUI

/// The browser's `e`: writes the view into a new file in the working folder, through the
/// `Exporter`; the one place that knows both the browser's views and the export formats.
struct FileExporter: ViewExporting {
  let exporter: Exporter
  let author: String
  let folder: String

  func export(_ export: ViewExport) throws -> String {
    let format: ExportFormat
    let selection: [RecordReference]
    let name: String
    switch export.content {
    case .brief(let record):
      format = .markdown
      selection = [record]
      name = String(record.rawValue.split(separator: ":").last ?? "brief")
    case .list(let tab, let filter):
      format = tab == .sites ? .geojson : .json
      selection = try exporter.records(
        of: tab.kind, filter: filter, pinnedBy: tab == .pins ? author : nil)
      name = tab.title.lowercased()
    case .results(let query):
      format = .json
      selection = try exporter.records(matching: query)
      name = "search"
    }
    let text = try exporter.text(format, .records(selection), asOf: export.asOf).text
    return try ExportFile.writeNew(
      text, stem: "muster-\(name)" + (export.asOf.map { "-\($0)" } ?? ""),
      fileExtension: format.fileExtension, in: folder)
  }
}
