/// A citation with everything needed to judge it: the document, its publisher, the grade,
/// and the chain of documents it quotes.
public struct CitedSource: Hashable, Sendable, Codable {
  /// The citation itself.
  public var citation: Citation
  /// The document cited.
  public var document: Document
  /// Its publisher.
  public var source: Source
  /// The source's reliability with this citation's credibility.
  public var grade: Grade
  /// The documents the cited one quotes, transitively, nearest first.
  public var chain: [ChainLink]

  /// A cited source from its fields.
  public init(
    citation: Citation, document: Document, source: Source, chain: [ChainLink] = []
  ) {
    self.citation = citation
    self.document = document
    self.source = source
    self.grade = Grade(source.reliability, citation.credibility)
    self.chain = chain
  }

  /// The original source: the far end of the quoted-via chain, or the document itself.
  public var origin: Source { chain.last?.source ?? source }
}

/// One step of a quoted-via chain: a document and its publisher.
public struct ChainLink: Hashable, Sendable, Codable {
  /// The document quoted.
  public var document: Document
  /// Its publisher.
  public var source: Source

  /// A link from its fields.
  public init(document: Document, source: Source) {
    self.document = document
    self.source = source
  }
}

extension Array where Element == CitedSource {
  /// The best grade among the citations: a claim's display grade.
  public var bestGrade: Grade? { map(\.grade).min() }
}
