/// The JSON shapes of the values with associated data, written out so that `--json` output
/// has no Swift enum artefacts (`{"_0": ...}`) and stays as `docs/json/` documents it.

extension TimelineEntryKind {
  /// `clash` (an event's kind), `deployment_start` or `deployment_end`.
  public var code: String {
    switch self {
    case .event(let kind): kind.rawValue
    case .deploymentStart: "deployment_start"
    case .deploymentEnd: "deployment_end"
    }
  }

  /// The kind its code names.
  public init?(code: String) {
    switch code {
    case "deployment_start": self = .deploymentStart
    case "deployment_end": self = .deploymentEnd
    default:
      guard let kind = EventKind(rawValue: code) else { return nil }
      self = .event(kind)
    }
  }

  /// Its code, as one string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(code)
  }

  /// From its code.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let code = try container.decode(String.self)
    guard let kind = Self(code: code) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "unknown timeline entry kind '\(code)'")
    }
    self = kind
  }
}

extension DeploymentEffect.Change {
  private enum CodingKeys: String, CodingKey {
    case type
    case status
    case strength
  }

  /// `{"type": "begins"}`, `{"type": "status", "status": "control"}` or
  /// `{"type": "strength", "strength": {...}}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .begins: try container.encode("begins", forKey: .type)
    case .ends: try container.encode("ends", forKey: .type)
    case .status(let status):
      try container.encode("status", forKey: .type)
      try container.encode(status, forKey: .status)
    case .strength(let strength):
      try container.encode("strength", forKey: .type)
      try container.encode(strength, forKey: .strength)
    }
  }

  /// From that shape.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(String.self, forKey: .type) {
    case "begins": self = .begins
    case "ends": self = .ends
    case "status": self = .status(try container.decode(DeploymentStatus.self, forKey: .status))
    case "strength": self = .strength(try container.decode(Strength.self, forKey: .strength))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container, debugDescription: "unknown change '\(other)'")
    }
  }
}

extension RecordDetail {
  private enum CodingKeys: String, CodingKey {
    case kind
  }

  /// The detail's own fields with `kind` beside them: `{"kind": "event", "event": {...},
  /// "citations": [...], ...}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(record.kind.rawValue, forKey: .kind)
    switch self {
    case .actor(let detail): try detail.encode(to: encoder)
    case .site(let detail): try detail.encode(to: encoder)
    case .deployment(let detail): try detail.encode(to: encoder)
    case .event(let detail): try detail.encode(to: encoder)
    case .relation(let detail): try detail.encode(to: encoder)
    case .source(let detail): try detail.encode(to: encoder)
    case .document(let detail): try detail.encode(to: encoder)
    case .note(let detail): try detail.encode(to: encoder)
    }
  }

  /// From that shape.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let kind = try container.decode(String.self, forKey: .kind)
    switch RecordKind(rawValue: kind) {
    case .actor: self = .actor(try ActorDetail(from: decoder))
    case .site: self = .site(try SiteDetail(from: decoder))
    case .deployment: self = .deployment(try DeploymentDetail(from: decoder))
    case .event: self = .event(try EventDetail(from: decoder))
    case .relation: self = .relation(try RelationDetail(from: decoder))
    case .source: self = .source(try SourceDetail(from: decoder))
    case .document: self = .document(try DocumentDetail(from: decoder))
    case .note: self = .note(try NoteDetail(from: decoder))
    case nil:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: container, debugDescription: "unknown record kind '\(kind)'")
    }
  }
}
