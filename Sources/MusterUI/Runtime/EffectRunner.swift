import MusterDomain

/// Runs effects against the read side of the store and reports what came back.
///
/// Effects run synchronously: local SQLite reads take milliseconds. The runner is handed
/// only `CatalogReading`, so nothing it does can write, whatever the mode.
public struct EffectRunner: Sendable {
  let catalog: any CatalogReading

  /// A runner reading from `catalog`.
  public init(catalog: any CatalogReading) {
    self.catalog = catalog
  }

  /// Performs `effect`; the action to feed back, or `nil` when it has no result.
  public func run(_ effect: Effect) -> Action? {
    do {
      switch effect {
      case .loadSummary:
        return .summaryLoaded(try catalog.summary())
      case .loadActivity(let range, let buckets):
        return .activityLoaded(try catalog.activity(in: range, buckets: buckets))
      case .loadList(let tab, let offset, let limit, let asOf):
        let page = try catalog.entities(
          EntityQuery(kind: tab.kind, order: .name, asOf: asOf, offset: offset, limit: limit))
        return .listLoaded(tab, page, asOf: asOf)
      case .loadTimeline(let day, let limit):
        let boundary = TimelinePosition.before(day.advanced(by: 1))
        let before = try catalog.timeline(
          TimelineQuery(from: boundary, direction: .backward, limit: limit))
        let after = try catalog.timeline(
          TimelineQuery(from: boundary, direction: .forward, limit: limit))
        return .timelineLoaded(before: before, after: after)
      case .loadEarlierEntries(let position, let limit):
        return .earlierEntriesLoaded(
          try catalog.timeline(TimelineQuery(from: position, direction: .backward, limit: limit)))
      case .loadLaterEntries(let position, let limit):
        return .laterEntriesLoaded(
          try catalog.timeline(TimelineQuery(from: position, direction: .forward, limit: limit)))
      case .loadDetail(let record, let asOf):
        return .detailLoaded(record, try catalog.detail(of: record, asOf: asOf), asOf: asOf)
      case .findEntryDay(let day, let forward):
        let page =
          forward
          ? try catalog.timeline(
            TimelineQuery(from: .before(day.advanced(by: 1)), direction: .forward, limit: 1))
          : try catalog.timeline(TimelineQuery(from: .before(day), direction: .backward, limit: 1))
        return .entryDayFound(page.entries.first?.position.day)
      case .checkForChanges:
        return .changeTokenLoaded(try catalog.changeToken())
      case .redrawScreen:
        return nil
      }
    } catch {
      return .failed("\(error)")
    }
  }
}
