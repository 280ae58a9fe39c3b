import Foundation
import MusterTestSupport
import Testing

@Suite struct CommandLineTests {
  let home: TemporaryFolder

  init() throws {
    home = try TemporaryFolder("muster-e2e")
  }

  func muster(_ arguments: String..., input: String? = nil) throws -> CommandResult {
    try CommandRunner.muster(arguments, home: home.path, input: input)
  }

  @Test func searchingAbuKamalListsTheTownTheBaseAndTheVillage() throws {
    let result = try muster("search", "abu kamal")

    #expect(result.status == 0, "\(result.errors)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.first?.contains("site:albu-kamal") == true)
    #expect(lines.contains { $0.contains("Imam Ali base") && $0.hasSuffix("site:imam-ali-base") })
    #expect(lines.contains { $0.contains("al-Heri") && $0.hasSuffix("site:al-heri") })
  }

  @Test func listingEventsAsOfADayListsOnlyWhatHadHappenedAsTheTimelineDoes() throws {
    let all = try muster("list", "events")
    let asOf = try muster("list", "events", "--as-of", "2019-12-31", "--recent")
    let before = try muster("list", "events", "--as-of", "2018-01-01")
    let timeline = try muster("timeline", "--as-of", "2019-12-31")

    #expect(all.output.split(separator: "\n").last == "14 of 14 events as of 2021-11-30")
    let lines = asOf.output.split(separator: "\n")
    #expect(lines.count == 2, "\(asOf.output)")
    #expect(lines.first?.hasSuffix("event:imam-ali-base-strike-2019-09") == true)
    #expect(lines.last == "1 of 1 events as of 2019-12-31")
    #expect(timeline.output.contains("event:imam-ali-base-strike-2019-09"))
    #expect(before.output == "0 of 0 events as of 2018-01-01\n")
  }

  @Test func searchTakesFiltersAndGivesTheBrowsersOrderAndGroups() throws {
    let result = try muster("search", "kind:statement since:2020-12 grade:<=C2", "--json")
    #expect(result.status == 0, "\(result.errors)")
    let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    let hits = json?["hits"] as? [[String: Any]] ?? []
    #expect(
      Set(hits.compactMap { $0["record"] as? String }) == [
        "event:miqdad-rt", "event:shaaban-al-mayadin",
      ])
    #expect(hits.allSatisfy { $0["group"] as? String == "statements" })
    #expect((json?["groupCounts"] as? [String: Int])?["statements"] == 2)

