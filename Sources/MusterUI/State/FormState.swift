import MusterDomain

/// A form being filled in: the one widget behind every analyst's change from the browser
/// (a new claim on the record in view, ending or judging a claim).
///
/// Fields take text through their own `LineEditor`; a choice field cycles its options; a
/// record field completes what is typed with the search's own matching (any spelling,
/// Arabic script) into a pick list. Each field is checked on its own when it is left and
/// all of them on Enter, the error shown beside the field; nothing is written until every
/// field is right, and Esc writes nothing.
public struct FormState: Equatable, Sendable {
  /// What saving the form does.
  public enum Purpose: Equatable, Sendable {
    /// A new claim on the actor or site in view (`c`).
    case newClaim(on: RecordReference)
    /// Ends the claim in view on a date (`E`).
    case endClaim(ID<Deployment>, basedOn: Int64?)
    /// Changes how credible one of its documents makes the claim in view (`R`); the
    /// documents are offered by id.
    case regradeClaim(ID<Deployment>, basedOn: Int64?)
    /// Adds a document that makes the claim in view (`C`).
    case citeClaim(ID<Deployment>, basedOn: Int64?)
    /// Hands the claim in view over to another actor (`H`): same site, same role.
    case handOver(ID<Deployment>, site: ID<Site>, role: DeploymentRole, basedOn: Int64?)
    /// Sets how the analysts judge the claim in view (`J`).
    case judgeClaim(ID<Deployment>, basedOn: Int64?)
  }

  /// One field.
  public struct Field: Equatable, Sendable {
    /// What the field takes.
    public enum Kind: Equatable, Sendable {
      /// Free text (`optional`: may stay empty).
      case text(optional: Bool)
      /// A date as analysts write it (`2020-12-17`, `late 2020`).
      case date(optional: Bool)
      /// One of a few words, cycled with Left and Right.
      case choice([String])
      /// A record of a kind, chosen from what its spellings match (`optional`: may stay
      /// empty).
      case record(RecordKind, optional: Bool)
    }

    /// Its name, such as "Actor".
    public var label: String
    /// What it takes.
    public var kind: Kind
    /// The text typed (for a choice, the option shown).
    public var editor = LineEditor(limit: 200)
    /// Why its value will not do, when it will not.
    public var error: String?
    /// The record chosen, for a record field.
    public var chosen: RecordLink?
    /// The records the text matches, best first, for a record field.
    public var completions: [SearchHit] = []
    /// The completion Tab or Enter would take.
    public var completionIndex = 0

    /// A field from its label and kind, with text in it to start with.
    public init(_ label: String, _ kind: Kind, text: String = "") {
      self.label = label
      self.kind = kind
      editor.insert(text)
    }

    /// The text as typed, trimmed.
    public var value: String { editor.text.trimmingASCIIWhitespace() }
  }

  /// What saving does.
  public var purpose: Purpose
  /// The form's title, such as "New claim on al-Heri".
  public var title: String
  /// Its fields, in order.
  public var fields: [Field]
  /// The field that has the keyboard.
  public var focused = 0
  /// Counts the completion searches asked for, so an answer to an older one is ignored.
  public var generation = 0
  /// Why the store refused the last save, when it did.
  public var refusal: String?
  /// Whether a save is under way.
  public var isSaving = false

  /// A form from its parts.
  public init(purpose: Purpose, title: String, fields: [Field]) {
    self.purpose = purpose
    self.title = title
    self.fields = fields
  }

  /// The field with the keyboard.
  public var current: Field {
    get { fields[focused] }
    set { fields[focused] = newValue }
  }

  /// The index of the field labelled `label`.
  public func index(of label: String) -> Int? {
    fields.firstIndex { $0.label == label }
  }

  /// The value of the field labelled `label`, trimmed; empty when there is none.
  public func value(_ label: String) -> String {
    index(of: label).map { fields[$0].value } ?? ""
  }

  /// The record chosen in the field labelled `label`.
  public func chosen(_ label: String) -> RecordLink? {
    index(of: label).flatMap { fields[$0].chosen }
  }

  // MARK: Checking

  /// Checks one field, setting or clearing its error; whether it will do.
  @discardableResult
  public mutating func check(_ index: Int) -> Bool {
    var field = fields[index]
    field.error = Self.problem(with: field)
    fields[index] = field
    return field.error == nil
  }

  /// Checks every field; the first that will not do gets the keyboard.
  public mutating func checkAll() -> Bool {
    var firstBad: Int?
    for index in fields.indices where !check(index) {
      firstBad = firstBad ?? index
    }
    if firstBad == nil, !checkEvidence() {
      firstBad = fields.firstIndex { $0.error != nil }
    }
    if let firstBad { focused = firstBad }
    return firstBad == nil
  }

  /// What is wrong with a field's value, or `nil`.
  static func problem(with field: Field) -> String? {
    let text = field.value
    switch field.kind {
    case .text(let optional):
      return text.isEmpty && !optional ? "required" : nil
    case .date(let optional):
      if text.isEmpty { return optional ? nil : "required: 2020-12-17, 2020-12, late 2020" }
      do {
        _ = try FuzzyDate(parsingAnalystDate: text)
        return nil
      } catch {
        return "not a date: 2020-12-17, 2020-12, 2020, late 2020"
      }
    case .choice(let options):
      return options.contains(text) ? nil : "one of " + options.joined(separator: ", ")
    case .record(let kind, let optional):
      if field.chosen != nil || (optional && text.isEmpty) { return nil }
      return text.isEmpty
        ? "required: type a name" : "no \(kind.rawValue) picked: pick one from the list"
    }
  }
}

