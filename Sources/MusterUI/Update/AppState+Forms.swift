import MusterDomain

extension AppState {
  /// The form being filled in, if one is open.
  public var form: FormState? {
    if case .form(let form) = input { return form }
    return nil
  }

  /// The last history entry of the claim the detail shows: what a change to it is based
  /// on (0 when it has none yet), or `nil` when the detail shows another record.
  func basedOn(_ record: RecordReference) -> Int64? {
    guard detail.record == record, let loaded = detail.loaded, loaded.record == record else {
      return nil
    }
    if case .deployment(let shown) = loaded { return shown.history.first?.sequence ?? 0 }
    return nil
  }

  /// `c`: a new claim on the actor or site in view.
  mutating func startClaimForm() -> [Effect] {
    // The kiosk keymap has no `c`; this guard is the backstop.
    guard mode == .interactive else { return [] }
    guard let (record, title) = recordInView, [.actor, .site].contains(record.kind) else {
      message = "c: select an actor or a site to make a claim about"
      return []
    }
    input = .form(.newClaim(on: record, title: title))
    return []
  }

  /// `E`: the claim in view ends on a date.
  mutating func startEndClaimForm() -> [Effect] {
    guard mode == .interactive else { return [] }
    guard let (record, title) = recordInView, record.kind == .deployment else {
      message = "E: select a claim (a deployment) to end"
      return []
    }
    input = .form(.endClaim(ID(record.rawValue), title: title, basedOn: basedOn(record)))
    return []
  }

  /// `R`: how credible one of its documents makes the claim in view.
  mutating func startRegradeForm() -> [Effect] {
    guard mode == .interactive else { return [] }
    guard let (record, title) = recordInView, record.kind == .deployment,
      case .deployment(let shown)? = detail.loaded,
      shown.state.deployment.id.rawValue == record.rawValue,
      !shown.state.deployment.citations.isEmpty
    else {
      message = "R: open a claim (a deployment) with citations in the detail to grade it"
      return []
    }
    input = .form(
      .regradeClaim(
        shown.state.deployment.id, title: title, citations: shown.state.deployment.citations,
        basedOn: basedOn(record)))
    return []
  }

  /// `C`: another document that makes the claim in view.
  mutating func startCiteForm() -> [Effect] {
    guard mode == .interactive else { return [] }
    guard let (record, title) = recordInView, record.kind == .deployment else {
      message = "C: select a claim (a deployment) to cite a document for"
      return []
    }
    input = .form(.citeClaim(ID(record.rawValue), title: title, basedOn: basedOn(record)))
    return []
  }

  /// `H`: the claim in view handed over to another actor.
  mutating func startHandOverForm() -> [Effect] {
    guard mode == .interactive else { return [] }
    guard let (record, title) = recordInView, record.kind == .deployment,
      case .deployment(let shown)? = detail.loaded,
      shown.state.deployment.id.rawValue == record.rawValue
    else {
      message = "H: open a claim (a deployment) in the detail to hand it over"
      return []
    }
    input = .form(.handOver(shown.state.deployment, title: title, basedOn: basedOn(record)))
    return []
  }

  /// `J`: how the analysts judge the claim in view.
  mutating func startJudgeClaimForm() -> [Effect] {
    guard mode == .interactive else { return [] }
    guard let (record, title) = recordInView, record.kind == .deployment,
      case .deployment(let shown)? = detail.loaded,
      shown.state.deployment.id.rawValue == record.rawValue
    else {
      message = "J: open a claim (a deployment) in the detail to judge it"
      return []
    }
    let deployment = shown.state.deployment
    input = .form(
      .judgeClaim(
        deployment.id, title: title, current: deployment.analystStatus,
        isInferred: deployment.isInferred, basedOn: basedOn(record)))
    return []
  }

  /// Text typed into the field with the keyboard; a record field asks for completions.
  mutating func typeInForm(_ text: String) -> [Effect] {
    guard var form else { return [] }
    var field = form.current
    if case .choice = field.kind { return [] }
    field.editor.insert(text)
    form.current = field
    return completeCurrent(&form)
  }

