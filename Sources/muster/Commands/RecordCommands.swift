import ArgumentParser
import Foundation
import MusterDomain
import MusterStore

/// `muster actor add`: a new actor.
struct ActorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actor", abstract: "Add actors.", subcommands: [ActorAddCommand.self])
}

/// `muster site add`: a new site.
struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site", abstract: "Add sites.", subcommands: [SiteAddCommand.self])
}

/// `muster alias add`: another name for an actor or site.
struct AliasCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "alias", abstract: "Add other names of actors and sites.",
    subcommands: [AliasAddCommand.self])
}

/// Prints history entries as `muster claim` does.
func printChanges(_ changes: [RecordChange], json: Bool) throws {
  if json {
    try JSONOutput.print(changes)
    return
  }
  for change in changes {
    Console.line("\(change.sequence)  \(change.record)  \(change.summary)")
  }
}

/// Applies `edit` through a writable database and prints what it recorded.
func applyRecordEdit(
  _ global: GlobalOptions, _ options: ClaimChangeOptions, _ edit: RecordEdit
) throws {
  try reportingFailures {
    let writer = try DatabaseLocation.openWritable(global)
    do {
      try printChanges(
        try writer.apply(
          edit, by: options.signature, at: Int(time(nil)), basedOn: options.basedOn),
        json: options.format.json)
    } catch let stale as StaleChange {
      throw CommandFailure(stale.description, code: ExitStatus.conflict)
    }
  }
}

/// Names a record gets besides its own: `--alias NAME`, any number.
func aliasesGiven(_ names: [String]) -> [Alias] {
  names.map { Alias($0.trimmingASCIIWhitespace()) }.filter { !$0.name.isEmpty }
}

/// `muster actor add NAME --kind KIND`.
struct ActorAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add an actor (recorded in the history).")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Its name.")
  var name: String

  @Option(help: "What sort of actor.")
  var kind: ActorKind

  @OptionGroup var record: NewRecordOptions

  @OptionGroup var change: ClaimChangeOptions

  func validate() throws {
    try record.check(name: name, kind: .actor, example: "actor:fifth-corps")
  }

  func run() throws {
    let trimmed = name.trimmingASCIIWhitespace()
    try applyRecordEdit(
      global, change,
      .addActor(
        ForceActor(
          id: ID(record.id ?? "actor:" + Slug.of(trimmed)), name: trimmed, kind: kind,
          country: record.country?.uppercased(), aliases: aliasesGiven(record.alias),
          description: record.description)))
  }
}

/// `muster site add NAME --kind KIND`.
struct SiteAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add a site, with its coordinates and the site it lies in.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Its name.")
  var name: String

  @Option(help: "What sort of site.")
  var kind: SiteKind

  @Option(help: ArgumentHelp("Latitude, -90 to 90 (with --longitude).", valueName: "degrees"))
  var latitude: Double?

  @Option(help: ArgumentHelp("Longitude, -180 to 180 (with --latitude).", valueName: "degrees"))
  var longitude: Double?

  @Option(help: "How precisely the coordinates stand for the site.")
  var precision: LocationPrecision = .exact

  @Option(name: .customLong("in"), help: ArgumentHelp("The site it lies in.", valueName: "site"))
  var parent: String?

  @OptionGroup var record: NewRecordOptions

  @OptionGroup var change: ClaimChangeOptions

  func validate() throws {
    try record.check(name: name, kind: .site, example: "site:t4")
    switch (latitude, longitude) {
    case (nil, nil): break
    case (let latitude?, let longitude?):
      guard (-90...90).contains(latitude) else {
        throw ValidationError("--latitude must be from -90 to 90, not \(latitude)")
      }
      guard (-180...180).contains(longitude) else {
        throw ValidationError("--longitude must be from -180 to 180, not \(longitude)")
      }
    default:
      throw ValidationError("--latitude and --longitude go together")
    }
  }

  func run() throws {
    let trimmed = name.trimmingASCIIWhitespace()
    try reportingFailures {
      let catalog = try DatabaseLocation.openWritable(global).catalog
      let parentID: ID<Site>? = try parent.map {
        try resolve($0, as: .site, flag: "--in", in: catalog)
      }
      let location = latitude.flatMap { latitude in
        longitude.map { Location(latitude: latitude, longitude: $0, precision: precision) }
      }
      try applyRecordEdit(
        global, change,
        .addSite(
          Site(
            id: ID(record.id ?? "site:" + Slug.of(trimmed)), name: trimmed, kind: kind,
            parent: parentID, country: record.country?.uppercased(),
            aliases: aliasesGiven(record.alias), location: location,
            description: record.description)))
    }
  }
}

