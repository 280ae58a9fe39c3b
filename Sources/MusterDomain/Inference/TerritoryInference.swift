/// What an ACLED territory event says about who holds its place.
public enum TerritoryChange: String, CaseIterable, Hashable, Sendable {
  /// *Non-state actor overtakes territory*: `actor1` takes control.
  case takeover
  /// *Government regains territory*: `actor1` takes control back.
  case regain
  /// *Non-violent transfer of territory*: `actor1` is handed control.
  case transfer
  /// *Headquarters or base established*: `actor1` has a headquarters there.
  case base

  /// The change an ACLED sub-event type names, or `nil` for every other type.
  public init?(subEventType: String) {
    // Cheap refusals first: an import asks this of every event.
    guard (28...35).contains(subEventType.utf8.count) else { return nil }
    switch subEventType.lowercased() {
    case "non-state actor overtakes territory": self = .takeover
    case "government regains territory": self = .regain
    case "non-violent transfer of territory": self = .transfer
    case "headquarters or base established": self = .base
    default: return nil
    }
  }

  /// The change an event's classification (ACLED's disorder, event and sub-event types)
  /// names, if any.
  public init?(classification: [String]) {
    guard let change = classification.lazy.compactMap(TerritoryChange.init(subEventType:)).first
    else { return nil }
    self = change
  }

  /// Place precision codes that say too little about where an event was for it to claim
  /// the place or put its actors there: ACLED's 3 (somewhere in a larger area), and UCDP's
  /// `where_prec` 3 to 7 (a district, a province, a country or a region).
  public static let impreciseCodes = ["acled:3"] + (3...7).map { "ucdp:\($0)" }

  /// Whether an event placed with this precision code is too imprecise to claim its place.
  public static func isTooImprecise(_ code: String?) -> Bool {
    code.map(impreciseCodes.contains) ?? false
  }

  /// Whether the event gives control of the place to its first actor.
  public var givesControl: Bool { self != .base }

  /// ACLED's name for it.
  public var acledName: String {
    switch self {
    case .takeover: "Non-state actor overtakes territory"
    case .regain: "Government regains territory"
    case .transfer: "Non-violent transfer of territory"
    case .base: "Headquarters or base established"
    }
  }
}

/// One territory event at a site, as the inference reads it.
public struct TerritoryEvent: Hashable, Sendable {
  /// The event's key in the store (its rowid).
  public var key: Int64
  /// The day it happened (the first day its date may mean).
  public var day: Day
  /// What it says.
  public var change: TerritoryChange
  /// Its `actor1`: who gains.
  public var actor: Int64
  /// Its `assoc_actor_1`s: who were there with the gainer.
  public var associates: [Int64]

  /// An event from its fields.
  public init(key: Int64, day: Day, change: TerritoryChange, actor: Int64, associates: [Int64]) {
    self.key = key
    self.day = day
    self.change = change
    self.actor = actor
    self.associates = associates
  }
}

/// A position worked out from territory events: who held the site in what role, from
/// which event, until which event.
public struct InferredPosition: Hashable, Sendable {
  /// Who.
  public var actor: Int64
  /// Control, headquarters, or presence (an associate of the actor taking control).
  public var role: DeploymentRole
  /// The day it began.
  public var start: Day
  /// The event that began it.
  public var startEvent: Int64
  /// The day it ended, when an event ended it.
  public var end: Day?
  /// The event that ended it.
  public var endEvent: Int64?
  /// Whether it ended by a handover (a non-violent transfer) rather than by force.
  public var handedOver: Bool
  /// The position that took over from it in a handover (an index into the result).
  public var successor: Int?
  /// Whether another actor was said to take control the same day: both stay, marked so.
  public var contested: Bool

  /// A position from its fields.
  public init(
    actor: Int64, role: DeploymentRole, start: Day, startEvent: Int64, end: Day? = nil,
    endEvent: Int64? = nil, handedOver: Bool = false, successor: Int? = nil,
    contested: Bool = false
  ) {
    self.actor = actor
    self.role = role
    self.start = start
    self.startEvent = startEvent
    self.end = end
    self.endEvent = endEvent
    self.handedOver = handedOver
    self.successor = successor
    self.contested = contested
  }
}

/// Who held a site, worked out from its territory events (rules in docs/inference.md).
///
/// Control passes to the first actor of each takeover, regain or transfer, and lasts until
/// a later one gives it to someone else; whoever held it then loses it that day (handed
/// over, with a successor, in a transfer). The associated actors of the gainer are present
/// while the gainer holds it. A base event gives its actor a headquarters, which it keeps
/// until it loses control of the site. Two actors said to take control the same day both
/// hold it from then, each marked contested: the data disagree and nothing here decides.
public enum TerritoryInference {
  /// The positions `events` imply, in the order they began.
  public static func positions(_ events: [TerritoryEvent]) -> [InferredPosition] {
    var result: [InferredPosition] = []
    /// Open positions by index; presence entries remember whose associate they are.
    var open: [Int] = []
    var allyOf: [Int: Int64] = [:]
    let sorted = events.sorted { ($0.day, $0.key) < ($1.day, $1.key) }
    var index = sorted.startIndex
    while index < sorted.endIndex {
      let day = sorted[index].day
      var end = index
      while end < sorted.endIndex, sorted[end].day == day { end += 1 }
      let group = sorted[index..<end]
      index = end

      let gains = group.filter(\.change.givesControl)
      var gainers: [Int64] = []
      for event in gains where !gainers.contains(event.actor) { gainers.append(event.actor) }
      if let first = gains.first {
        // Whoever held it and is not among the gainers loses it today.
        let holders = Set(gainers)
        var successorOf: [Int] = []
        open.removeAll { position in
          let entry = result[position]
          let losesControl = entry.role == .control && !holders.contains(entry.actor)
          let losesBase = entry.role == .headquarters && !holders.contains(entry.actor)
          let allyLoses = entry.role == .presence && !holders.contains(allyOf[position] ?? -1)
          guard losesControl || losesBase || allyLoses else { return false }
          result[position].end = day
          result[position].endEvent = first.key
          if first.change == .transfer, entry.role == .control {
            result[position].handedOver = true
            successorOf.append(position)
          }
          return true
        }
        var newControl: [Int64: Int] = [:]
        for event in gains {
          let holding = open.contains {
            result[$0].role == .control && result[$0].actor == event.actor
          }
          if !holding, newControl[event.actor] == nil {
            result.append(
              InferredPosition(
                actor: event.actor, role: .control, start: day, startEvent: event.key,
                contested: gainers.count > 1))
            newControl[event.actor] = result.count - 1
            open.append(result.count - 1)
          }
          for associate in event.associates where associate != event.actor {
            let present = open.contains { result[$0].actor == associate }
            guard !present else { continue }
            result.append(
              InferredPosition(actor: associate, role: .presence, start: day, startEvent: event.key)
            )
            allyOf[result.count - 1] = event.actor
            open.append(result.count - 1)
          }
        }
        if let successor = newControl[first.actor] {
          for position in successorOf { result[position].successor = successor }
        }
      }
      for event in group where event.change == .base {
        let hasBase = open.contains {
          result[$0].role == .headquarters && result[$0].actor == event.actor
        }
        guard !hasBase else { continue }
        result.append(
          InferredPosition(
            actor: event.actor, role: .headquarters, start: day, startEvent: event.key))
        open.append(result.count - 1)
      }
    }
    return result
  }
}
