/// A claim in a list of claims: what is claimed, when, how well sourced, by whom.
public struct Claim: Hashable, Sendable, Codable {
  /// The claim's record: a deployment, an event or a relation.
  public var record: RecordReference
  /// What it claims, in a line.
  public var title: String
  /// When, if dated.
  public var date: FuzzyDate?
  /// How an analyst judges it.
  public var analystStatus: AnalystStatus
  /// The documents that make it, with grades and chains.
  public var citations: [CitedSource]

  /// A claim from its fields.
  public init(
    record: RecordReference, title: String, date: FuzzyDate?, analystStatus: AnalystStatus,
    citations: [CitedSource]
  ) {
    self.record = record
    self.title = title
    self.date = date
    self.analystStatus = analystStatus
    self.citations = citations
  }

  /// The grade of the best citation.
  public var grade: Grade? { citations.bestGrade }
}
