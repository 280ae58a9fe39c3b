/// Another name for an actor or a site, in any language or script.
public struct Alias: Hashable, Sendable, Codable {
  /// The name as written, such as `البوكمال`.
  public var name: String
  /// Its language as a BCP 47 tag, such as `ar` or `fa`.
  public var language: String?
  /// Its script as an ISO 15924 code, such as `Arab` or `Latn`.
  public var script: String?

  /// An alias from its fields.
  public init(_ name: String, language: String? = nil, script: String? = nil) {
    self.name = name
    self.language = language
    self.script = script
  }
}
