import GRDB
import MusterDomain

extension SQLiteCatalog {
  /// Reads each of the three entry sources (events, deployment starts, deployment ends) in
  /// index order from the position on, then merges them; no query sorts more than a page.
  public func timeline(_ query: TimelineQuery) throws -> TimelinePage {
    try read { db in
      let limit = max(0, query.limit)
      let isForward = query.direction == .forward
      var entries: [TimelineEntry] = []
      let filter = try query.filter.map { try SearchFilterSQL(db: db, query: $0) }
      for source in TimelineSource.allCases {
        entries += try source.entries(
          db, from: query.from, forward: isForward, window: query.window, limit: limit + 1,
          filter: filter)
      }
      entries.sort { $0.position < $1.position }
      if !isForward { entries.reverse() }
      let hasMore = entries.count > limit
      var page = Array(entries.prefix(limit))
      if !isForward { page.reverse() }
      return TimelinePage(entries: page, hasMore: hasMore)
    }
  }
}

/// The three kinds of timeline entry, each read from its own index.
enum TimelineSource: CaseIterable {
  case events
  case deploymentStarts
  case deploymentEnds

  var rank: Int {
    switch self {
    case .events: TimelineEntryKind.event(.other).rank
    case .deploymentStarts: TimelineEntryKind.deploymentStart.rank
    case .deploymentEnds: TimelineEntryKind.deploymentEnd.rank
    }
  }

  /// The day column, and the table the rows come from.
  var dayColumn: String {
    switch self {
    case .events: "event.date_first"
    case .deploymentStarts: "deployment.start_first"
    case .deploymentEnds: "deployment.end_last"
    }
  }

  var table: String {
    switch self {
    case .events: "event"
    case .deploymentStarts, .deploymentEnds: "deployment"
    }
  }

  func entries(
    _ db: Database, from position: TimelinePosition?, forward: Bool, window: DayRange?,
    limit: Int, filter: SearchFilterSQL? = nil
  ) throws -> [TimelineEntry] {
    var conditions = ["\(dayColumn) IS NOT NULL"]
    var arguments: [(any DatabaseValueConvertible)?] = []
    if let filter {
      guard
        let (condition, values) = try filter.fullCondition(
          for: self == .events ? .event : .deployment, alias: table, in: db)
      else { return [] }
      conditions.append(condition)
      arguments += values
    }
    // The window's near edge is a position too: whichever is further along wins, so the
    // index is entered at one place and read in order (a row-value comparison; an OR of
    // two conditions would make SQLite sort every row before the position instead).
    var start = position
    if let window {
      let edge = forward ? TimelinePosition.before(window.first) : .after(window.last)
      start = start.map { forward ? max($0, edge) : min($0, edge) } ?? edge
      let far = forward ? "<= ?" : ">= ?"
      conditions.append("\(dayColumn) \(far)")
      arguments.append(forward ? window.last.daysSinceEpoch : window.first.daysSinceEpoch)
    }
    if let start {
      // Rows of this source on the start's day come after it if this source ranks later,
      // or ranks the same and has a later rowid.
      let boundaryRow: Int64 =
        rank > start.rank ? Int64.min : rank < start.rank ? Int64.max : start.row
      let comparison = forward ? ">" : "<"
      conditions.append("(\(dayColumn), \(table).rowid) \(comparison) (?, ?)")
      arguments += [start.day.daysSinceEpoch, boundaryRow]
    }
    let direction = forward ? "ASC" : "DESC"
    let whereClause = conditions.joined(separator: " AND ")
    let sql: String
    switch self {
    case .events:
      sql = """
        SELECT event.rowid, event.id, event.kind, event.summary, event.date_first AS day,
          event.date_first, event.date_last, event.date_precision, event.date_code,
          event.analyst_status, event.grade_reliability, event.grade_credibility,
          site.name AS site_name
        FROM event LEFT JOIN site ON site.rowid = event.site
        WHERE \(whereClause) ORDER BY event.date_first \(direction), event.rowid \(direction)
        LIMIT \(limit)
        """
    case .deploymentStarts, .deploymentEnds:
      let bound = self == .deploymentStarts ? "start" : "end"
      sql = """
        SELECT deployment.rowid, deployment.id, deployment.status, deployment.role,
          \(dayColumn) AS day, deployment.\(bound)_first AS date_first,
          deployment.\(bound)_last AS date_last, deployment.\(bound)_precision AS date_precision,
          deployment.\(bound)_code AS date_code, deployment.\(bound)_kind AS bound_kind,
          deployment.analyst_status, deployment.grade_reliability, deployment.grade_credibility,
          actor.name AS actor_name, site.name AS site_name
        FROM deployment JOIN actor ON actor.rowid = deployment.actor
        JOIN site ON site.rowid = deployment.site
        WHERE \(whereClause) ORDER BY \(dayColumn) \(direction), deployment.rowid \(direction)
        LIMIT \(limit)
        """
    }
    return try db.rows(sql: sql, arguments: StatementArguments(arguments)).compactMap {
      row in
      guard let date = try row.fuzzyDate("date") else { return nil }
      let position = TimelinePosition(
        day: Day(daysSinceEpoch: try row.get("day")), rank: rank, row: try row.get("rowid"))
      let status = try row.value("analyst_status", as: AnalystStatus.self)
      switch self {
      case .events:
        return TimelineEntry(
          position: position, kind: .event(try row.value("kind", as: EventKind.self)),
          record: RecordReference(kind: .event, rawValue: try row.get("id")), date: date,
          title: try row.get("summary"), siteName: try row.get("site_name"), grade: try row.grade(),
          analystStatus: status)
      case .deploymentStarts, .deploymentEnds:
        let actor: String = try row.get("actor_name")
        let site: String = try row.get("site_name")
        let boundKind = try row.optionalValue("bound_kind", as: BoundKind.self) ?? .known
        let id: String = try row.get("id")
        let role = try row.value("role", as: DeploymentRole.self)
        let title: String
        switch (self, boundKind) {
        case _ where id.hasPrefix(TerritoryPositions.idPrefix):
          title = Self.inferredTitle(starts: self == .deploymentStarts, actor, site, role)
        case (.deploymentStarts, .atLeastSince):
          title = "\(actor) at \(site) (at least since)"
        case (.deploymentStarts, _):
          title = "\(actor) at \(site): \(ListReader.words(try row.get("status")))"
        case (_, .lastSeen):
          title = "\(actor) last seen at \(site)"
        default:
          title = "\(actor) leaves \(site)"
        }
        return TimelineEntry(
          position: position, kind: self == .deploymentStarts ? .deploymentStart : .deploymentEnd,
          record: RecordReference(kind: .deployment, rawValue: id), date: date,
          title: title, siteName: site, grade: try row.grade(), analystStatus: status)
      }
    }
  }

  /// `~Hezbollah takes control of Albu Kamal (inferred)`: an inferred position's start or
  /// end, marked as such.
  static func inferredTitle(
    starts: Bool, _ actor: String, _ site: String, _ role: DeploymentRole
  ) -> String {
    let what: String
    switch (starts, role) {
    case (true, .control): what = "takes control of \(site)"
    case (false, .control): what = "loses control of \(site)"
    case (true, .headquarters), (true, .checkpoint): what = "sets up a base at \(site)"
    case (false, .headquarters), (false, .checkpoint): what = "leaves its base at \(site)"
    case (true, .presence): what = "is at \(site) beside the new holder"
    case (false, .presence): what = "leaves \(site)"
    }
    return "~\(actor) \(what) (inferred)"
  }
}
