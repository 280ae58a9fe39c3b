import Foundation
import MusterTestSupport
import Testing

/// ACLED-shaped files written by the test itself, as large as a test needs.
enum ACLEDFile {
  static let header =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    + "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    + "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    + "notes,fatalities,tags,timestamp"

  /// Every `territoryEvery`th row (when above 0) is a takeover by the row's brigade, from
  /// which the import infers control.
  static func write(rows: Int, to path: String, badEvery: Int = 0, territoryEvery: Int = 0)
    throws
  {
    var text = header + "\n"
    text.reserveCapacity(rows * 330)
    for index in 0..<rows {
      let day = 1 + index % 28
      let month = 1 + index / 28 % 12
      let date = "2020-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
      let latitude =
        badEvery > 0 && index % badEvery == badEvery - 1 ? "north" : "34.\(index % 1000)"
      let takeover = territoryEvery > 0 && index % territoryEvery == 0
      let actors =
        takeover
        ? "Non-state actor overtakes territory,Brigade \(index % 50),,Rebel group,"
          + "Military Forces of Syria (2000-2024),,State forces,"
        : "Armed clash,Military Forces of Syria (2000-2024),,State forces,Brigade \(index % 50),,"
          + "Rebel group,"
      text +=
        "SYR\(index),\(date),2020,1,Political violence,Battles," + actors
        + ",,760,Middle East,Syria,Deir ez Zor,Abu Kamal,,Village \(index % 300),\(latitude),40.9,1,"
        + "SOHR; Local monitor \(index % 7),National,\"Clashes near Village \(index % 300), "
        + "reportedly with heavy weapons. Several houses were damaged.\",\(index % 4),,\(1_600_000_000 + index)\n"
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }
}

@Suite struct ImportTests {
  let home: TemporaryFolder

  init() throws {
    home = try TemporaryFolder("muster-import-e2e")
  }

  /// The number of events in a database, read with the sqlite3 shell, and its integrity.
  func inspect(_ db: String) throws -> (events: Int, integrity: String) {
    let count = try CommandRunner.run(
      "/usr/bin/sqlite3", [db, "SELECT count(*) FROM event"], environment: [:])
    let check = try CommandRunner.run(
      "/usr/bin/sqlite3",
      [
        db,
        "PRAGMA integrity_check; INSERT INTO search_index(search_index, rank) VALUES('integrity-check', 1);",
      ],
      environment: [:])
    return (
      Int(count.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1,
      (check.output + check.errors).trimmingCharacters(in: .whitespacesAndNewlines)
    )
  }

  func startImport(_ file: String, db: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.musterPath)
    process.arguments = ["--db", db, "import", file]
    process.environment = ["HOME": home.path, "LANG": "C.UTF-8"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Waits until the import is inside its transaction: a large import into a database
  /// nobody else has open writes a rollback journal (a `-wal` file may be left over from the
  /// command before, so it proves nothing).
  func waitUntilWriting(_ db: String, process: Process) {
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline && process.isRunning {
      let journal = (try? FileManager.default.attributesOfItem(atPath: db + "-journal"))?[.size]
      if let size = journal as? Int, size > 0 {
        usleep(500_000)
        return
      }
      usleep(10_000)
    }
  }

  /// The inferred positions in a database.
  func inferred(_ db: String) throws -> Int {
    let count = try CommandRunner.run(
      "/usr/bin/sqlite3",
      [db, "SELECT count(*) FROM deployment WHERE id GLOB 'deployment:inferred:*'"],
      environment: [:])
    return Int(count.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  @Test func killingAnImportLeavesTheOldDatabaseOrTheWholeNewOne() throws {
    let file = home.file("large.csv")
    try ACLEDFile.write(rows: 150_000, to: file, territoryEvery: 10)
    let db = home.file("muster.db")
    let seeded = try CommandRunner.muster(["--db", db, "list", "actors"], home: home.path)
    #expect(seeded.status == 0)

    let process = try startImport(file, db: db)
    waitUntilWriting(db, process: process)
    let killedMidway = process.isRunning
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()

    let after = try inspect(db)
    #expect(killedMidway, "the import should still have been running when killed")
    #expect(after.events == 14 || after.events == 150_014, "found \(after.events) events")
    #expect(after.integrity == "ok")
    // The positions inferred inside the same transaction: none, or all of them.
    let whole = home.file("whole.db")
    let imported = try CommandRunner.muster(["--db", whole, "import", file], home: home.path)
    #expect(imported.status == 0, "\(imported.errors)")
    let all = try inferred(whole)
    #expect(all > 100)
    #expect(try inferred(db) == (after.events == 14 ? 0 : all))
    let again = try CommandRunner.muster(
      ["--db", db, "search", "abu kamal", "--limit", "1"], home: home.path)
    #expect(again.status == 0, "\(again.errors)")
  }

  @Test func ctrlCCancelsAndNothingIsImported() throws {
    let file = home.file("large.csv")
    try ACLEDFile.write(rows: 150_000, to: file)
    let db = home.file("muster.db")
    _ = try CommandRunner.muster(["--db", db, "list", "actors"], home: home.path)

    let process = try startImport(file, db: db)
    waitUntilWriting(db, process: process)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()

    #expect(process.terminationStatus == 130)
    let after = try inspect(db)
    #expect(after.events == 14)
    #expect(after.integrity == "ok")
  }

  @Test func badRowsAreSkippedSummarisedAndReported() throws {
    let file = home.file("some-bad.csv")
    try ACLEDFile.write(rows: 1_000, to: file, badEvery: 100)
    let db = home.file("fresh.db")
    let report = home.file("report.txt")

    let result = try CommandRunner.muster(
      ["--db", db, "import", file, "--report", report], home: home.path)

    #expect(result.status == 0, "\(result.errors)")
    #expect(
      result.output.hasPrefix(
        "1,000 rows read: 990 imported, 10 skipped (10 invalid latitude); details: \(report)"))
    let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 10)
    #expect(
      lines.first?.hasSuffix(
        ":101:23: latitude 'north' is not valid; expected a number from -90 to 90") == true)
    #expect(try inspect(db).events == 990)
  }

  @Test func strictModeWritesNothingAndExitsWithBadData() throws {
    let file = home.file("some-bad.csv")
    try ACLEDFile.write(rows: 300, to: file, badEvery: 100)
    let db = home.file("fresh.db")

    let result = try CommandRunner.muster(
      ["--db", db, "import", file, "--strict"], home: home.path)

    #expect(result.status == 65)
    #expect(result.errors.contains(":101:23: latitude 'north'"))
    #expect(try inspect(db).events == 0)
  }

  @Test func anUnknownHeaderNamesWhatIsMissing() throws {
    let file = try home.write("event_id_cnty,event_date\nX,2020-01-01\n", to: "thin.csv")

    let result = try CommandRunner.muster(
      ["--db", home.file("x.db"), "import", file], home: home.path)

    #expect(result.status == 65)
    #expect(result.errors.contains("the header lacks ACLED columns: event_type, actor1, country"))
  }

  @Test func aNonTerminalGetsOnlyTheSummary() throws {
    let file = home.file("ok.csv")
    try ACLEDFile.write(rows: 5_000, to: file)

    let result = try CommandRunner.muster(
      ["--db", home.file("fresh.db"), "import", file], home: home.path)

    #expect(result.status == 0)
    #expect(result.errors.isEmpty, "no progress bar on a pipe: \(result.errors)")
    #expect(result.output.split(separator: "\n").count == 2)
    #expect(result.output.hasPrefix("5,000 rows read: 5,000 imported, 0 skipped\n"))
  }
}
