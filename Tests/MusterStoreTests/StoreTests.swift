import Foundation
import GRDB
import MusterDomain
import MusterExport
import MusterImport
import MusterTestSupport
import Testing

@testable import MusterStore

@Suite struct StoreTests {
  @Test func writingTheSameDatasetTwiceReplacesInsteadOfDuplicating() throws {
    let store = try SeededStore()
    let before = try store.catalog.summary()

    let second = try store.writer.write(try SeededStore.bundledDataset())

    #expect(try store.catalog.summary().counts == before.counts)
    #expect(second.inserted.isEmpty)
    #expect(second.updated[.event] == before.counts[.event])
    #expect(try store.writer.integrityCheck() == ["ok"])
  }

  @Test func theActivityCountsEveryDatedEventOnceInItsBucket() throws {
    let store = try SeededStore()
    let summary = try store.catalog.summary()
    let span = try #require(summary.span)
    for buckets in [1, 7, 76] {
      let counts = try store.catalog.activity(in: span, buckets: buckets)
      #expect(counts.count == buckets)
      #expect(counts.reduce(0, +) == summary.count(of: .event))
    }
    let dataset = try SeededStore.bundledDataset()
    let firstDay = try #require(dataset.events.map(\.date.first).min())
    let onFirstDay = dataset.events.filter { $0.date.first == firstDay }.count
    let firstDays = try store.catalog.activity(
      in: DayRange(first: firstDay, last: firstDay), buckets: 1)
    #expect(firstDays == [onFirstDay])
  }