extension FormState {
  /// The options of the role field.
  static let roles = DeploymentRole.allCases.map(\.rawValue)
  /// The options of the status field.
  static let statuses = DeploymentStatus.allCases.map(\.rawValue)
  /// Credibility, 1 to 6.
  static let credibilities = Credibility.allCases.map { "\($0.rawValue)" }

  /// `c` on an actor or a site: the other side, role, status, dates and the evidence.
  static func newClaim(on record: RecordReference, title: String) -> FormState {
    let other: Field =
      record.kind == .actor
      ? Field("Site", .record(.site, optional: false))
      : Field("Actor", .record(.actor, optional: false))
    return FormState(
      purpose: .newClaim(on: record),
      title: "New claim on \(title)",
      fields: [
        other,
        Field("Role", .choice(roles), text: DeploymentRole.presence.rawValue),
        Field("Status", .choice(statuses), text: DeploymentStatus.present.rawValue),
        Field("Start", .date(optional: false)),
        Field("End", .date(optional: true)),
      ] + evidenceFields)
  }

  /// The document behind a claim: one picked, or a new one (its title, source, URL and
  /// date); how credible it makes the claim; its words.
  static let evidenceFields = [
    Field("Document", .record(.document, optional: true)),
    Field("New title", .text(optional: true)),
    Field("Source", .record(.source, optional: true)),
    Field("URL", .text(optional: true)),
    Field("Published", .date(optional: true)),
    Field("Credibility", .choice(credibilities), text: "3"),
    Field("Quote", .text(optional: true)),
  ]

  /// The checks between fields: a document picked, or a new one's title and source, not
  /// both; the error beside the field to change.
  mutating func checkEvidence() -> Bool {
    guard let document = index(of: "Document"), let title = index(of: "New title"),
      let source = index(of: "Source")
    else { return true }
    let picked = fields[document].chosen != nil
    let titled = !fields[title].value.isEmpty
    if !picked && !titled {
      fields[document].error = "pick a document, or give a new one's title and source"
      return false
    }
    if picked && titled {
      fields[title].error = "a new document or the one picked: not both"
      return false
    }
    if titled && fields[source].chosen == nil {
      fields[source].error = "the new document's source: pick one"
      return false
    }
    return true
  }

  /// `E` on a claim: the day it ends.
  static func endClaim(_ id: ID<Deployment>, title: String, basedOn: Int64?) -> FormState {
    FormState(
      purpose: .endClaim(id, basedOn: basedOn), title: "End \(title)",
      fields: [Field("End", .date(optional: false))])
  }

  /// `R` on a claim: one of its documents, and how credible it makes the claim.
  static func regradeClaim(
    _ id: ID<Deployment>, title: String, citations: [Citation], basedOn: Int64?
  ) -> FormState {
    let documents = citations.map(\.document.rawValue)
    return FormState(
      purpose: .regradeClaim(id, basedOn: basedOn), title: "Grade \(title)",
      fields: [
        Field("Document", .choice(documents), text: documents.first ?? ""),
        Field(
          "Credibility", .choice(credibilities),
          text: citations.first.map { "\($0.credibility.rawValue)" } ?? "3"),
      ])
  }

  /// `C` on a claim: another document that makes it.
  static func citeClaim(_ id: ID<Deployment>, title: String, basedOn: Int64?) -> FormState {
    FormState(
      purpose: .citeClaim(id, basedOn: basedOn), title: "Cite for \(title)",
      fields: evidenceFields)
  }

  /// `H` on a claim: who takes over, when, and the document that says so.
  static func handOver(
    _ deployment: Deployment, title: String, basedOn: Int64?
  ) -> FormState {
    FormState(
      purpose: .handOver(
        deployment.id, site: deployment.site, role: deployment.role, basedOn: basedOn),
      title: "Hand over \(title)",
      fields: [
        Field("To", .record(.actor, optional: false)),
        Field("On", .date(optional: false)),
        Field("Status", .choice(statuses), text: DeploymentStatus.present.rawValue),
      ] + evidenceFields)
  }

  /// `J` on a claim: accepted, contested, rejected or unverified (an inferred one:
  /// accepted, rejected or inferred).
  static func judgeClaim(
    _ id: ID<Deployment>, title: String, current: AnalystStatus, isInferred: Bool,
    basedOn: Int64?
  ) -> FormState {
    let options: [AnalystStatus] =
      isInferred
      ? [.accepted, .rejected, .inferred] : [.accepted, .contested, .rejected, .unverified]
    return FormState(
      purpose: .judgeClaim(id, basedOn: basedOn), title: "Judge \(title)",
      fields: [
        Field(
          "Status", .choice(options.map(\.rawValue)),
          text: options.contains(current) ? current.rawValue : options[0].rawValue)
      ])
  }
}
