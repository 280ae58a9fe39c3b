import ArgumentParser
import MusterDomain

/// The document behind a claim and how credible it makes it: an existing document, or a
/// new one (title, URL, date) from an existing or new source.
struct EvidenceOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The document that makes the claim.", valueName: "document-id"))
  var document: String?

  @Option(help: "A new document's title (instead of --document).")
  var title: String?

  @Option(help: "A new document's URL.")
  var url: String?

  @Option(help: ArgumentHelp("A new document's date.", valueName: "date"))
  var published: DateArgument?

  @Option(help: ArgumentHelp("A new document's source.", valueName: "source-id"))
  var source: String?

  @Option(help: ArgumentHelp("A new source's name (instead of --source).", valueName: "name"))
  var newSource: String?

  @Option(help: ArgumentHelp("A new source's reliability, A to F.", valueName: "letter"))
  var reliability: ReliabilityArgument?

  @Option(help: ArgumentHelp("A new source's kind.", valueName: "kind"))
  var sourceKind: SourceKind = .news

  @Option(
    help: ArgumentHelp(
      "How credible the document makes the claim, 1 (confirmed) to 6 (cannot be judged).",
      valueName: "1-6"))
  var credibility: Credibility?

  @Option(help: "The document's own words.")
  var quote: String?

  /// Whether any of these options was given.
  var isGiven: Bool {
    document != nil || title != nil || url != nil || published != nil || source != nil
      || newSource != nil || reliability != nil || credibility != nil || quote != nil
  }

  /// Throws unless some evidence was given: `what` says what it is for.
  func require(for what: String) throws {
    guard isGiven else {
      throw ValidationError("--document or --title, and --credibility: \(what)")
    }
  }

  func validate() throws {
    guard isGiven else { return }
    switch (document, title) {
    case (nil, nil):
      throw ValidationError("--document or --title: which document makes the claim")
    case (.some, .some):
      throw ValidationError("--document and --title: cite one document, existing or new")
    case (.some, nil):
      for (flag, given) in [
        ("--url", url != nil), ("--published", published != nil), ("--source", source != nil),
        ("--new-source", newSource != nil), ("--reliability", reliability != nil),
      ] where given {
        throw ValidationError("\(flag) describes a new document; --document names one that exists")
      }
    case (nil, .some(let title)):
      guard !title.trimmingASCIIWhitespace().isEmpty else {
        throw ValidationError("--title must not be empty")
      }
      switch (source, newSource) {
      case (nil, nil):
        throw ValidationError("--source or --new-source: whose document it is")
      case (.some, .some):
        throw ValidationError("--source and --new-source: give one source")
      case (.some(let id), nil):
        guard RecordReference(id)?.kind == .source else {
          throw ValidationError("--source: '\(id)' is not a source id, such as source:sohr")
        }
        if reliability != nil {
          throw ValidationError("--reliability is for a new source; \(id) has its own")
        }
      case (nil, .some(let name)):
        guard !name.trimmingASCIIWhitespace().isEmpty else {
          throw ValidationError("--new-source must not be empty")
        }
        guard reliability != nil else {
          throw ValidationError("--reliability: how reliable the new source is, A to F")
        }
      }
    }
    if let document, RecordReference(document)?.kind != .document {
      throw ValidationError("--document: '\(document)' is not a document id, such as document:x")
    }
    guard credibility != nil else {
      throw ValidationError("--credibility: how credible the document makes the claim, 1 to 6")
    }
  }

  /// The citation, and the source and document to create for it; `at` names new ones.
  func citation(at time: Int) throws -> (Citation, NewEvidence) {
    guard let credibility else {
      throw ValidationError("--credibility: how credible the document makes the claim, 1 to 6")
    }
    var evidence = NewEvidence()
    let documentID: ID<Document>
    if let document {
      documentID = ID(document)
    } else {
      var sourceID = ID<Source>(source ?? "")
      if let name = newSource?.trimmingASCIIWhitespace(), let reliability {
        sourceID = ID("source:" + Slug.of(name))
        evidence.source = Source(
          id: sourceID, name: name, kind: sourceKind, reliability: reliability.reliability)
      }
      let title = (title ?? "").trimmingASCIIWhitespace()
      documentID = Document.madeID(
        source: sourceID, title: title,
        day: published?.date.description ?? String(Timestamp.format(time).prefix(10)))
      evidence.document = Document(
        id: documentID, source: sourceID, title: title, url: url, published: published?.date)
    }
    return (Citation(document: documentID, credibility: credibility, quote: quote), evidence)
  }
}

/// A reliability letter, A to F, in either case.
struct ReliabilityArgument: ExpressibleByArgument {
  let reliability: Reliability

  init?(argument: String) {
    guard let reliability = Reliability(rawValue: argument.uppercased()) else { return nil }
    self.reliability = reliability
  }

  static var allValueStrings: [String] { Reliability.allCases.map(\.rawValue) }
}

extension Credibility: ExpressibleByArgument {}
extension DeploymentRole: ExpressibleByArgument {}
extension DeploymentStatus: ExpressibleByArgument {}
extension AnalystStatus: ExpressibleByArgument {}
extension SourceKind: ExpressibleByArgument {}
