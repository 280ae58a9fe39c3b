import MusterDomain
import Yams

/// Where things were found in the file, for problems the validator reports later.
struct SourcePositions {
  /// Where each record was defined (its `id` value), by record.
  var definitions: [RecordReference: [Mark?]] = [:]
  /// Every reference from one record to another, with where it was written.
  var references: [(target: RecordReference, mark: Mark?, from: String)] = []
  /// Where records' fields were written, by record and field name.
  var fields: [RecordReference: [String: Mark?]] = [:]
  /// Every explicit quoted-via path, with where it was written.
  var viaPaths: [(document: ID<Document>, via: [ID<Document>], mark: Mark?, from: String)] = []
}

/// Turns the YAML tree into records, one kind at a time.
struct RecordReader {
  var reader: NodeReader
  var positions = SourcePositions()

  static let topLevelFields = [
    "muster", "title", "description", "sources", "documents", "actors", "relations", "sites",
    "deployments", "events", "notes", "pins",
  ]

  mutating func dataset(_ root: Node) -> Dataset {
    guard
      let fields = reader.fields(
        root, of: "the dataset", allowed: Self.topLevelFields, required: ["muster"])
    else { return Dataset() }
    if let version = reader.integer(fields["muster"], "the format version 'muster'"),
      version != DatasetReader.formatVersion
    {
      reader.problem(
        fields["muster"],
        "format version \(version) is not supported; expected muster: \(DatasetReader.formatVersion)"
      )
    }
    var dataset = Dataset(
      title: reader.string(fields["title"], "title"),
      description: reader.string(fields["description"], "description"))
    dataset.sources = reader.list(fields["sources"], "sources").compactMap { source($0) }
    dataset.documents = reader.list(fields["documents"], "documents").compactMap { document($0) }
    dataset.actors = reader.list(fields["actors"], "actors").compactMap { actor($0) }
    dataset.relations = reader.list(fields["relations"], "relations").compactMap { relation($0) }
    dataset.sites = reader.list(fields["sites"], "sites").compactMap { site($0) }
    dataset.deployments = reader.list(fields["deployments"], "deployments").compactMap {
      deployment($0)
    }
    dataset.events = reader.list(fields["events"], "events").compactMap { event($0) }
    dataset.notes = reader.list(fields["notes"], "notes").compactMap { note($0) }
    dataset.pins = reader.list(fields["pins"], "pins").compactMap { pin($0) }
    return dataset
  }

  // MARK: Identifiers and references

  /// The record's own id, checked for its kind's prefix; remembered as a definition.
  mutating func identifier(_ node: Node?, _ kind: RecordKind, in what: String) -> String? {
    guard let text = reader.text(node, "\(what) id") else { return nil }
    guard Self.isWellFormed(text, kind: kind) else {
      reader.problem(
        node,
        "\(what) id '\(text)' is not valid; expected '\(kind.idPrefix)' followed by a name "
          + "without spaces, such as \(kind.idPrefix)example")
      return nil
    }
    positions.definitions[RecordReference(kind: kind, rawValue: text), default: []].append(
      node?.mark)
    return text
  }

  static func isWellFormed(_ text: String, kind: RecordKind) -> Bool {
    text.hasPrefix(kind.idPrefix) && text.count > kind.idPrefix.count
      && !text.unicodeScalars.contains {
        $0.properties.isWhitespace || $0.properties.generalCategory == .control
      }
  }

  /// A reference to another record of one of `kinds`; remembered for the validator.
  mutating func reference(
    _ node: Node?, _ kinds: [RecordKind], in what: String, from owner: String
  ) -> RecordReference? {
    guard let text = reader.text(node, what) else { return nil }
    guard let reference = RecordReference(text), kinds.contains(reference.kind),
      Self.isWellFormed(text, kind: reference.kind)
    else {
      let expected = kinds.map { "'\($0.idPrefix)…'" }.joined(separator: " or ")
      reader.problem(node, "\(what) '\(text)' is not a reference; expected \(expected)")
      return nil
    }
    positions.references.append((reference, node?.mark, owner))
    return reference
  }

  mutating func remember(_ record: RecordReference, _ fields: [String: Node]) {
    positions.fields[record] = fields.mapValues { $0.mark }
  }

  // MARK: Shared parts