    // Names first, then text, grouped: the site group (holding the exact name) leads.
    let table = try muster("search", "albu kamal", "--limit", "100")
    let kinds = table.output.split(separator: "\n").dropLast().map {
      $0.prefix(while: { $0 != " " })
    }
    #expect(kinds.first == "site")
    #expect(kinds == kinds.sorted { kinds.firstIndex(of: $0)! < kinds.firstIndex(of: $1)! })
  }

  @Test func sshConfigPrintsTheBlockAndRefusesWhatSshdWouldMisread() throws {
    let printed = try muster(
      "ssh-config", "--user", "kiosk", "--db", "/srv/muster.db", "--muster", "/opt/bin/muster")
    #expect(printed.status == 0, "\(printed.errors)")
    let command =
      "/opt/bin/muster kiosk --db /srv/muster.db --idle 120 --client-timeout 60"
      + " --max-session 43200"
    for line in [
      "Match User kiosk", "    ForceCommand \(command)", "    DisableForwarding yes",
      "    PermitTTY yes", "    X11Forwarding no", "    ChannelTimeout session=12h",
      "    ClientAliveInterval 15", "restrict,pty,command=\"\(command)\" KEY",
      "kiosk - maxlogins 50",
    ] {
      #expect(printed.output.split(separator: "\n").contains { $0 == line }, "missing: \(line)")
    }
    for bad in [
      ["--user", "root; rm", "--db", "/srv/m.db"], ["--user", "kiosk", "--db", "relative.db"],
      ["--user", "kiosk", "--db", "/srv/my muster.db"], ["--user", "kiosk", "--muster", "/a\"b"],
      ["--user", "kiosk", "--log", "/var/log/my log"],
      ["--user", "kiosk", "--client-timeout", "0"],
      ["--user", "kiosk", "--max-logins", "0"],
    ] {
      let refused = try CommandRunner.muster(["ssh-config"] + bad, home: home.path)
      #expect(refused.status == 64, "\(bad)")
      #expect(refused.output.isEmpty)
    }
  }

  @Test(arguments: [
    [], ["browse"], ["import"], ["check"], ["list"], ["show"], ["timeline"], ["search"],
    ["export"], ["note"], ["render"], ["keys"], ["kiosk"], ["ssh-config"],
  ])
  func helpReadsAsWrittenAtEightyColumns(command: [String]) throws {
    let help = try CommandRunner.muster(
      command + ["--help"], home: home.path, environment: ["COLUMNS": "80"])
    #expect(help.status == 0, "\(help.errors)")

    // The parser wraps paragraphs itself: a line broken early in the source would show as
    // a short line followed by a word that would have fitted on it.
    let lines = help.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count > 3)
    // (The parser leaves the 80th column free. A line that starts a new entry of the
    // options or subcommands, two spaces in, continues nothing.)
    for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty {
      guard !(next.hasPrefix("  ") && next.dropFirst(2).first != " ") else { continue }
      let word = next.drop { $0 == " " }.prefix { $0 != " " }
      guard let first = word.first, first.isLowercase else { continue }
      #expect(
        line.count + 1 + word.count >= 80,
        "'\(word)' fits on the line before it:\n\(line)\n\(next)")
    }
  }

  @Test func aKioskWithoutItsDatabaseSaysSoAndExits66() throws {
    let result = try muster("kiosk", "--db", home.file("absent.db"))
    #expect(result.status == 66)
    #expect(result.errors.contains("absent.db: no such database file"))
    #expect(!FileManager.default.fileExists(atPath: home.file("absent.db")))
  }

  @Test func anUnreadableQueryNamesItsColumnAndExits64() throws {
    let result = try muster("search", #"abu "kamal"#)
    #expect(result.status == 64)
    #expect(result.errors.contains("column 5: this quote is not closed"))
    let field = try muster("search", "colour:red")
    #expect(field.status == 64)
    #expect(field.errors.contains(#"unknown field "colour:""#))
  }

  @Test func showingTheImamAliBaseGivesItsClaimsWithSourcesAndGrades() throws {
    let result = try muster("show", "site:imam-ali-base", "--as-of", "2020-12-31")

    #expect(result.status == 0, "\(result.errors)")
    let text = result.output
    #expect(text.contains("As of 2020-12-31"))
    #expect(text.contains("IRGC  handed over  control C2"))
    #expect(text.contains("handed over to Russia at Imam Ali base"))
    #expect(text.contains("Russia  planned  control C3 (contested)"))
    #expect(text.contains("C2 North Press Agency: IRGC-affiliated factions evacuate personnel"))
    #expect(
      text.contains("evacuate about 100 personnel from the Imam Ali base to Iraq C2 (contested)"))
  }

  @Test func theFirstRunCreatesTheDefaultDatabaseFromTheBundledDataset() throws {
    let result = try muster("list", "actors", "--json")

    #expect(result.status == 0, "\(result.errors)")
    #expect(FileManager.default.fileExists(atPath: home.path + "/data/muster/muster.db"))
    let page = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    #expect(page?["total"] as? Int == 22)
  }

  @Test func aCopyOfTheBinaryElsewhereStillHasTheBundledDataset() throws {
    let elsewhere = try TemporaryFolder("muster-copy")
    let copy = elsewhere.file("muster")
    try CommandRunner.copyMuster(to: copy)

    let result = try CommandRunner.run(
      copy, ["--db", elsewhere.file("fresh.db"), "show", "actor:fatemiyoun"],
      environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])

    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.contains("Fatemiyoun Brigade"))
    #expect(result.output.contains("≤2,000 personnel"))
  }

  @Test func importAddsADatasetToANewDatabaseAndListsIt() throws {
    let file = try home.write(
      """
      muster: 1
      actors:
        - {id: actor:new-brigade, name: New Brigade, kind: militia, aliases: [Liwa Jadid]}
      """, to: "new.yaml")
    let db = home.file("mine.db")

    let imported = try muster("--db", db, "import", file)
    let listed = try muster("list", "actors", "--db", db)
    let found = try muster("--db", db, "search", "liwa jadid")

    #expect(imported.status == 0, "\(imported.errors)")
    #expect(imported.output.contains("imported 1 actor into"))
    #expect(listed.output.contains("New Brigade"))
    #expect(listed.output.contains("1 of 1 actors"))
    #expect(found.output.contains("actor:new-brigade"))
  }

  @Test func aBrokenFileIsReportedAtItsPositionsAndNothingIsWritten() throws {
    let file = try home.write(
      "muster: 1\nactors:\n  - {id: actor:x, name: X, kind: warlord}\n", to: "broken.yaml")
    let db = home.file("untouched.db")
    _ = try muster("--db", db, "list", "actors")
    let before = try Data(contentsOf: URL(fileURLWithPath: db))

    let checked = try muster("--db", db, "check", file)
    let imported = try muster("--db", db, "import", file)

    #expect(checked.status == 65)
    #expect(checked.errors.contains("broken.yaml:3:34: unknown actor kind 'warlord'"))
    #expect(imported.status == 65)
    #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
  }

  @Test func exitCodesFollowTheConventions() throws {
    #expect(try muster("--version").status == 0)
    #expect(try muster("show", "not-an-id").status == 64)
    #expect(try muster("list", "sites", "--as-of", "2020-13").status == 64)
    #expect(try muster("show", "site:atlantis").status == 66)
    #expect(try muster("import", home.file("absent.yaml")).status == 66)
    let garbage = try home.write(String(repeating: "garbage ", count: 1000), to: "garbage.db")
    let corrupt = try muster("--db", garbage, "list", "actors")
    #expect(corrupt.status == 65)
    #expect(corrupt.errors.contains("not a database"))
  }

  @Test func exportWritesAFileOnlyOnceWithoutForceAndItImportsBack() throws {
    let out = home.file("export.yaml")

    let first = try muster("export", "--format", "dataset", "-o", out)
    let second = try muster("export", "--format", "dataset", "-o", out)
    let forced = try muster("export", "--format", "dataset", "-o", out, "--force")
    let reimported = try muster("--db", home.file("again.db"), "import", out)

    #expect(first.status == 0, "\(first.errors)")
    #expect(second.status == 74)
    #expect(second.errors.contains("pass --force"))
    #expect(forced.status == 0)
    #expect(reimported.status == 0, "\(reimported.errors)")
    #expect(reimported.output.contains("14 events"))
  }

  @Test func dataIsSanitisedBeforeItReachesTheTerminal() throws {
    let file = try home.write(
      """
      muster: 1
      actors:
        - id: actor:evil
          name: "Evil\\e]52;c;SGVsbG8=\\aBrigade\\e[2J"
          kind: militia
          description: "\\e]0;pwned\\a\\u202Egnp.exe"
      """, to: "evil.yaml")
    let db = home.file("evil.db")
    _ = try muster("--db", db, "import", file)

    let shown = try muster("--db", db, "show", "actor:evil")
    let listed = try muster("--db", db, "list", "actors")

    for output in [shown.output, listed.output] {
      #expect(
        !output.unicodeScalars.contains {
          $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E
        })
      #expect(output.contains("Evil␛]52;c;SGVsbG8=␇Brigade␛[2J"))
    }
  }
}
