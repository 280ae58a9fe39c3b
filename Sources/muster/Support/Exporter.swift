import Foundation
import MusterDomain
import MusterImport
import MusterStore
import MusterUI

/// The formats `muster export` (and `e` in the browser) write.
enum ExportFormat: String, CaseIterable {
  /// The native dataset format, YAML.
  case dataset
  /// The native dataset format, JSON.
  case json
  /// Events as an ACLED CSV export.
  case csv
  /// Sites as GeoJSON points with their holders.
  case geojson
  /// A brief of one site or actor.
  case markdown

  var fileExtension: String {
    switch self {
    case .dataset: "yaml"
    case .json: "json"
    case .csv: "csv"
    case .geojson: "geojson"
    case .markdown: "md"
    }
  }
}

/// What an export covers: every record, or a list of them in order.
enum ExportSelection {
  case everything
  case records([RecordReference])
}

/// Makes export texts from the catalog; shared by `muster export` and the browser's `e`.
struct Exporter {
  let catalog: SQLiteCatalog

  /// The records a query finds, best first.
  func records(matching query: SearchQuery) throws -> [RecordReference] {
    let found = try catalog.searchMatches(SearchRequest(query: query, limit: Int.max))
    return try catalog.searchHits(found.matches, for: query).map(\.record)
  }

  /// The records of a list tab with a filter, as the list shows them.
  func records(of tab: ListTab, filter: SearchQuery?, author: String) throws -> [RecordReference] {
    var query = EntityQuery(kind: tab.kind, order: .name, offset: 0, limit: Int.max)
    query.filter = filter
    if tab == .pins { query.pinnedBy = author }
    return try catalog.entities(query).rows.map(\.record)
  }

  /// The text of `format` for `selection` as of `day`; also how many selected records the
  /// format cannot hold (a CSV holds events only).
  func text(_ format: ExportFormat, _ selection: ExportSelection, asOf day: Day?) throws
    -> (text: String, left: Int)
  {
    switch format {
    case .dataset, .json:
      let dataset = try restricted(selection)
      return (format == .json ? DatasetEncoder.json(dataset) : try DatasetEncoder.yaml(dataset), 0)
    case .csv:
      let dataset = try restricted(selection)
      let events: [Event]
      var left = 0
      switch selection {
      case .everything: events = dataset.events
      case .records(let records):
        let byID = Dictionary(
          dataset.events.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        events = records.compactMap { byID[$0.rawValue] }
        left = records.count - events.count
      }
      return (ACLEDExport.csv(events, in: dataset), left)
    case .geojson:
      let sites: [Site]
      let all = try catalog.exportSites()
      switch selection {
      case .everything: sites = all
      case .records(let records):
        let byID = Dictionary(all.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        sites = records.compactMap { byID[$0.rawValue] }
      }
      var holders: [String: [DeploymentState]] = [:]
      if let day {
        for site in sites where site.location != nil {
          holders[site.id.rawValue] = try catalog.holders(of: site.id, asOf: day)
            .filter(\.status.isHolding)
        }
      }
      let left =
        if case .records(let records) = selection { records.count - sites.count } else { 0 }
      return (GeoJSONExport.text(sites, holders: holders, asOf: day), left)
    case .markdown:
      guard case .records(let records) = selection,
        let record = records.first(where: { $0.kind == .site || $0.kind == .actor })
      else {
        throw CommandFailure(
          "a brief is of one site or actor: pass --query with its id or name, such as "
            + "--query site:imam-ali-base", code: ExitStatus.usage)
      }
      guard let detail = try catalog.detail(of: record, asOf: day) else {
        throw CommandFailure("no record \(record)", code: ExitStatus.missingInput)
      }
      var claims: [RecordReference] = []
      switch detail {
      case .site(let site):
        claims =
          site.deployments.map { $0.deployment.id.reference(.deployment) }
          + site.events.map(\.record)
      case .actor(let actor):
        claims =
          actor.deployments.map { $0.deployment.id.reference(.deployment) }
          + actor.events.map(\.record)
      default: break
      }
      var sources: [RecordReference: [CitedSource]] = [:]
      for claim in claims {
        switch try catalog.detail(of: claim, asOf: day) {
        case .deployment(let deployment): sources[claim] = deployment.citations
        case .event(let event): sources[claim] = event.citations
        default: break
        }
      }
      return (BriefExport.markdown(detail, asOf: day, sources: sources) ?? "", 0)
    }
  }

  func restricted(_ selection: ExportSelection) throws -> Dataset {
    let all = try catalog.exportDataset()
    guard case .records(let records) = selection else { return all }
    return all.restricted(to: Set(records))
  }
}

/// The browser's `e`: writes the view into a new file in the working folder.
struct FileExporter: ViewExporting {
  let catalog: SQLiteCatalog
  let author: String
  let folder: String

  func export(_ export: ViewExport) throws -> String {
    let exporter = Exporter(catalog: catalog)
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
      selection = try exporter.records(of: tab, filter: filter, author: author)
      name = tab.title.lowercased()
    case .results(let query):
      format = .json
      selection = try exporter.records(matching: query)
      name = "search"
    }
    let text = try exporter.text(format, .records(selection), asOf: export.asOf).text
    let stem = "muster-\(name)" + (export.asOf.map { "-\($0)" } ?? "")
    // A new name: never over an existing file.
    for attempt in 1...1000 {
      let file = "\(stem)\(attempt == 1 ? "" : "-\(attempt)").\(format.fileExtension)"
      let path = folder.hasSuffix("/") ? folder + file : folder + "/" + file
      guard !FileManager.default.fileExists(atPath: path) else { continue }
      try AtomicFile.write(text, to: path, replacing: false)
      return path
    }
    throw CommandFailure("too many exports named \(stem) in \(folder)", code: ExitStatus.ioError)
  }
}
