import Foundation
import MusterTestSupport
import Testing

/// `muster import` and `muster check` on the hand-written real-world exports in
/// `Tests/Fixtures/Exports`: what a user sees, the exit codes, and what is written.
@Suite struct RealExportCommandTests {
  let home: TemporaryFolder

  init() throws {
    home = try TemporaryFolder("muster-real-e2e")
  }

  static func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/Exports/\(name)").path
  }

  func events(in db: String) throws -> Int {
    let count = try CommandRunner.run(
      "/usr/bin/sqlite3", [db, "SELECT count(*) FROM event"], environment: [:])
    return Int(count.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  @Test func checkDryRunsAnExportListingEveryBadRowAndWritesNothing() throws {
    let scratch = home.file("tmp")
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    let db = home.file("never.db")
    let file = Self.fixture("acled-empty-id-and-source.csv")

    let refused = try CommandRunner.muster(
      ["--db", db, "check", file], home: home.path, environment: ["TMPDIR": scratch])
    let accepted = try CommandRunner.muster(
      ["--db", db, "check", file, "--max-skipped", "50%"], home: home.path,
      environment: ["TMPDIR": scratch])

    #expect(refused.status == 65)
    #expect(refused.errors.contains("\(file):3:1: event_id_cnty is empty; expected a value"))
    #expect(
      refused.errors.contains(
        "1 of 3 rows could not be imported, more than --max-skipped 1% allows"))
    #expect(accepted.status == 0, "\(accepted.errors)")
    #expect(accepted.errors.contains("\(file):3:1: event_id_cnty is empty"))
    #expect(
      accepted.output.hasPrefix(
        "3 rows read: 2 importable, 1 skipped (1 empty event_id_cnty); details: --report FILE\n"))
    #expect(accepted.output.contains("ACLED checked; nothing was written"))
    #expect(!FileManager.default.fileExists(atPath: db))
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty)
  }

  @Test func checkReportsEveryBadRowNotJustTheFirstFive() throws {
    let rows = (1...8).map {
      "X\($0),not a date,2020,1,,Battles,,A,,,,,,,,,,Syria,,,,Town,1,1,1,,,n,0,,"
    }
    let header = try String(
      contentsOfFile: Self.fixture("acled-time-precision.csv"), encoding: .utf8
    ).split(separator: "\n")[0]
    let good = (1...2).map {
      "G\($0),2020-01-0\($0),2020,1,,Battles,,A,,,,,,,,,,Syria,,,,Town,1,1,1,,,n,0,,"
    }
    let file = try home.write(
      ([String(header)] + good + rows).joined(separator: "\n") + "\n", to: "bad.csv")

    let result = try CommandRunner.muster(
      ["--db", home.file("x.db"), "check", file, "--allow-skipped"], home: home.path)

    #expect(result.status == 0, "\(result.errors)")
    let lines = result.errors.split(separator: "\n").filter {
      $0.contains("event_date 'not a date'")
    }
    #expect(lines.count == 8)
    #expect(lines.last?.contains("\(file):11:2:") == true)
    #expect(result.output.hasPrefix("10 rows read: 2 importable, 8 skipped (8 invalid event_date)"))
  }

  @Test func tooManySkippedRowsFailLoudlyAndWriteNothingButTheReport() throws {
    let db = home.file("muster.db")
    let report = home.file("report.txt")
    let file = Self.fixture("acled-truncated.csv")

    let refused = try CommandRunner.muster(
      ["--db", db, "import", file, "--report", report], home: home.path)

    #expect(refused.status == 65)
    #expect(refused.output.isEmpty)
    #expect(
      refused.errors.contains(
        "3 rows read, 1 skipped (1 cut short); details: \(report)"))
    #expect(
      refused.errors.contains(
        "1 of 3 rows could not be imported, more than --max-skipped 1% allows; nothing was "
          + "imported (--allow-skipped imports the 2 good rows)"))
    #expect(try events(in: db) == 0)
    let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
    #expect(
      lines == [
        "\(file):4:28: the file ends inside this row (28 of 31 fields): it may have been cut short"
      ])

    let allowed = try CommandRunner.muster(
      ["--db", db, "import", file, "--allow-skipped"], home: home.path)
    #expect(allowed.status == 0, "\(allowed.errors)")
    #expect(allowed.output.hasPrefix("3 rows read: 2 imported, 1 skipped (1 cut short)"))
    #expect(try events(in: db) == 2)
  }

  @Test func anImportOfNothingFailsWithTheFirstErrors() throws {
    let header = try String(
      contentsOfFile: Self.fixture("acled-time-precision.csv"), encoding: .utf8
    ).split(separator: "\n")[0]
    let file = try home.write(
      String(header) + "\nX1,soon,2020,1,,Battles,,A,,,,,,,,,,Syria,,,,Town,1,1,1,,,n,0,,\n",
      to: "nothing.csv")
    let db = home.file("muster.db")

    let result = try CommandRunner.muster(
      ["--db", db, "import", file, "--allow-skipped"], home: home.path)

    #expect(result.status == 65)
    let lines = result.errors.split(separator: "\n")
    #expect(
      lines.first?.hasSuffix(
        "\(file):2:2: event_date 'soon' is not valid; expected a date such as 2023-02-16, 16 February 2023 or 16-Feb-23 (expected a day, a month and a year)"
      ) == true)
    #expect(lines.count == 2, "each problem once: \(lines)")
    #expect(lines.last?.contains("none of the 1 rows could be imported") == true)
    #expect(try events(in: db) == 0)
  }

  @Test func ambiguousSlashDatesNeedTheOrderAndTakeIt() throws {
    let db = home.file("muster.db")
    let file = Self.fixture("acled-slash-ambiguous.csv")

    let refused = try CommandRunner.muster(["--db", db, "import", file], home: home.path)
    let given = try CommandRunner.muster(
      ["--db", db, "import", file, "--date-order", "mdy"], home: home.path)
    let wrong = try CommandRunner.muster(
      ["--db", db, "import", file, "--date-order", "ymd"], home: home.path)
    let listed = try CommandRunner.muster(
      ["--db", db, "list", "events", "--json"], home: home.path)

    #expect(refused.status == 65)
    #expect(refused.errors.contains("\(file):2:2: event_date '05/09/2020' could be day first"))
    #expect(refused.errors.contains("expected --date-order dmy or --date-order mdy"))
    #expect(given.status == 0, "\(given.errors)")
    #expect(wrong.status == 64)
    #expect(listed.output.contains("\"2020-05-09\""))
    #expect(listed.output.contains("\"2020-01-02\""))
  }

  @Test func ucdpJSONIsDetectedByItsRecordsNotItsExtension() throws {
    let db = home.file("muster.db")

    let page = try CommandRunner.muster(
      ["--db", db, "import", Self.fixture("ucdp-api-page.json")], home: home.path)
    let array = try CommandRunner.muster(
      ["--db", db, "import", Self.fixture("ucdp-bare-array.json")], home: home.path)

    #expect(page.status == 0, "\(page.errors)")
    #expect(page.output.hasPrefix("3 rows read: 3 imported, 0 skipped\n"))
    #expect(page.output.contains("UCDP into"))
    #expect(array.status == 0, "\(array.errors)")
    #expect(try events(in: db) == 5)
  }

  @Test func aBadSkipLimitIsAUsageError() throws {
    let result = try CommandRunner.muster(
      [
        "--db", home.file("x.db"), "import", Self.fixture("acled-bom-crlf.csv"), "--max-skipped",
        "lots",
      ], home: home.path)

    #expect(result.status == 64)
    #expect(result.errors.contains("--max-skipped"))
  }

  @Test func oneRowPerActorSaysHowManyRowsWereMerged() throws {
    let result = try CommandRunner.muster(
      ["--db", home.file("x.db"), "import", Self.fixture("acled-one-row-per-actor.csv")],
      home: home.path)

    #expect(result.status == 0, "\(result.errors)")
    #expect(
      result.output.hasPrefix(
        "6 rows read: 3 imported, 3 merged into the event of an earlier row, 0 skipped\n"))
  }
}