  /// A cursor movement or deletion in the field; Left and Right cycle a choice.
  mutating func editForm(_ edit: LineEditor.Edit) -> [Effect] {
    guard var form else { return [] }
    var field = form.current
    if case .choice(let options) = field.kind {
      guard !options.isEmpty, edit == .left || edit == .right else { return [] }
      let index = options.firstIndex(of: field.value) ?? 0
      let next = (index + (edit == .right ? 1 : -1) + options.count) % options.count
      field.editor = LineEditor(limit: 200)
      field.editor.insert(options[next])
      form.current = field
      input = .form(form)
      return []
    }
    field.editor.apply(edit)
    form.current = field
    guard edit == .deleteBackward || edit == .deleteForward else {
      input = .form(form)
      return []
    }
    return completeCurrent(&form)
  }

  /// After the text of a record field changed: the pick is gone, and its completions are
  /// asked for again.
  private mutating func completeCurrent(_ form: inout FormState) -> [Effect] {
    var field = form.current
    guard case .record(let kind, _) = field.kind else {
      form.current.error = nil
      input = .form(form)
      return []
    }
    field.chosen = nil
    field.error = nil
    field.completionIndex = 0
    form.generation += 1
    if field.value.isEmpty { field.completions = [] }
    form.current = field
    input = .form(form)
    guard !field.value.isEmpty else { return [] }
    return [
      .completeRecord(
        text: field.value, kind: kind, field: form.focused, generation: form.generation)
    ]
  }

  /// The records a record field's text matches arrived.
  mutating func completionsArrived(field index: Int, generation: Int, _ hits: [SearchHit])
    -> [Effect]
  {
    guard var form, form.generation == generation, form.fields.indices.contains(index) else {
      return []
    }
    form.fields[index].completions = hits
    form.fields[index].completionIndex = 0
    input = .form(form)
    return []
  }

  /// Tab and Shift-Tab: leaves the field (taking its completion, checking it) for another.
  mutating func moveField(by step: Int) -> [Effect] {
    guard var form, !form.fields.isEmpty else { return [] }
    Self.takeCompletion(&form)
    form.check(form.focused)
    form.focused = (form.focused + step + form.fields.count) % form.fields.count
    input = .form(form)
    return []
  }

  /// Up and Down: through the completions when they show, else the fields.
  mutating func moveInForm(by step: Int) -> [Effect] {
    guard var form else { return [] }
    let field = form.current
    guard case .record = field.kind, field.chosen == nil, !field.completions.isEmpty else {
      return moveField(by: step)
    }
    form.current.completionIndex = min(
      max(0, field.completionIndex + step), field.completions.count - 1)
    input = .form(form)
    return []
  }

  /// A record field's picked completion becomes its value.
  private static func takeCompletion(_ form: inout FormState) {
    var field = form.current
    guard case .record = field.kind, field.chosen == nil,
      field.completions.indices.contains(field.completionIndex)
    else { return }
    let hit = field.completions[field.completionIndex]
    field.chosen = RecordLink(hit.record, hit.title)
    field.editor = LineEditor(limit: 200)
    field.editor.insert(hit.title)
    field.completions = []
    field.error = nil
    form.current = field
  }

  /// Enter: every field checked; the change asked for when they are all right.
  mutating func submitForm() -> [Effect] {
    guard var form, !form.isSaving else { return [] }
    Self.takeCompletion(&form)
    form.refusal = nil
    guard form.checkAll() else {
      input = .form(form)
      return []
    }
    guard mode == .interactive, let (edit, basedOn) = Self.edit(of: form) else {
      input = .form(form)
      return []
    }
    form.isSaving = true
    input = .form(form)
    return [.applyClaimEdit(edit, basedOn: basedOn)]
  }

  /// The citation a checked form's evidence fields give, with the document to create when
  /// it is new (named from its source, its date, or `day`, and its title).
  static func citation(of form: FormState, day: String) -> (Citation, NewEvidence)? {
    guard let credibility = Int(form.value("Credibility")).flatMap(Credibility.init(rawValue:))
    else { return nil }
    let quote = form.value("Quote")
    var evidence = NewEvidence()
    let document: ID<Document>
    if let picked = form.chosen("Document")?.record {
      document = ID(picked.rawValue)
    } else {
      guard let source = form.chosen("Source")?.record, !form.value("New title").isEmpty else {
        return nil
      }
      let published = try? FuzzyDate(parsingAnalystDate: form.value("Published"))
      document = Document.madeID(
        source: ID(source.rawValue), title: form.value("New title"),
        day: published?.description ?? day)
      let url = form.value("URL")
      evidence.document = Document(
        id: document, source: ID(source.rawValue), title: form.value("New title"),
        url: url.isEmpty ? nil : url, published: published)
    }
    return (
      Citation(document: document, credibility: credibility, quote: quote.isEmpty ? nil : quote),
      evidence
    )
  }

