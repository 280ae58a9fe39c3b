import GRDB
import MusterDomain

/// Deployments with names resolved and their state as of a day, after events' effects.
struct DeploymentStates {
  let db: Database

  /// Deployments of actor `?1` that count as of day `?2`: open ones, and those ending on or
  /// after it, each through `deployment_by_actor_end`.
  static let positionsSQL = """
    SELECT rowid FROM deployment WHERE actor = ?1 AND end_last IS NULL
      AND (start_first IS NULL OR start_first <= ?2)
    UNION ALL
    SELECT rowid FROM deployment WHERE actor = ?1 AND end_last >= ?2
      AND (start_first IS NULL OR start_first <= ?2)
    """

  /// The deployments at a site or any site inside it that count as of `day`, holders first.
  func holders(ofSite site: Int64, asOf day: Day) throws -> [DeploymentState] {
    let states = try states(
      sql: Self.holdersSQL, arguments: [site, day.daysSinceEpoch], asOf: day)
    return Self.ordered(states)
  }

  /// Deployments at site `?1` or inside it that count as of day `?2`: the analysts' before
  /// the inferred (control first among those), then the best graded first.
  static let holdersSQL = """
    WITH RECURSIVE inside(rowid) AS (
      SELECT ?1 UNION SELECT site.rowid FROM site JOIN inside ON site.parent = inside.rowid)
    SELECT deployment.rowid FROM inside CROSS JOIN deployment ON deployment.site = inside.rowid
    WHERE (start_first IS NULL OR start_first <= ?2) AND (end_last IS NULL OR end_last >= ?2)
    ORDER BY deployment.id GLOB '\(Deployment.inferredIDPrefix)*',
      deployment.id GLOB '\(Deployment.inferredIDPrefix)*' AND role != 'control',
      grade_reliability IS NULL,
      grade_reliability, grade_credibility, deployment.rowid
    """

  /// Holding states first, then the analysts' claims before inferred ones (and among
  /// those, control first), then the best graded, then by actor name.
  static func ordered(_ states: [DeploymentState]) -> [DeploymentState] {
    states.sorted { Rank($0) < Rank($1) }
  }

  /// What orders holders: holding first, then the analysts' claims before inferred ones
  /// (and among those, control first), then the best graded, then by actor name.
  struct Rank: Comparable {
    let isHolding: Bool
    let isInferred: Bool
    let role: DeploymentRole
    let grade: Grade?
    let actorName: String

    init(
      isHolding: Bool, isInferred: Bool, role: DeploymentRole, grade: Grade?, actorName: String
    ) {
      self.isHolding = isHolding
      self.isInferred = isInferred
      self.role = role
      self.grade = grade
      self.actorName = actorName
    }

    init(_ state: DeploymentState) {
      self.init(
        isHolding: state.status.isHolding && state.deployment.analystStatus != .rejected,
        isInferred: state.deployment.isInferred,
        role: state.deployment.role, grade: state.grade, actorName: state.actorName)
    }

    static func < (lhs: Rank, rhs: Rank) -> Bool {
      if lhs.isHolding != rhs.isHolding { return lhs.isHolding }
      if lhs.isInferred != rhs.isInferred { return !lhs.isInferred }
      // Among inferred positions, whoever controls the site leads, then bases.
      if lhs.isInferred, lhs.role != rhs.role {
        return DeploymentStates.roleRank(lhs.role) < DeploymentStates.roleRank(rhs.role)
      }
      switch (lhs.grade, rhs.grade) {
      case (let left?, let right?) where left != right: return left < right
      case (.some, nil): return true
      case (nil, .some): return false
      default: return lhs.actorName < rhs.actorName
      }
    }
  }

  /// States of the deployments `rowids`, in that order, as of `day`.
  func states(of rowids: [Int64], asOf day: Day?) throws -> [DeploymentState] {
    try rowStates(of: rowids, asOf: day).map(\.1.state)
  }

