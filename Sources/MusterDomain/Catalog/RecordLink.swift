/// A named link to another record, which the detail pane can follow.
public struct RecordLink: Hashable, Sendable, Codable {
  /// The record linked to.
  public var record: RecordReference
  /// Its name or summary, for display.
  public var title: String

  /// A link from its fields.
  public init(_ record: RecordReference, _ title: String) {
    self.record = record
    self.title = title
  }
}
