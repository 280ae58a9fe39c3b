import MusterDomain

/// Runs effects against the read side of the store and reports what came back.
///
/// Effects run synchronously: local SQLite reads take milliseconds. The runner is handed
/// only `CatalogReading`, so nothing it does can write, whatever the mode.
public struct EffectRunner: Sendable {
  let catalog: any CatalogReading
  /// Where queries are remembered; `nil` in kiosk mode, which remembers nothing.
  let history: (any QueryHistory)?

  /// A runner reading from `catalog`, with the query history in `history`.
  public init(catalog: any CatalogReading, history: (any QueryHistory)? = nil) {
    self.catalog = catalog
    self.history = history
  }

  /// A search and the hits of its first `request.limit` matches, as one action.
  public static func search(
    _ request: SearchRequest, generation: Int, on catalog: any CatalogReading
  ) throws -> Action {
    let found = try catalog.searchMatches(request)
    let hits = try catalog.searchHits(
      Array(found.matches.prefix(max(0, request.limit))), for: request.query)
    return .searchCompleted(generation: generation, found, hits: hits)
  }

  /// Performs `effect`; the action to feed back, or `nil` when it has no result.
  public func run(_ effect: Effect) -> Action? {
    do {
      switch effect {
      case .loadSummary:
        return .summaryLoaded(try catalog.summary())
      case .loadActivity(let range, let buckets):
        return .activityLoaded(try catalog.activity(in: range, buckets: buckets))
      case .loadList(let tab, let offset, let limit, let asOf, let filter):
        var query = EntityQuery(
          kind: tab.kind, order: .name, asOf: asOf, offset: offset, limit: limit)
        query.filter = filter
        let page = try catalog.entities(query)
        return .listLoaded(tab, page, asOf: asOf)
      case .loadTimeline(let day, let limit, let filter):
        let boundary = TimelinePosition.before(day.advanced(by: 1))
        let before = try catalog.timeline(
          TimelineQuery(from: boundary, direction: .backward, limit: limit, filter: filter))
        let after = try catalog.timeline(
          TimelineQuery(from: boundary, direction: .forward, limit: limit, filter: filter))
        return .timelineLoaded(before: before, after: after)
      case .loadEarlierEntries(let position, let limit, let filter):
        return .earlierEntriesLoaded(
          try catalog.timeline(
            TimelineQuery(from: position, direction: .backward, limit: limit, filter: filter)))
      case .loadLaterEntries(let position, let limit, let filter):
        return .laterEntriesLoaded(
          try catalog.timeline(
            TimelineQuery(from: position, direction: .forward, limit: limit, filter: filter)))
      case .loadDetail(let record, let asOf):
        return .detailLoaded(record, try catalog.detail(of: record, asOf: asOf), asOf: asOf)
      case .findEntryDay(let day, let forward, let filter):
        let page =
          forward
          ? try catalog.timeline(
            TimelineQuery(
              from: .before(day.advanced(by: 1)), direction: .forward, limit: 1, filter: filter))
          : try catalog.timeline(
            TimelineQuery(from: .before(day), direction: .backward, limit: 1, filter: filter))
        return .entryDayFound(page.entries.first?.position.day)
      case .checkForChanges:
        return .changeTokenLoaded(try catalog.changeToken())
      case .search(let request, let generation):
        return try Self.search(request, generation: generation, on: catalog)
      case .loadSearchHits(let matches, let query, let offset, let generation):
        return .searchHitsLoaded(
          generation: generation, offset: offset, try catalog.searchHits(matches, for: query))
      case .loadHistory:
        return .historyLoaded(try history?.load() ?? [])
      case .rememberQuery(let query):
        try history?.remember(query)
        return nil
      case .redrawScreen:
        return nil
      }
    } catch {
      return .failed("\(error)")
    }
  }
}
