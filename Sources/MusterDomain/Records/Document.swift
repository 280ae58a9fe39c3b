/// One report, article, statement or interview, and the documents it quotes.
///
/// The quoted-via chain matters: a claim seen in three outlets that all quote one source is
/// still one source.
public struct Document: Hashable, Sendable, Codable {
  /// Its slug, such as `document:israeldefense-47488`.
  public var id: ID<Document>
  /// Who published it.
  public var source: ID<Source>
  /// Its title, or a description of it when it has none.
  public var title: String
  /// Where it can be read.
  public var url: String?
  /// When it was published.
  public var published: FuzzyDate?
  /// The documents it quotes or relies on, nearest first.
  public var cites: [ID<Document>]
  /// Anything else an analyst should know about it.
  public var note: String?

  /// A document from its fields.
  public init(
    id: ID<Document>, source: ID<Source>, title: String, url: String? = nil,
    published: FuzzyDate? = nil, cites: [ID<Document>] = [], note: String? = nil
  ) {
    self.id = id
    self.source = source
    self.title = title
    self.url = url
    self.published = published
    self.cites = cites
    self.note = note
  }
}