  @Test func renamingRecordsReindexesThemAndWhatShowsTheirNames() throws {
    let store = try SeededStore()
    var dataset = try SeededStore.bundledDataset()
    let actor = try #require(dataset.actors.firstIndex { $0.id == "actor:fifth-corps" })
    dataset.actors[actor].name = "Quintus Legion"
    let site = try #require(dataset.sites.firstIndex { $0.id == "site:albu-kamal-border-points" })
    dataset.sites[site].name = "Frontier posts"

    try store.writer.write(Dataset(actors: [dataset.actors[actor]], sites: [dataset.sites[site]]))

    let renamed = try store.catalog.search(SearchRequest(text: "quintus", limit: 20))
    #expect(renamed.hits.first?.record.rawValue == "actor:fifth-corps")
    let posts = try store.catalog.search(SearchRequest(text: "frontier posts", limit: 20))
    #expect(posts.hits.first?.record.rawValue == "site:albu-kamal-border-points")
    #expect(
      posts.hits.contains { $0.record.rawValue == "event:fifth-corps-receives-border-points" })
    #expect(
      posts.hits.contains { $0.record.rawValue == "deployment:fifth-corps-albu-kamal-border" })
    #expect(try store.writer.integrityCheck() == ["ok"])
  }

  @Test func aDanglingReferenceRollsBackTheWholeWrite() throws {
    let store = try SeededStore()
    let before = try store.catalog.summary()
    let dataset = Dataset(
      actors: [ForceActor(id: "actor:new", name: "New", kind: .militia)],
      deployments: [Deployment(id: "deployment:bad", actor: "actor:new", site: "site:nowhere")])

    let error = #expect(throws: StoreError.self) { try store.writer.write(dataset) }

    #expect(error?.kind == .invalidData)
    #expect(error?.message.contains("site:nowhere") == true)
    #expect(try store.catalog.summary().counts == before.counts)
  }

  @Test func changingASourcesReliabilityRegradesItsClaims() throws {
    let store = try SeededStore()
    var source = try #require(
      try SeededStore.bundledDataset().sources.first { $0.id == "source:sohr" })
    source.reliability = .a

    try store.writer.write(Dataset(sources: [source]))

    let states = try store.catalog.holders(
      of: "site:albu-kamal-border-points", asOf: try day("2020-12-31"))
    #expect(states.first { $0.deployment.actor == "actor:fifth-corps" }?.grade?.description == "A2")
  }

  @Test func theTimelineIsInDateOrderAndPagesWithoutGapsOrRepeats() throws {
    let store = try SeededStore()
    let everything = try store.catalog.timeline(TimelineQuery(limit: 1000)).entries
    var paged: [TimelineEntry] = []
    var position: TimelinePosition?
    while true {
      let page = try store.catalog.timeline(TimelineQuery(from: position, limit: 4))
      paged += page.entries
      position = page.entries.last?.position
      if !page.hasMore { break }
    }
    var backwards: [TimelineEntry] = []
    position = nil
    while true {
      let page = try store.catalog.timeline(
        TimelineQuery(from: position, direction: .backward, limit: 3))
      backwards = page.entries + backwards
      position = page.entries.first?.position
      if !page.hasMore { break }
    }

    #expect(everything.map(\.position) == everything.map(\.position).sorted())
    #expect(paged == everything)
    #expect(backwards == everything)
    #expect(
      everything.contains {
        $0.kind == .deploymentStart
          && $0.record.rawValue == "deployment:fifth-corps-albu-kamal-border"
      })
    #expect(
      everything.contains {
        $0.kind == .deploymentEnd
          && $0.record.rawValue == "deployment:kataib-hezbollah-albu-kamal-border"
      })
  }

  @Test func aTimelineWindowKeepsOnlyItsDays() throws {
    let store = try SeededStore()
    let december = DayRange(first: try day("2020-12-01"), last: try day("2020-12-31"))

    let entries = try store.catalog.timeline(TimelineQuery(window: december, limit: 100)).entries

    #expect(!entries.isEmpty)
    #expect(entries.allSatisfy { december.contains($0.position.day) })
  }

  @Test func listsAreSortedByFoldedNameAndPaged() throws {
    let store = try SeededStore()

    let page = try store.catalog.entities(EntityQuery(kind: .site, offset: 0, limit: 4))
    let rest = try store.catalog.entities(EntityQuery(kind: .site, offset: 4, limit: 100))

    #expect(page.total == 11)
    #expect(page.rows.count == 4)
    #expect(page.rows.count + rest.rows.count == 11)
    let titles = (page.rows + rest.rows).map(\.title)
    #expect(titles.firstIndex(of: "al-Heri") ?? 0 > titles.firstIndex(of: "Deir ez-Zor") ?? 0)
  }

  @Test func theReadOnlyStoreRefusesWrites() throws {
    let store = try SeededStore()
    try store.writer.close()
    let reader = try SQLiteCatalog.openReadOnly(at: store.path)

    #expect(throws: DatabaseError.self) {
      try reader.database.writeWithoutTransaction { db in
        try db.execute(sql: "DELETE FROM event")
      }
    }
    #expect(throws: DatabaseError.self) {
      try reader.database.read { db in try db.execute(sql: "INSERT INTO meta VALUES ('x', 'y')") }
    }
    #expect(try reader.summary().count(of: .event) == 14)
  }

  @Test func anotherConnectionsCommitChangesTheDataVersion() throws {
    let store = try SeededStore()
    let reader = try SQLiteCatalog.openReadOnly(at: store.path)
    let before = try reader.changeToken()

    try store.writer.add(
      Note(
        id: "note:test", target: .init(kind: .site, rawValue: "site:al-heri"), author: "tester",
        createdAt: 0, text: "checked"))

    #expect(try reader.changeToken() != before)
    #expect(try reader.changeToken() == reader.changeToken())
  }

  @Test func aReaderThatMayNotWriteTheSharedMemoryFileSeesNoChangeWhereThereIsNone() throws {
    // The kiosk's case: another account owns the database and its -shm file, so SQLite keeps
    // the WAL index in private memory and `PRAGMA data_version` moves on every read. The
    // reader opens as `nobody` (this thread's file-system identity), with no other
    // connection in the process (they would share theirs), in a folder only root may write.
    try #require(getuid() == 0, "needs root to open the database as another account")
    let folder = try TemporaryFolder("muster-store")
    let path = folder.file("muster.db")
    do {
      let writer = try SQLiteCatalog.openWritable(at: path)
      try writer.write(try SeededStore.bundledDataset())
      // As a writer leaves it when it closes: everything checkpointed, the WAL empty.
      try writer.catalog.database.writeWithoutTransaction {
        try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      }
    }
    chmod(folder.path, 0o755)
    let reader = try Self.asNobody { try SQLiteCatalog.openReadOnly(at: path) }
    let version = {
      try reader.database.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") }
    }
    let first = try version()
    _ = try reader.summary()
    try #require(first != (try version()), "SQLite kept the WAL index in shared memory")

    var tokens: Set<Int> = []
    for _ in 0..<5 {
      _ = try reader.summary()
      tokens.insert(try reader.changeToken())
    }
    #expect(tokens.count == 1)

    // A commit by another process (in this one, a writer would share the reader's
    // read-only shared memory).
    let committed = try Spawn.run(
      ["sqlite3", path, "PRAGMA user_version = 7"], environment: ["PATH": "/usr/bin:/bin"])
    try #require(committed.status == 0, "\(committed.output)")

    #expect(try reader.changeToken() != tokens.first)
    #expect(try reader.database.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 7)
  }

  /// Runs `body` with this thread's file-system identity set to `nobody` (glibc's
  /// `setfsuid`, which Swift does not import).
  static func asNobody<T>(_ body: () throws -> T) throws -> T {
    typealias SetFileSystemUser = @convention(c) (UInt32) -> Int32
    let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "setfsuid"))
    let setfsuid = unsafeBitCast(symbol, to: SetFileSystemUser.self)
    let previous = setfsuid(65_534)
    defer { _ = setfsuid(UInt32(previous)) }
    return try body()
  }

  @Test func aMissingFileIsMissingAndAForeignFileIsNotADatabase() throws {
    let folder = try TemporaryFolder()
    let missing = #expect(throws: StoreError.self) {
      try SQLiteCatalog.openReadOnly(at: folder.file("none.db"))
    }
    #expect(missing?.kind == .missing)

    let garbage = try folder.write(
      String(repeating: "not a database ", count: 400), to: "garbage.db")
    let corrupt = #expect(throws: StoreError.self) { try SQLiteCatalog.openReadOnly(at: garbage) }
    #expect(corrupt?.kind == .notADatabase)
    let corruptWritable = #expect(throws: StoreError.self) {
      try SQLiteCatalog.openWritable(at: garbage)
    }
    #expect(corruptWritable?.kind == .notADatabase)

    let foreign = folder.file("foreign.db")
    let queue = try DatabaseQueue(path: foreign)
    try queue.write { db in try db.execute(sql: "CREATE TABLE t(x)") }
    try queue.close()
    let other = #expect(throws: StoreError.self) { try SQLiteCatalog.openWritable(at: foreign) }
    #expect(other?.kind == .notADatabase)
  }

  @Test func firstRunCreationLeavesNothingBehindWhenItFails() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("muster.db")
    struct Interrupted: Error {}

    #expect(throws: Interrupted.self) {
      try SQLiteCatalog.createAtomically(at: path) { writer in
        try writer.write(try SeededStore.bundledDataset())
        throw Interrupted()
      }
    }

    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func firstRunCreationLinksACompleteDatabaseIntoPlaceOnce() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("muster.db")
    let abandoned = folder.file("muster.db.creating-999999")
    _ = FileManager.default.createFile(atPath: abandoned, contents: Data("half".utf8))

    let created = try SQLiteCatalog.createAtomically(at: path) { writer in
      try writer.write(try SeededStore.bundledDataset())
    }
    let again = try SQLiteCatalog.createAtomically(at: path) { _ in
      Issue.record("an existing database must not be populated again")
    }

    #expect(created)
    #expect(!again)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["muster.db"])
    #expect(try SQLiteCatalog.openReadOnly(at: path).summary().count(of: .actor) == 22)
  }

  @Test func aNullWhereMusterExpectsTextIsAnErrorNotACrash() throws {
    let store = try SeededStore()
    try store.catalog.database.write { db in
      try db.execute(sql: "UPDATE event SET kind = 'teleportation' WHERE id = 'event:miqdad-rt'")
    }

    let error = #expect(throws: StoreError.self) {
      try store.catalog.detail(of: .init(kind: .event, rawValue: "event:miqdad-rt"), asOf: nil)
    }
    #expect(error?.kind == .incompatible)
  }
}

@Suite struct ExportRoundTripTests {
  @Test func aDatabaseExportedToTheNativeFormatAndImportedAgainHoldsTheSameRecords() throws {
    let store = try SeededStore()
    try store.writer.add(
      Note(
        id: "note:n1", target: .init(kind: .site, rawValue: "site:imam-ali-base"),
        author: "analyst",
        createdAt: 1_609_372_800, text: "Check the November 2021 reports"))
    try store.writer.setPinned(
      true,
      Pin(target: .init(kind: .actor, rawValue: "actor:irgc"), author: "analyst", createdAt: 5))
    let exported = try store.catalog.exportDataset()

    let yaml = try DatasetEncoder.yaml(exported)
    let read = DatasetReader.read(yaml, file: "export.yaml")
    let copy = try SQLiteCatalog.openWritable(at: store.folder.file("copy.db"))
    try copy.write(read.dataset)

    #expect(read.problems.isEmpty, "\(read.problems)")
    #expect(try copy.catalog.exportDataset() == exported)
    #expect(
      exported.events.sorted { $0.id < $1.id }
        == (try SeededStore.bundledDataset()).events.sorted { $0.id < $1.id })
    #expect(try copy.integrityCheck() == ["ok"])
  }
}
