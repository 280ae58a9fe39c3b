import Foundation
import MusterTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Interrupted and failing writes: kills, a full disk, damaged files. (Read-only files and
/// folders are the kiosk's tests; first-run kills are `FirstRunTests`; import kills are
/// `ImportTests`.)
@Suite struct CrashSafetyTests {
  let folder: TemporaryFolder
  let database: String

  init() throws {
    folder = try TemporaryFolder("muster-crash")
    database = folder.file("muster.db")
    let created = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
  }

  func muster(_ arguments: [String]) throws -> CommandResult {
    try CommandRunner.muster(["--db", database] + arguments, home: folder.path)
  }

  func sql(_ query: String) throws -> String {
    let result = try Spawn.run(
      ["sqlite3", database, query], environment: ["PATH": "/usr/bin:/bin"])
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func aFileSizeLimitDuringAnImportIsAClearErrorAndChangesNothing() throws {
    let rows = (1...12_000).map { index in
      "FULL\(index),2020-12-17,2020,1,Political violence,Battles,Armed clash,Side \(index % 50),,1,,,,,,760,"
        + "Middle East,Syria,Deir ez Zor,Abu Kamal,,Place \(index % 300),34.45,40.93,1,Source,"
        + "National,\"" + String(repeating: "Long notes about the clash. ", count: 10) + "\",0,,1"
    }
    let csv = try folder.write(
      ([EventDatasetFixtures.acledHeader] + rows).joined(separator: "\n") + "\n", to: "big.csv")
    let before = try sql("SELECT count(*) FROM event")
    // 1,000 blocks of 1 kB: room for the database, not for the import.
    let limited = try Spawn.run(
      [
        "/bin/sh", "-c",
        "ulimit -f 1000; exec '\(CommandRunner.musterPath)' --db '\(database)' import '\(csv)'",
      ], environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "LANG": "C.UTF-8"])
    #expect(limited.status == 74, "\(limited.output)")
    #expect(limited.output.contains("file-size limit") || limited.output.contains("disk is full"))
    #expect(limited.output.contains("rolled back"))
    #expect(try sql("PRAGMA integrity_check") == "ok")
    #expect(try sql("SELECT count(*) FROM event") == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers.filter { $0.contains(".fulltext-") }.isEmpty, "\(leftovers)")
    // Without the limit the same import goes through.
    #expect(try muster(["import", csv]).status == 0)
  }

  @Test func killingNoteWritersAtRandomMomentsLosesOnlyTheirOwnNote() throws {
    var confirmed: [String] = []
    for attempt in 0..<24 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CommandRunner.musterPath)
      process.arguments = ["--db", database, "note", "site:iraq", "note \(attempt)"]
      process.environment = ["HOME": folder.path, "LANG": "C.UTF-8", "USER": "k"]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(useconds_t((attempt * 3_137) % 40_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let printed = String(
        decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      if printed.hasPrefix("added") { confirmed.append("note \(attempt)") }
    }
    #expect(try sql("PRAGMA integrity_check") == "ok")
    let kept = try sql("SELECT text FROM note ORDER BY created_at").split(separator: "\n")
      .map(String.init)
    for note in confirmed { #expect(kept.contains(note), "\(note) was confirmed, then lost") }
    #expect(Set(kept).count == kept.count)
    // The database still takes notes and finds them.
    #expect(try muster(["note", "site:iraq", "after the kills"]).status == 0)
    #expect(try muster(["search", "kills"]).output.contains("after the kills"))
  }

  @Test func aDamagedDatabaseIsAClearErrorNeverACrash() throws {
    // Overwrite pages in the middle of a real database with garbage.
    _ = try muster(["import", try folder.write(EventDatasetFixtures.acled, to: "a.csv")])
    let data = try Data(contentsOf: URL(fileURLWithPath: database))
    var bytes = [UInt8](data)
    let page = 4096
    for offset in stride(from: page * 3, to: min(bytes.count, page * 40), by: 7) {
      bytes[offset] = UInt8(truncatingIfNeeded: offset &* 31)
    }
    let damaged = folder.file("damaged.db")
    try Data(bytes).write(to: URL(fileURLWithPath: damaged))
    for arguments in [
      ["list", "events"], ["list", "sites"], ["search", "abu"], ["show", "site:albu-kamal"],
      ["export", "--format", "json"], ["note", "site:iraq", "x"],
    ] {
      let result = try CommandRunner.muster(["--db", damaged] + arguments, home: folder.path)
      #expect(result.status == 0 || [65, 66, 74].contains(result.status), "\(arguments)")
      if result.status != 0 {
        #expect(result.errors.hasPrefix("muster: "), "\(arguments): \(result.errors)")
      }
    }
  }
}
