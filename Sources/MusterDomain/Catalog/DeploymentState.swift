/// A deployment with its names resolved and its state as of one day.
public struct DeploymentState: Hashable, Sendable, Codable {
  /// The deployment claim.
  public var deployment: Deployment
  /// The actor's name.
  public var actorName: String
  /// The site's name.
  public var siteName: String
  /// Its status as of the day, after the effects of events up to then.
  public var status: DeploymentStatus
  /// Its strength as of the day, after the effects of events up to then.
  public var strength: Strength?
  /// The grade of its best citation.
  public var grade: Grade?
  /// Who took over from it, in a handover.
  public var successor: RecordLink?
  /// Whom it took over from, in a handover.
  public var predecessors: [RecordLink]

  /// A state from its fields.
  public init(
    deployment: Deployment, actorName: String, siteName: String, status: DeploymentStatus,
    strength: Strength?, grade: Grade?, successor: RecordLink? = nil,
    predecessors: [RecordLink] = []
  ) {
    self.deployment = deployment
    self.actorName = actorName
    self.siteName = siteName
    self.status = status
    self.strength = strength
    self.grade = grade
    self.successor = successor
    self.predecessors = predecessors
  }
}

extension Deployment {
  /// The status and strength as of `day`: the recorded ones, changed by every effect dated
  /// on or before it (by the earliest day each event's date may mean), in date order.
  public func state(
    asOf day: Day?, effects: [(date: FuzzyDate, change: DeploymentEffect.Change)]
  ) -> (status: DeploymentStatus, strength: Strength?) {
    var status = self.status
    var strength = self.strength
    let applicable = effects.filter { effect in day.map { effect.date.first <= $0 } ?? true }
      .sorted { $0.date.first < $1.date.first }
    for effect in applicable {
      switch effect.change {
      case .begins: break
      case .ends: status = .withdrawn
      case .status(let newStatus): status = newStatus
      case .strength(let newStrength): strength = newStrength
      }
    }
    return (status, strength)
  }
}