  mutating func aliases(_ node: Node?, of owner: String) -> [Alias] {
    reader.list(node, "aliases").compactMap { item in
      if case .scalar = item {
        return reader.text(item, "an alias").map { Alias($0) }
      }
      guard
        let fields = reader.fields(
          item, of: "an alias of \(owner)",
          allowed: ["name", "language", "script", "dataset"], required: ["name"]),
        let name = reader.text(fields["name"], "alias name")
      else { return nil }
      return Alias(
        name, language: reader.string(fields["language"], "alias language"),
        script: reader.string(fields["script"], "alias script"),
        dataset: reader.choice(fields["dataset"], "alias dataset", EventDataset.self))
    }
  }

  mutating func citations(_ node: Node?, of owner: String) -> [Citation] {
    reader.list(node, "citations").compactMap { item in
      guard
        let fields = reader.fields(
          item, of: "a citation of \(owner)",
          allowed: ["document", "credibility", "quote", "locator", "via"],
          required: ["document", "credibility"]),
        let document = reference(
          fields["document"], [.document], in: "citation document", from: owner),
        let credibilityRank = reader.integer(
          fields["credibility"], "citation credibility", in: 1...6),
        let credibility = Credibility(rawValue: credibilityRank)
      else { return nil }
      let via = reader.list(fields["via"], "citation via").compactMap {
        reference($0, [.document], in: "citation via", from: owner)
      }
      if !via.isEmpty {
        positions.viaPaths.append(
          (ID(document.rawValue), via.map { ID($0.rawValue) }, fields["via"]?.mark, owner))
      }
      return Citation(
        document: ID(document.rawValue), credibility: credibility,
        quote: reader.string(fields["quote"], "citation quote"),
        locator: reader.string(fields["locator"], "citation locator"),
        via: via.map { ID($0.rawValue) })
    }
  }

  mutating func bound(_ node: Node?, _ what: String, allowed: [BoundKind]) -> PeriodBound? {
    guard let node, !NodeReader.isNull(node) else { return nil }
    if case .mapping = node,
      let fields = reader.fields(node, of: what, allowed: ["date", "bound"], required: ["date"])
    {
      guard let date = reader.date(fields["date"], "\(what) date") else { return nil }
      let kind = reader.choice(fields["bound"], "\(what) bound", BoundKind.self) ?? .known
      if !allowed.contains(kind) {
        reader.problem(
          fields["bound"],
          "\(what) bound '\(kind.rawValue)' does not fit here; expected "
            + allowed.map(\.rawValue).joined(separator: " or "))
      }
      return PeriodBound(date, kind)
    }
    if case .mapping = node { return nil }
    return reader.date(node, what).map { PeriodBound($0) }
  }

  mutating func period(_ fields: [String: Node], of owner: String) -> ClaimPeriod {
    let period = ClaimPeriod(
      start: bound(fields["start"], "start", allowed: [.known, .atLeastSince]),
      end: bound(fields["end"], "end", allowed: [.known, .lastSeen]))
    if let start = period.start, let end = period.end, end.date.last < start.date.first {
      reader.problem(
        fields["end"], "\(owner) ends (\(end.date)) before it starts (\(start.date))")
    }
    return period
  }

  mutating func estimate(_ node: Node?, _ what: String, allowUnit: Bool) -> (
    Estimate, StrengthUnit?
  )? {
    guard let node, !NodeReader.isNull(node) else { return nil }
    let allowed = ["low", "best", "high"] + (allowUnit ? ["unit"] : [])
    guard let fields = reader.fields(node, of: what, allowed: allowed) else { return nil }
    let estimate = Estimate(
      low: reader.integer(fields["low"], "\(what) low", in: 0...Int(Int32.max)),
      best: reader.integer(fields["best"], "\(what) best", in: 0...Int(Int32.max)),
      high: reader.integer(fields["high"], "\(what) high", in: 0...Int(Int32.max)))
    if !estimate.isConsistent {
      reader.problem(node, "\(what) is inconsistent; expected low ≤ best ≤ high")
    }
    if estimate.isEmpty {
      reader.problem(node, "\(what) gives no figure; expected low, best or high")
    }
    let unit = allowUnit ? reader.choice(fields["unit"], "strength unit", StrengthUnit.self) : nil
    return (estimate, unit)
  }

  mutating func strength(_ node: Node?, _ what: String) -> Strength? {
    estimate(node, what, allowUnit: true).map { Strength($0.0, unit: $0.1 ?? .personnel) }
  }
}
