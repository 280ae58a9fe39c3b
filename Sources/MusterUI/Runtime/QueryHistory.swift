/// Where the search bar's earlier queries are kept, per database.
///
/// A port: the browser supplies a file-backed one; kiosk mode supplies none.
public protocol QueryHistory: Sendable {
  /// The queries, oldest first.
  func load() throws -> [String]
  /// Adds a query as the newest (moving it there if it was kept already).
  func remember(_ query: String) throws
}
