import Foundation
import MusterDomain

/// A catalog that times every read it passes on, by kind of read.
final class TimedCatalog: CatalogReading, @unchecked Sendable {
  let inner: any CatalogReading
  private(set) var totals: [String: (count: Int, seconds: Double, worst: Double)] = [:]

  init(_ inner: any CatalogReading) {
    self.inner = inner
  }

  private func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let old = totals[name] ?? (0, 0, 0)
    totals[name] = (old.count + 1, old.seconds + elapsed, max(old.worst, elapsed))
    return result
  }

  func report() {
    for (name, total) in totals.sorted(by: { $0.value.seconds > $1.value.seconds }) {
      let mean = total.seconds / Double(total.count) * 1000
      FileHandle.standardError.write(
        Data(
          "  \(name): \(total.count) calls, mean \(String(format: "%.2f", mean)) ms, worst \(String(format: "%.2f", total.worst * 1000)) ms\n"
            .utf8))
    }
    totals = [:]
  }

  func summary() throws -> CatalogSummary { try timed("summary") { try inner.summary() } }
  func entities(_ query: EntityQuery) throws -> EntityPage {
    try timed("entities \(query.kind) asOf=\(query.asOf != nil)") { try inner.entities(query) }
  }
  func timeline(_ query: TimelineQuery) throws -> TimelinePage {
    try timed("timeline limit \(query.limit)") { try inner.timeline(query) }
  }
  func detail(of record: RecordReference, asOf day: Day?, presenceDays: Int) throws
    -> RecordDetail?
  {
    try timed("detail \(record.kind)") {
      try inner.detail(of: record, asOf: day, presenceDays: presenceDays)
    }
  }
  func changes(_ query: ChangesQuery) throws -> [PositionChange] {
    try timed("changes") { try inner.changes(query) }
  }
  func holders(of site: ID<Site>, asOf day: Day) throws -> [DeploymentState] {
    try timed("holders") { try inner.holders(of: site, asOf: day) }
  }
  func positions(of actor: ID<ForceActor>, asOf day: Day) throws -> [DeploymentState] {
    try timed("positions") { try inner.positions(of: actor, asOf: day) }
  }
  func search(_ request: SearchRequest) throws -> SearchResults {
    try timed("search") { try inner.search(request) }
  }
  func searchMatches(_ request: SearchRequest) throws -> SearchMatches {
    try timed("searchMatches") { try inner.searchMatches(request) }
  }
  func searchHits(_ matches: [SearchMatch], for query: SearchQuery) throws -> [SearchHit] {
    try timed("searchHits") { try inner.searchHits(matches, for: query) }
  }
  func interrupt() { inner.interrupt() }
  func activity(in range: DayRange, buckets: Int) throws -> [Int] {
    try timed("activity") { try inner.activity(in: range, buckets: buckets) }
  }
  func exportDataset() throws -> Dataset {
    try timed("exportDataset") { try inner.exportDataset() }
  }
  func exportSites() throws -> [Site] { try timed("exportSites") { try inner.exportSites() } }
  func contains(_ record: RecordReference) throws -> Bool {
    try timed("contains") { try inner.contains(record) }
  }
  func changeToken() throws -> Int { try timed("changeToken") { try inner.changeToken() } }
  func mapSites(in box: GeoBox, asOf day: Day?, limit: Int) throws -> [MapSite] {
    try timed("mapSites") { try inner.mapSites(in: box, asOf: day, limit: limit) }
  }
  func siteBounds() throws -> GeoBox? { try timed("siteBounds") { try inner.siteBounds() } }
  func isPinned(_ record: RecordReference, by author: String) throws -> Bool {
    try timed("isPinned") { try inner.isPinned(record, by: author) }
  }
}
