import GRDB
import MusterDomain

extension SearchReader {
  /// A hit with its title, facts, and the best snippet of matched text.
  func hit(_ match: SearchMatch) throws -> SearchHit? {
    let record = IndexedRecord(match.kind, match.rowid)
    let tier = match.tier
    guard let row = try ListReader(db: db, asOf: nil).row(record.kind, record.rowid) else {
      return nil
    }
    let texts = try displayTexts(record)
    var snippet = Snippet(text: "", highlights: [])
    for text in texts {
      if let found = SearchKey.snippet(of: request.text, in: text) {
        snippet = found
        break
      }
    }
    let matched = try explanation(record, tier: tier)
    if snippet.text.isEmpty, tier != .text {
      // A name-tier hit on the run-together name or another spelling: show the name or
      // alias that matched.
      snippet = Snippet(text: matched?.name ?? row.title, highlights: [])
    }
    return SearchHit(
      record: row.record, title: row.title, category: row.category, tier: tier, date: row.date,
      grade: row.grade, snippet: snippet.text, highlights: snippet.highlights, group: match.group,
      matched: matched)
  }

  /// The texts a hit's snippet may come from, most telling first.
  func displayTexts(_ record: IndexedRecord) throws -> [String] {
    let loader = RecordLoader(db: db)
    switch record.kind {
    case .actor:
      guard let actor = try loader.actor(record.rowid) else { return [] }
      return [actor.name] + actor.aliases.map(\.name) + [actor.description].compactMap { $0 }
    case .site:
      guard let site = try loader.site(record.rowid) else { return [] }
      let context = try SearchIndexer(db: db).ancestorNames(ofSite: record.rowid)
      return [site.name] + site.aliases.map(\.name) + [site.description].compactMap { $0 }
        + context.map { "in \($0)" }
    case .deployment:
      guard let deployment = try loader.deployment(record.rowid) else { return [] }
      let names = try loader.link(deployment.id.reference(.deployment))?.title
      return [names, deployment.note].compactMap { $0 }
        + deployment.citations.compactMap(\.quote)
    case .event:
      guard let event = try loader.event(record.rowid) else { return [] }
      let participants = try event.participants.compactMap {
        try loader.link($0.actor.reference(.actor))?.title
      }
      let site = try event.site.flatMap { try loader.link($0.reference(.site))?.title }
      return [event.summary, event.quote, event.note].compactMap { $0 }
        + event.citations.compactMap(\.quote) + participants + [site].compactMap { $0 }
        + event.tags + event.classification
    case .relation:
      guard let relation = try loader.relation(record.rowid),
        let title = try loader.link(relation.id.reference(.relation))?.title
      else { return [] }
      return [title, relation.role, relation.note].compactMap { $0 }
    case .source:
      guard let source = try loader.source(record.rowid) else { return [] }
      return [source.name, source.note].compactMap { $0 }
    case .document:
      guard let document = try loader.document(record.rowid) else { return [] }
      return [document.title, document.note].compactMap { $0 }
    case .note:
      guard let note = try loader.note(record.rowid) else { return [] }
      return [note.text, note.author]
    }
  }
}
