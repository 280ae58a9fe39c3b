import GRDB
import MusterDomain

/// Applies an analyst's `RecordEdit` inside one transaction, as `ClaimEditor` does claims.
struct RecordEditor {
  let db: Database
  let path: String
  let author: String
  let time: Int

  var loader: RecordLoader { RecordLoader(db: db) }

  func apply(_ edit: RecordEdit, basedOn: Int64?) throws -> [RecordChange] {
    let record = edit.record
    let before: (any Encodable)?
    let after: any Encodable
    let summary: String
    var dataset = Dataset()
    switch edit {
    case .addActor(let actor):
      try requireNew(record)
      try requireName(actor.name)
      dataset.actors = [actor]
      (before, after, summary) = (nil, actor, "new actor: \(actor.name) (\(actor.kind.rawValue))")
    case .addSite(let site):
      try requireNew(record)
      try requireName(site.name)
      if let parent = site.parent,
        try loader.rowid(of: parent.reference(.site), followingMerges: false) == nil
      {
        throw StoreError(.missing, path: path, "no site \(parent.rawValue) for it to lie in")
      }
      if let location = site.location,
        !(-90...90).contains(location.latitude) || !(-180...180).contains(location.longitude)
      {
        throw invalid("coordinates \(location.latitude), \(location.longitude) are not on Earth")
      }
      dataset.sites = [site]
      (before, after, summary) = (nil, site, "new site: \(site.name) (\(site.kind.rawValue))")
    case .addAlias(let owner, let alias):
      try History(db: db).requireUnchanged(owner.rawValue, since: basedOn)
      try requireName(alias.name)
      guard let rowid = try loader.rowid(of: owner, followingMerges: false) else {
        throw StoreError(.missing, path: path, "no \(owner.kind.rawValue) \(owner.rawValue)")
      }
      switch owner.kind {
      case .actor:
        guard var actor = try loader.actor(rowid) else { throw missing(owner) }
        try requireUnnamed(alias.name, actor.name, actor.aliases)
        before = actor
        actor.aliases.append(alias)
        dataset.actors = [actor]
        after = actor
      case .site:
        guard var site = try loader.site(rowid) else { throw missing(owner) }
        try requireUnnamed(alias.name, site.name, site.aliases)
        before = site
        site.aliases.append(alias)
        dataset.sites = [site]
        after = site
      default:
        throw invalid("only actors and sites have aliases, not \(owner.kind.plural)")
      }
      summary = "also called \(alias.name)"
    }
    var writer = DatasetWriter(db: db, path: path)
    _ = try writer.write(dataset)
    return try History(db: db).record(
      [(record.rawValue, before, after, summary)], action: edit.action, author: author,
      time: time)
  }

  private func requireNew(_ record: RecordReference) throws {
    if try loader.rowid(of: record, followingMerges: false) != nil {
      let article = record.kind == .actor ? "an" : "a"
      throw invalid("there is already \(article) \(record.kind.rawValue) \(record.rawValue)")
    }
  }

  private func requireName(_ name: String) throws {
    guard !name.trimmingASCIIWhitespace().isEmpty else { throw invalid("the name is empty") }
  }

  private func requireUnnamed(_ name: String, _ own: String, _ aliases: [Alias]) throws {
    if name == own || aliases.contains(where: { $0.name == name }) {
      throw invalid("it is already called \(name)")
    }
  }

  private func missing(_ record: RecordReference) -> StoreError {
    StoreError(.missing, path: path, "no \(record.kind.rawValue) \(record.rawValue)")
  }

  private func invalid(_ message: String) -> StoreError {
    StoreError(.invalidData, path: path, message)
  }
}
