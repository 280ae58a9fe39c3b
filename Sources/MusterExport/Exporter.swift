import MusterDomain

/// The formats `muster export` (and `e` in the browser) write.
public enum ExportFormat: String, CaseIterable, Sendable {
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

  /// The file name extension for the format.
  public var fileExtension: String {
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
public enum ExportSelection: Hashable, Sendable {
  case everything
  case records([RecordReference])
}

/// Why an export could not be made, in words for the user.
public enum ExportError: Error, Equatable, CustomStringConvertible {
  /// A brief was asked for without a site or actor to make it of.
  case briefNeedsASiteOrActor
  /// The record to export does not exist.
  case noSuchRecord(RecordReference)
  /// The file exists and replacing it was not asked for.
  case fileExists(path: String)
  /// Every new name for the export in the folder is taken.
  case noFreeName(stem: String, folder: String)
  /// The file could not be written.
  case cannotWrite(path: String, reason: String)

  /// The message for the user.
  public var description: String {
    switch self {
    case .briefNeedsASiteOrActor:
      "a brief is of one site or actor: pass --query with its id or name, such as "
        + "--query site:imam-ali-base"
    case .noSuchRecord(let record): "no record \(record)"
    case .fileExists(let path): "\(path) exists; pass --force to replace it"
    case .noFreeName(let stem, let folder): "too many exports named \(stem) in \(folder)"
    case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
    }
  }
}

/// Makes export texts from the catalog's read port; shared by `muster export` and the
/// browser's `e`.
public struct Exporter: Sendable {
  let catalog: any CatalogReading

  /// An exporter reading `catalog`.
  public init(catalog: any CatalogReading) {
    self.catalog = catalog
  }

  /// The records a query finds, best first.
  public func records(matching query: SearchQuery) throws -> [RecordReference] {
    let found = try catalog.searchMatches(SearchRequest(query: query, limit: Int.max))
    return try catalog.searchHits(found.matches, for: query).map(\.record)
  }

  /// The records of one kind, by name, with a filter (and those pinned by `pinnedBy`).
  public func records(
    of kind: RecordKind, filter: SearchQuery?, pinnedBy: String? = nil
  ) throws -> [RecordReference] {
    var query = EntityQuery(kind: kind, order: .name, offset: 0, limit: Int.max)
    query.filter = filter
    query.pinnedBy = pinnedBy
    return try catalog.entities(query).rows.map(\.record)
  }

  /// The text of `format` for `selection` as of `day`; also how many selected records the
  /// format cannot hold (a CSV holds events only, GeoJSON located sites only).
  public func text(_ format: ExportFormat, _ selection: ExportSelection, asOf day: Day?) throws
    -> (text: String, left: Int)
  {
    switch format {
    case .dataset, .json:
      let dataset = try restricted(selection)
      return (format == .json ? DatasetEncoder.json(dataset) : try DatasetEncoder.yaml(dataset), 0)
    case .csv:
      return try csv(selection)
    case .geojson:
      return try geoJSON(selection, asOf: day)
    case .markdown:
      return (try brief(selection, asOf: day), 0)
    }
  }

  private func csv(_ selection: ExportSelection) throws -> (text: String, left: Int) {
    let dataset = try restricted(selection)
    guard case .records(let records) = selection else {
      return (ACLEDExport.csv(dataset.events, in: dataset), 0)
    }
    let byID = Dictionary(
      dataset.events.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    let events = records.compactMap { byID[$0.rawValue] }
    return (ACLEDExport.csv(events, in: dataset), records.count - events.count)
  }

  private func geoJSON(_ selection: ExportSelection, asOf day: Day?) throws
    -> (text: String, left: Int)
  {
    let all = try catalog.exportSites()
    var sites = all
    var left = 0
    if case .records(let records) = selection {
      let byID = Dictionary(all.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
      sites = records.compactMap { byID[$0.rawValue] }
      left = records.count - sites.count
    }
    var holders: [String: [DeploymentState]] = [:]
    if let day {
      for site in sites where site.location != nil {
        holders[site.id.rawValue] = try catalog.holders(of: site.id, asOf: day)
          .filter(\.status.isHolding)
      }
    }
    return (GeoJSONExport.text(sites, holders: holders, asOf: day), left)
  }

  private func brief(_ selection: ExportSelection, asOf day: Day?) throws -> String {
    guard case .records(let records) = selection,
      let record = records.first(where: { $0.kind == .site || $0.kind == .actor })
    else {
      throw ExportError.briefNeedsASiteOrActor
    }
    guard let detail = try catalog.detail(of: record, asOf: day) else {
      throw ExportError.noSuchRecord(record)
    }
    var claims: [RecordReference] = []
    switch detail {
    case .site(let site):
      claims =
        site.deployments.map { $0.deployment.id.reference(.deployment) } + site.events.map(\.record)
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
    return BriefExport.markdown(detail, asOf: day, sources: sources) ?? ""
  }

  private func restricted(_ selection: ExportSelection) throws -> Dataset {
    let all = try catalog.exportDataset()
    guard case .records(let records) = selection else { return all }
    return all.restricted(to: Set(records))
  }
}
