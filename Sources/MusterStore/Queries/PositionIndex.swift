import GRDB
import GRDBSQLite
import MusterDomain

/// Every deployment's site, actor, period, role, status and grade, in memory, for the views
/// that ask "who holds what as of this day" of many sites or actors at once: the Sites
/// list's "Held by", the actors' positions and the map's holders.
///
/// Built in one read of the deployment table and kept while nothing is written (see
/// `SQLiteCatalog.positionIndex`): a million events' twenty thousand inferred positions
/// cost about a megabyte and turn a page of "Held by" or a time-cursor step on the map
/// into binary searches instead of a query per site.
///
/// An inferred position's state is its row's until the event that ends it, on its last day
/// (the only event that changes it), so inside its period it is read from here. Any other
/// position (an analyst's, with effects of events on any day) is worked out in full by
/// `DeploymentStates`.
struct PositionIndex: Sendable {
  /// One deployment, as stored.
  struct Entry: Sendable {
    let rowid: Int64
    let site: Int64
    let actor: Int64
    /// First possible start day, or `Int32.min` when open.
    let start: Int32
    /// Last possible end day, or `Int32.max` when open.
    let end: Int32
    let role: DeploymentRole
    let status: DeploymentStatus
    let isInferred: Bool
    /// Whether the analysts rejected it: it is listed, but holds nothing.
    let isRejected: Bool
    let grade: Grade?

    /// Whether it counts on `day` (the holders' and positions' queries' rule).
    func counts(on day: Int32) -> Bool { start <= day && day <= end }

    /// Whether its row gives its state on `day`: an inferred position before its last day.
    func isAsRecorded(on day: Int32) -> Bool { isInferred && end != day }
  }

  /// One holder of a site as of a day, with just what lists and the map show.
  struct Holder: Sendable {
    let rowid: Int64
    let actor: Int64
    let actorName: String
    let role: DeploymentRole
    let status: DeploymentStatus
    let isInferred: Bool
    let isRejected: Bool
    let grade: Grade?

    /// Whether it holds the site: in a holding state, and not rejected by the analysts.
    var isHolding: Bool { status.isHolding && !isRejected }

    /// Its place in `DeploymentStates.ordered`'s order.
    var rank: DeploymentStates.Rank {
      DeploymentStates.Rank(
        isHolding: isHolding, isInferred: isInferred, role: role, grade: grade,
        actorName: actorName)
    }
  }

  /// Entries by site, then rowid.
  let entries: [Entry]
  /// Indexes into `entries`, by actor then rowid.
  let byActor: [Int32]
  /// (site, entry) for each site an entry's site lies inside, by site: "inside" lookups.
  let inside: [(ancestor: Int64, entry: Int32)]
  /// Names of the actors that hold anything, with their ids.
  let actors: [Int64: (id: String, name: String)]

  /// How many sites up the tree an entry is found "inside".
  static let maximumDepth = 16

  /// Reads every deployment and the site tree above their sites.
  init(db: Database) throws {
    var entries: [Entry] = []
    // Read through SQLite's C API: through GRDB's rows the build took 40 ms at a million
    // events, on the first frame. Inferred ids are told by a range of the id index's order
    // (the prefix ends in ':', and ';' follows it), cheaper than GLOB on every row.
    let statuses = Dictionary(
      uniqueKeysWithValues: DeploymentStatus.allCases.map { ($0.rawValue, $0) })
    let roles = Dictionary(uniqueKeysWithValues: DeploymentRole.allCases.map { ($0.rawValue, $0) })
    try RawStatement(
      db,
      """
      SELECT rowid, site, actor, start_first, end_last, role, status,
        id >= '\(Deployment.inferredIDPrefix)' AND id < '\(Deployment.inferredIDPrefix.dropLast());',
        grade_reliability, grade_credibility,
        analyst_status = 'rejected'
      FROM deployment
      """
    ).each { row in
      var grade: Grade?
      if let reliability = RawStatement.integer(row, 8).flatMap(Reliability.init(rank:)),
        let credibility = RawStatement.integer(row, 9).flatMap(Credibility.init(rawValue:))
      {
        grade = Grade(reliability, credibility)
      }
      entries.append(
        Entry(
          rowid: sqlite3_column_int64(row, 0), site: sqlite3_column_int64(row, 1),
          actor: sqlite3_column_int64(row, 2),
          start: RawStatement.integer(row, 3).map { Int32(clamping: $0) } ?? .min,
          end: RawStatement.integer(row, 4).map { Int32(clamping: $0) } ?? .max,
          role: RawStatement.text(row, 5).flatMap { roles[$0] } ?? .presence,
          status: RawStatement.text(row, 6).flatMap { statuses[$0] } ?? .present,
          isInferred: sqlite3_column_int(row, 7) != 0,
          isRejected: sqlite3_column_int(row, 10) != 0, grade: grade))
    }
    entries.sort { ($0.site, $0.rowid) < ($1.site, $1.rowid) }
    self.entries = entries
    byActor = entries.indices.sorted { entries[$0].actor < entries[$1].actor }.map(Int32.init)
    var parents: [Int64: Int64] = [:]
    try RawStatement(db, "SELECT rowid, parent FROM site WHERE parent IS NOT NULL").each { row in
      parents[sqlite3_column_int64(row, 0)] = sqlite3_column_int64(row, 1)
    }
    // Each site's ancestors once (entries are by site), at most `maximumDepth` up: a cycle
    // a bad dataset made ends there rather than looping.
    var inside: [(ancestor: Int64, entry: Int32)] = []
    var ancestors: [Int64] = []
    var ancestorsOf: Int64?
    for (index, entry) in entries.enumerated() {
      if ancestorsOf != entry.site {
        ancestors.removeAll(keepingCapacity: true)
        var site = entry.site
        while let parent = parents[site], parent != entry.site,
          ancestors.count < Self.maximumDepth, !ancestors.contains(parent)
        {
          ancestors.append(parent)
          site = parent
        }
        ancestorsOf = entry.site
      }
      for ancestor in ancestors { inside.append((ancestor, Int32(index))) }
    }
    inside.sort { ($0.ancestor, $0.entry) < ($1.ancestor, $1.entry) }
    self.inside = inside
    var actors: [Int64: (id: String, name: String)] = [:]
    for row in try Row.fetchAll(
      db, sql: "SELECT rowid, id, name FROM actor WHERE rowid IN (SELECT actor FROM deployment)")
    {
      actors[row[0]] = (row[1], row[2])
    }
    self.actors = actors
  }