  /// Rowids as a JSON array, for `json_each`: one statement for any number of them.
  static func jsonList(_ rowids: [Int64]) -> String {
    "[" + rowids.map(String.init).joined(separator: ",") + "]"
  }

  /// Control, then a headquarters or checkpoint, then presence.
  static func roleRank(_ role: DeploymentRole) -> Int {
    switch role {
    case .control: 0
    case .headquarters: 1
    case .checkpoint: 2
    case .presence: 3
    }
  }

  /// States of the deployments whose rowids `sql` selects, as of `day` (or after every
  /// effect when `nil`), in the order `sql` gives.
  func states(sql: String, arguments: StatementArguments, asOf day: Day?) throws
    -> [DeploymentState]
  {
    try rowStates(of: try db.values(Int64.self, sql: sql, arguments: arguments), asOf: day)
      .map(\.1.state)
  }

  /// States of the deployments `rowids` as of `day`, each with its rowid and its actor's.
  func rowStates(of rowids: [Int64], asOf day: Day?) throws
    -> [(Int64, (state: DeploymentState, actorRowid: Int64))]
  {
    let loader = RecordLoader(db: db)
    var result: [(Int64, (state: DeploymentState, actorRowid: Int64))] = []
    for rowid in rowids {
      guard let deployment = try loader.deployment(rowid),
        let names = try db.row(
          sql: """
            SELECT actor.name AS actor_name, site.name AS site_name, actor.rowid AS actor_rowid,
              deployment.grade_reliability, deployment.grade_credibility
            FROM deployment JOIN actor ON actor.rowid = deployment.actor
            JOIN site ON site.rowid = deployment.site WHERE deployment.rowid = ?
            """, arguments: [rowid])
      else { continue }
      let effects = try db.rows(
        sql: """
          SELECT effect.*, event.date_first, event.date_last, event.date_precision,
            event.date_code
          FROM effect JOIN event ON event.rowid = effect.event
          WHERE effect.deployment = ? ORDER BY event.date_first, event.rowid
          """, arguments: [rowid]
      ).compactMap { row -> (date: FuzzyDate, change: DeploymentEffect.Change)? in
        guard let date = try row.fuzzyDate("date") else { return nil }
        return (date, try RecordLoader.change(of: row))
      }
      let (status, strength) = deployment.state(asOf: day, effects: effects)
      let successor = try deployment.successor.flatMap {
        try loader.link($0.reference(.deployment))
      }
      let predecessors = try db.values(
        String.self, sql: "SELECT id FROM deployment WHERE successor = ? ORDER BY rowid",
        arguments: [rowid]
      ).compactMap { try loader.link(RecordReference(kind: .deployment, rawValue: $0)) }
      let state = DeploymentState(
        deployment: deployment, actorName: try names.get("actor_name"),
        siteName: try names.get("site_name"),
        status: status, strength: strength, grade: try names.grade(), successor: successor,
        predecessors: predecessors)
      result.append((rowid, (state, try names.get("actor_rowid"))))
    }
    return result
  }
}

extension SQLiteCatalog {
  /// The deployments at a site or inside it that count as of a day, holders first.
  public func holders(of site: ID<Site>, asOf day: Day) throws -> [DeploymentState] {
    try read { db in
      guard let rowid = try RecordLoader(db: db).rowid(of: site.reference(.site)) else {
        return []
      }
      return try DeploymentStates(db: db).holders(ofSite: rowid, asOf: day)
    }
  }

  /// The deployments of an actor that count as of a day.
  public func positions(of actor: ID<ForceActor>, asOf day: Day) throws -> [DeploymentState] {
    try read { db in
      guard let rowid = try RecordLoader(db: db).rowid(of: actor.reference(.actor)) else {
        return []
      }
      return DeploymentStates.ordered(
        try DeploymentStates(db: db).states(
          sql: DeploymentStates.positionsSQL, arguments: [rowid, day.daysSinceEpoch], asOf: day))
    }
  }
}
