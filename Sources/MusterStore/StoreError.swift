/// Why the store could not do what was asked, in words a user can act on.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What sort of failure it is; the command line maps it to an exit code.
  public enum Kind: Hashable, Sendable {
    /// The database file does not exist.
    case missing
    /// The file is not a Muster database, or is damaged.
    case notADatabase
    /// The database was made by a newer Muster, or needs an upgrade it cannot get here.
    case incompatible
    /// The data refers to a record that does not exist, or breaks a rule.
    case invalidData
    /// The database is read-only here.
    case readOnly
    /// Reading or writing the file failed.
    case io
  }

  /// What sort of failure.
  public let kind: Kind
  /// The database file concerned.
  public let path: String
  /// What went wrong and what to do about it.
  public let message: String

  /// An error from its fields.
  public init(_ kind: Kind, path: String, _ message: String) {
    self.kind = kind
    self.path = path
    self.message = message
  }

  /// The value as text.
  public var description: String { "\(path): \(message)" }
}