  /// The entries at `site` or any site inside it that count on `day`.
  func counting(atSite site: Int64, on day: Int32) -> [Entry] {
    var result: [Entry] = []
    var index = lowerBound(entries.count) { entries[$0].site < site }
    while index < entries.count, entries[index].site == site {
      if entries[index].counts(on: day) { result.append(entries[index]) }
      index += 1
    }
    index = lowerBound(inside.count) { inside[$0].ancestor < site }
    while index < inside.count, inside[index].ancestor == site {
      let entry = entries[Int(inside[index].entry)]
      if entry.counts(on: day) { result.append(entry) }
      index += 1
    }
    return result
  }

  /// The entries of `actor` that count on `day`.
  func counting(ofActor actor: Int64, on day: Int32) -> [Entry] {
    var result: [Entry] = []
    var index = lowerBound(byActor.count) { entries[Int(byActor[$0])].actor < actor }
    while index < byActor.count, entries[Int(byActor[index])].actor == actor {
      let entry = entries[Int(byActor[index])]
      if entry.counts(on: day) { result.append(entry) }
      index += 1
    }
    return result
  }

  /// The holders of `site` (or inside it) that count as of `day`, ordered as everywhere;
  /// the analysts' positions worked out in full on `db`.
  func holders(ofSite site: Int64, asOf day: Day, db: Database) throws -> [Holder] {
    let entries = counting(atSite: site, on: Int32(clamping: day.daysSinceEpoch))
    // Ties keep the order of rowids, as the holders' query gives them.
    return try resolved(entries, asOf: day, db: db).sorted { lhs, rhs in
      if lhs.rank < rhs.rank { return true }
      if rhs.rank < lhs.rank { return false }
      return lhs.rowid < rhs.rowid
    }
  }

  /// The holder that leads at `site` as of `day`, if it holds the site: the map's colour.
  ///
  /// The map asks this of thousands of sites a step: a site whose positions all read as
  /// recorded (inferred ones inside their period) and that has no sites inside it is
  /// answered from the entries in place, without building the whole ordered list.
  func leadingHolder(ofSite site: Int64, asOf day: Day, db: Database) throws -> Holder? {
    let today = Int32(clamping: day.daysSinceEpoch)
    var index = lowerBound(entries.count) { entries[$0].site < site }
    var best: Holder?
    var isSimple = true
    while index < entries.count, entries[index].site == site {
      let entry = entries[index]
      index += 1
      guard entry.counts(on: today) else { continue }
      guard entry.isAsRecorded(on: today) else {
        isSimple = false
        break
      }
      let holder = Holder(
        rowid: entry.rowid, actor: entry.actor, actorName: actors[entry.actor]?.name ?? "",
        role: entry.role, status: entry.status, isInferred: true,
        isRejected: entry.isRejected, grade: entry.grade)
      if let current = best {
        if holder.rank < current.rank
          || (!(current.rank < holder.rank) && holder.rowid < current.rowid)
        {
          best = holder
        }
      } else {
        best = holder
      }
    }
    let insideStart = lowerBound(inside.count) { inside[$0].ancestor < site }
    let hasInside = insideStart < inside.count && inside[insideStart].ancestor == site
    guard isSimple, !hasInside else {
      return try holders(ofSite: site, asOf: day, db: db).first.flatMap { $0.isHolding ? $0 : nil }
    }
    return best.flatMap { $0.isHolding ? $0 : nil }
  }

  /// `entries` with their state as of `day`: as recorded, or worked out by
  /// `DeploymentStates`.
  func resolved(_ entries: [Entry], asOf day: Day, db: Database) throws -> [Holder] {
    let today = Int32(clamping: day.daysSinceEpoch)
    var result: [Holder] = []
    var full: [Int64] = []
    for entry in entries {
      guard entry.isAsRecorded(on: today) else {
        full.append(entry.rowid)
        continue
      }
      result.append(
        Holder(
          rowid: entry.rowid, actor: entry.actor, actorName: actors[entry.actor]?.name ?? "",
          role: entry.role, status: entry.status, isInferred: true,
          isRejected: entry.isRejected, grade: entry.grade))
    }
    guard !full.isEmpty else { return result }
    for (rowid, state) in try DeploymentStates(db: db).rowStates(of: full, asOf: day) {
      result.append(
        Holder(
          rowid: rowid, actor: state.actorRowid, actorName: state.state.actorName,
          role: state.state.deployment.role, status: state.state.status,
          isInferred: state.state.deployment.isInferred,
          isRejected: state.state.deployment.analystStatus == .rejected, grade: state.state.grade))
    }
    return result
  }

  /// The first index in `0..<count` where `isBefore` is false (it must be monotone).
  private func lowerBound(_ count: Int, _ isBefore: (Int) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isBefore(middle) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
