/// An analyst's note on any record, written outside kiosk mode.
public struct Note: Hashable, Sendable, Codable {
  /// Its slug, such as `note:2020-12-31-ab12`.
  public var id: ID<Note>
  /// The record it is about.
  public var target: RecordReference
  /// Who wrote it (`$USER`).
  public var author: String
  /// When, in seconds since 1970-01-01 UTC.
  public var createdAt: Int
  /// What it says.
  public var text: String

  /// A note from its fields.
  public init(
    id: ID<Note>, target: RecordReference, author: String, createdAt: Int, text: String
  ) {
    self.id = id
    self.target = target
    self.author = author
    self.createdAt = createdAt
    self.text = text
  }
}

extension Note {
  /// A new note with an id of its own: the time and a random part, so that notes written
  /// in the same second by different sessions never collide.
  public static func fresh(
    on target: RecordReference, by author: String, at createdAt: Int, text: String
  ) -> Note {
    let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    return Note(
      id: ID("note:\(createdAt)-\(random)"), target: target, author: author,
      createdAt: createdAt, text: text)
  }
}

/// An analyst's bookmark on a record.
public struct Pin: Hashable, Sendable, Codable {
  /// The record pinned.
  public var target: RecordReference
  /// Who pinned it (`$USER`).
  public var author: String
  /// When, in seconds since 1970-01-01 UTC.
  public var createdAt: Int

  /// A pin from its fields.
  public init(target: RecordReference, author: String, createdAt: Int) {
    self.target = target
    self.author = author
    self.createdAt = createdAt
  }
}
