import MusterDomain

/// One line of a record's detail: styled spans, an indent, and the record it links to.
///
/// The detail pane draws these lines and follows their links; `muster show` prints them as
/// plain text. One layout serves both, so the command line and the browser agree.
public struct DetailLine: Hashable, Sendable {
  /// The pieces of text, each with what it means.
  public var spans: [DetailSpan]
  /// How many levels the line is indented (two cells each).
  public var indent: Int
  /// The record Enter opens from this line, if any.
  public var link: RecordReference?

  /// A line from its parts.
  public init(_ spans: [DetailSpan], indent: Int = 0, link: RecordReference? = nil) {
    self.spans = spans
    self.indent = indent
    self.link = link
  }

  /// An empty line between sections.
  public static let blank = DetailLine([])

  /// The line as plain text, indented with spaces.
  public var plainText: String {
    String(repeating: "  ", count: indent) + spans.map(\.text).joined()
  }
}

/// A piece of a detail line and what it means; themes turn meanings into styles.
public struct DetailSpan: Hashable, Sendable {
  /// The text, untrusted: it is sanitised when drawn or printed.
  public var text: String
  /// What the text is.
  public var role: DetailRole

  /// A span from its parts; text past `limit` characters is cut, with a note saying so.
  public init(_ text: String, _ role: DetailRole = .text) {
    self.role = role
    // A megabyte of notes would be thousands of wrapped rows on every frame.
    guard text.utf8.count > Self.limit, text.count > Self.limit else {
      self.text = text
      return
    }
    self.text =
      String(text.prefix(Self.limit))
      + " [… \(text.count - Self.limit) more characters; `muster show ID --json` prints all]"
  }

  /// The most characters a span shows.
  public static let limit = 20_000
}

/// What a piece of detail text is.
public enum DetailRole: Hashable, Sendable {
  case heading
  case label
  case text
  case muted
  case link
  case grade
  case quote
  case contested
  /// Text a search matched.
  case match
}
