/// The link from a claim to a document that makes it, with how credible the claim is there.
public struct Citation: Hashable, Sendable, Codable {
  /// The document that makes the claim.
  public var document: ID<Document>
  /// How credible the claim is, as this document makes it (Admiralty 1–6).
  public var credibility: Credibility
  /// The document's own words, when they matter.
  public var quote: String?
  /// Where in the document: a page, paragraph or timestamp.
  public var locator: String?
  /// The documents the claim reached this one through, nearest first, when the document
  /// quotes several and it matters which; empty means "follow `cites` while it is one".
  public var via: [ID<Document>]

  /// A citation from its fields.
  public init(
    document: ID<Document>, credibility: Credibility, quote: String? = nil,
    locator: String? = nil, via: [ID<Document>] = []
  ) {
    self.document = document
    self.credibility = credibility
    self.quote = quote
    self.locator = locator
    self.via = via
  }
}

/// How an analyst judges a claim after weighing its sources.
public enum AnalystStatus: String, CaseIterable, Hashable, Sendable, Codable {
  case accepted
  case contested
  case rejected
  case unverified
  /// Worked out by Muster from field data (territory events), not claimed by anyone: see
  /// `TerritoryInference` and docs/inference.md.
  case inferred
}
