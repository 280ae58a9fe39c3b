import GRDB
import MusterDomain

extension SQLiteCatalogWriter {
  /// Applies an analyst's change to a claim in one transaction and records it in the
  /// history, signed `author` at `time`.
  ///
  /// With `basedOn` (the last history entry of the claim the analyst saw), a claim changed
  /// since is not touched: `StaleChange` says by whom and when. A bad change throws a
  /// `StoreError` and writes nothing.
  @discardableResult
  public func apply(
    _ edit: ClaimEdit, by author: String, at time: Int, basedOn: Int64? = nil
  ) throws -> [RecordChange] {
    try StoreError.mappingDatabaseErrors(path: catalog.path) {
      try catalog.writing { db in
        try ClaimEditor(db: db, path: catalog.path, author: author, time: time)
          .apply(edit, basedOn: basedOn)
      }
    }
  }

  /// Adds an actor, a site or an alias in one transaction and records it in the history;
  /// for an alias, `basedOn` refuses it when the record changed after that entry.
  @discardableResult
  public func apply(
    _ edit: RecordEdit, by author: String, at time: Int, basedOn: Int64? = nil
  ) throws -> [RecordChange] {
    try StoreError.mappingDatabaseErrors(path: catalog.path) {
      try catalog.writing { db in
        try RecordEditor(db: db, path: catalog.path, author: author, time: time)
          .apply(edit, basedOn: basedOn)
      }
    }
  }

  /// Undoes `author`'s last change not undone yet (claim changes, actors, sites and
  /// aliases added), in one transaction, recorded as an `undo`; refused with `StaleChange`
  /// when someone changed one of its records since.
  @discardableResult
  public func undoLast(by author: String, at time: Int) throws -> [RecordChange] {
    try StoreError.mappingDatabaseErrors(path: catalog.path) {
      try catalog.writing { db in
        try Undo(db: db, path: catalog.path, author: author, time: time).undoLast()
      }
    }
  }

  /// Records an import of `file` in the history: what it wrote, in one line.
  @discardableResult
  public func recordImport(of file: String, summary: String, by author: String, at time: Int)
    throws -> RecordChange?
  {
    try StoreError.mappingDatabaseErrors(path: catalog.path) {
      try catalog.writing { db in
        try History(db: db).record(
          [(file, nil, nil, summary)], action: "import", author: author, time: time
        ).first
      }
    }
  }
}

extension SQLiteCatalog {
  /// A claim as stored, with its citations; `nil` when there is none with that id.
  public func claim(_ id: ID<Deployment>) throws -> Deployment? {
    try read { db in
      let loader = RecordLoader(db: db)
      return try loader.rowid(of: id.reference(.deployment)).flatMap(loader.deployment)
    }
  }

  /// History entries, newest first.
  public func changeLog(_ query: ChangeLogQuery) throws -> [RecordChange] {
    try read { db in try History(db: db).entries(query) }
  }
}