/// `muster alias add ID NAME`.
struct AliasAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Add another name to an actor or a site; search finds it.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The actor's or site's id.")
  var record: String

  @Argument(help: "The other name.")
  var name: String

  @Option(help: ArgumentHelp("Its language, such as ar.", valueName: "code"))
  var language: String?

  @Option(help: ArgumentHelp("Its script, such as Arab.", valueName: "code"))
  var script: String?

  @OptionGroup var change: ClaimChangeOptions

  func validate() throws {
    guard let reference = RecordReference(record), [.actor, .site].contains(reference.kind)
    else {
      throw ValidationError("'\(record)' is not an actor or site id, such as site:al-heri")
    }
    guard !name.trimmingASCIIWhitespace().isEmpty else {
      throw ValidationError("the name must not be empty")
    }
  }

  func run() throws {
    guard let reference = RecordReference(record) else { return }
    try applyRecordEdit(
      global, change,
      .addAlias(
        reference, Alias(name.trimmingASCIIWhitespace(), language: language, script: script)))
  }
}

/// `muster merge MERGED KEPT`: two records that are one.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge an actor or site into another that is the same thing.",
    discussion: """
      The merged record's events, positions, relations, notes and pins move to the kept \
      one, and its names become aliases; `muster split MERGED` undoes it exactly. As \
      `muster reconcile --accept` does; recorded in the history.
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The record that goes.")
  var merged: String

  @Argument(help: "The record that stays.")
  var kept: String

  @Option(help: "Why they are one.")
  var reason = "merged by an analyst"

  @OptionGroup var change: ClaimChangeOptions

  func validate() throws {
    guard let first = RecordReference(merged), let second = RecordReference(kept),
      first.kind == second.kind, [.actor, .site].contains(first.kind), first != second
    else {
      throw ValidationError("give two different actors or two different sites, by id")
    }
  }

  func run() throws {
    try reportingFailures {
      guard let first = RecordReference(merged), let second = RecordReference(kept) else { return }
      let writer = try DatabaseLocation.openWritable(global)
      try writer.merge(
        first, into: second, reason: reason, author: change.signature, at: Int(time(nil)))
      try printChanges(
        try writer.catalog.changeLog(ChangeLogQuery(record: merged, limit: 1)),
        json: change.format.json)
    }
  }
}

/// `muster split MERGED`: undoes a merge.
struct SplitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "split",
    abstract: "Undo the merge of a record: both come back as they were, with their links.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The record that was merged.")
  var merged: String

  @OptionGroup var change: ClaimChangeOptions

  func validate() throws {
    guard let reference = RecordReference(merged), [.actor, .site].contains(reference.kind)
    else { throw ValidationError("'\(merged)' is not an actor or site id") }
  }

  func run() throws {
    try reportingFailures {
      guard let reference = RecordReference(merged) else { return }
      let writer = try DatabaseLocation.openWritable(global)
      guard try writer.split(reference, by: change.signature, at: Int(time(nil))) != nil else {
        throw CommandFailure("\(merged) was not merged", code: ExitStatus.missingInput)
      }
      try printChanges(
        try writer.catalog.changeLog(ChangeLogQuery(record: merged, limit: 1)),
        json: change.format.json)
    }
  }
}

/// What a new actor or site takes besides its name and kind.
struct NewRecordOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Its country, ISO 3166 alpha-2 (SY, IR, ...).", valueName: "cc"))
  var country: String?

  @Option(help: ArgumentHelp("Another name; repeat for more.", valueName: "name"))
  var alias: [String] = []

  @Option(help: "What an analyst should know about it.")
  var description: String?

  @Option(help: ArgumentHelp("Its id (default: made from its name).", valueName: "id"))
  var id: String?

  /// The name is not empty, the country two letters, the id one of `kind`.
  func check(name: String, kind: RecordKind, example: String) throws {
    guard !name.trimmingASCIIWhitespace().isEmpty else {
      throw ValidationError("the name must not be empty")
    }
    if let country, country.count != 2 || !country.allSatisfy(\.isLetter) {
      throw ValidationError("--country must be a two-letter code such as SY, not '\(country)'")
    }
    if let id, RecordReference(id)?.kind != kind {
      throw ValidationError(
        "--id: '\(id)' is not \(kind == .actor ? "an" : "a") \(kind.rawValue) id, such as \(example)"
      )
    }
  }
}

extension ActorKind: ExpressibleByArgument {}
extension SiteKind: ExpressibleByArgument {}
extension LocationPrecision: ExpressibleByArgument {}
