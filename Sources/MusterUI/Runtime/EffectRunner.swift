import MusterDomain

/// Runs effects against the read side of the store and reports what came back.
///
/// Effects run synchronously: local SQLite reads take milliseconds. Writing needs a
/// `Desk`, which only an interactive session is given: a kiosk's runner has none, so
/// nothing it does can write, whatever it is asked.
public struct EffectRunner: Sendable {
  let catalog: any CatalogReading
  /// Where queries are remembered; `nil` in kiosk mode, which remembers nothing.
  let history: (any QueryHistory)?
  /// What an analyst may write with; `nil` in kiosk mode.
  let desk: Desk?

  /// An analyst's means of writing: notes and pins in the store, exports to files.
  public struct Desk: Sendable {
    /// The store's write side.
    public var writer: any CatalogWriting
    /// Writes exports, when the session can.
    public var exporter: (any ViewExporting)?
    /// Who writes (`$USER`).
    public var author: String
    /// Seconds since 1970 now.
    public var now: @Sendable () -> Int

    /// A desk from its parts.
    public init(
      writer: any CatalogWriting, exporter: (any ViewExporting)?, author: String,
      now: @escaping @Sendable () -> Int
    ) {
      self.writer = writer
      self.exporter = exporter
      self.author = author
      self.now = now
    }
  }

  /// A runner reading from `catalog`, with the query history in `history`, writing with
  /// `desk`.
  public init(
    catalog: any CatalogReading, history: (any QueryHistory)? = nil, desk: Desk? = nil
  ) {
    self.catalog = catalog
    self.history = history
    self.desk = desk
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
        if tab == .pins {
          // Without a desk (a kiosk) nobody is pinning: an author no pin has.
          query.pinnedBy = desk?.author ?? "\u{0}"
        }
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
      case .loadDetail(let record, let asOf, let presenceDays):
        return .detailLoaded(
          record, try catalog.detail(of: record, asOf: asOf, presenceDays: presenceDays),
          asOf: asOf)
      case .loadChanges(let query):
        return .changesLoaded(query, try catalog.changes(query))
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
      case .loadMapSites(let box, let day):
        return .mapSitesLoaded(
          box, asOf: day, try catalog.mapSites(in: box, asOf: day, limit: MapState.siteLimit))
      case .loadSiteBounds:
        return .siteBoundsLoaded(try catalog.siteBounds())
      case .addNote(let record, let text):
        guard let desk else { return .failed("notes cannot be written here") }
        try desk.writer.add(Note.fresh(on: record, by: desk.author, at: desk.now(), text: text))
        return .noteAdded(record)
      case .togglePin(let record):
        guard let desk else { return .failed("pins cannot be written here") }
        let isPinned = !(try catalog.isPinned(record, by: desk.author))
        try desk.writer.setPinned(
          isPinned, Pin(target: record, author: desk.author, createdAt: desk.now()))
        return .pinToggled(record, isPinned: isPinned)
      case .completeRecord(let text, let kind, let field, let generation):
        var request = SearchRequest(text: text, kinds: [kind], limit: 8)
        // Named records by their names alone; a document by its title, in the full text.
        request.namesOnly = kind != .document
        let hits = try catalog.search(request).hits
        return .completionsLoaded(field: field, generation: generation, hits)
      case .applyClaimEdit(let edit, let basedOn):
        guard let desk else { return .formRefused("nothing can be written here") }
        do {
          return .formSaved(
            try desk.writer.apply(edit, by: desk.author, at: desk.now(), basedOn: basedOn))
        } catch {
          return .formRefused("\(error)")
        }
      case .undoLastChange:
        guard let desk else { return .failed("nothing can be undone here") }
        return .undone(try desk.writer.undoLast(by: desk.author, at: desk.now()))
      case .export(let export):
        guard let exporter = desk?.exporter else {
          return .failed("nothing can be exported here")
        }
        return .exported(path: try exporter.export(export))
      case .redrawScreen:
        return nil
      }
    } catch {
      return .failed("\(error)")
    }
  }
}