  /// The change a checked form asks for.
  static func edit(of form: FormState) -> (ClaimEdit, Int64?)? {
    switch form.purpose {
    case .newClaim(let record):
      guard let other = form.chosen(record.kind == .actor ? "Site" : "Actor")?.record,
        let start = try? FuzzyDate(parsingAnalystDate: form.value("Start")),
        let role = DeploymentRole(rawValue: form.value("Role")),
        let status = DeploymentStatus(rawValue: form.value("Status")),
        let (citation, evidence) = citation(of: form, day: start.description)
      else { return nil }
      let end =
        form.value("End").isEmpty ? nil : try? FuzzyDate(parsingAnalystDate: form.value("End"))
      let actor = ID<ForceActor>(record.kind == .actor ? record.rawValue : other.rawValue)
      let site = ID<Site>(record.kind == .site ? record.rawValue : other.rawValue)
      let deployment = Deployment(
        id: Deployment.madeID(actor: actor, site: site, start: start), actor: actor, site: site,
        role: role, status: status,
        period: ClaimPeriod(start: PeriodBound(start), end: end.map { PeriodBound($0) }),
        citations: [citation])
      return (.add(deployment, evidence: evidence), nil)
    case .handOver(let id, let site, let role, let basedOn):
      guard let actor = form.chosen("To")?.record,
        let on = try? FuzzyDate(parsingAnalystDate: form.value("On")),
        let status = DeploymentStatus(rawValue: form.value("Status")),
        let (citation, evidence) = citation(of: form, day: on.description)
      else { return nil }
      let successor = Deployment(
        id: Deployment.madeID(actor: ID(actor.rawValue), site: site, start: on),
        actor: ID(actor.rawValue), site: site, role: role, status: status,
        period: ClaimPeriod(start: PeriodBound(on)), citations: [citation])
      return (.handOver(id, to: successor, evidence: evidence), basedOn)
    case .regradeClaim(let id, let basedOn):
      guard !form.value("Document").isEmpty,
        let credibility = Int(form.value("Credibility")).flatMap(Credibility.init(rawValue:))
      else { return nil }
      return (.regrade(id, document: ID(form.value("Document")), credibility), basedOn)
    case .citeClaim(let id, let basedOn):
      // A new document is named by its date; one without a date here has no claim's day
      // to borrow, and is named `undated`.
      guard let (citation, evidence) = citation(of: form, day: "undated") else { return nil }
      return (.cite(id, citation, evidence: evidence), basedOn)
    case .endClaim(let id, let basedOn):
      guard let date = try? FuzzyDate(parsingAnalystDate: form.value("End")) else { return nil }
      return (.end(id, on: date), basedOn)
    case .judgeClaim(let id, let basedOn):
      guard let status = AnalystStatus(rawValue: form.value("Status")) else { return nil }
      return (.setStatus(id, status), basedOn)
    }
  }

  /// Esc: the form goes, nothing written.
  mutating func cancelForm() -> [Effect] {
    input = .browsing
    message = "nothing written"
    return []
  }

  /// The store wrote the change: the form closes and everything shown is read again.
  mutating func formSaved(_ changes: [RecordChange]) -> [Effect] {
    guard form != nil else { return [] }
    input = .browsing
    message = "saved: " + (changes.map(\.summary).first ?? "")
    map.loadedBox = nil
    return [.loadSummary] + reloadForTimeCursor()
  }

  /// The store refused the change: the form stays, saying why.
  mutating func formRefused(_ reason: String) -> [Effect] {
    guard var form else { return [] }
    form.isSaving = false
    form.refusal = reason
    input = .form(form)
    return []
  }
}
