import Foundation
import MusterTestSupport
import Testing

/// Search by another romanisation, another script or a misspelling, as the commands and the
/// browser show it: `search --explain`, `search --json` and the detail of a result.
@Suite struct SpellingCommandTests {
  let folder: TemporaryFolder
  let database: String

  init() throws {
    folder = try TemporaryFolder("muster-spelling")
    database = folder.file("muster.db")
    let created = try CommandRunner.muster(["--db", database, "list", "sites"], home: folder.path)
    try #require(created.status == 0, "\(created.errors)")
  }

  func muster(_ arguments: [String]) throws -> String {
    let result = try CommandRunner.muster(["--db", database] + arguments, home: folder.path)
    try #require(result.status == 0, "\(result.errors)")
    return result.output
  }

  @Test func explainPrintsTheKeysEachTierAndTheNameThatMatched() throws {
    let lines = try muster(["search", "--explain", "Dayr al-Zour"]).split(separator: "\n")

    #expect(lines.first == "folded: dayralzour, dayrzour")
    #expect(lines.dropFirst().first == "keys: daralzar, darzar, consonants drlzr, consonants drzr")
    let top = try #require(lines.dropFirst(2).first)
    #expect(top.hasPrefix("transliteration  site   Deir ez-Zor"))
    #expect(top.contains("matched as: «Deir ez-Zor» (key darzar)"))
  }

  @Test func jsonCarriesTheTierAndTheMatchedName() throws {
    let data = Data(try muster(["search", "--json", "Abou Kemal"]).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let hit = try #require((object["hits"] as? [[String: Any]])?.first)

    #expect(hit["record"] as? String == "site:albu-kamal")
    #expect(hit["tier"] as? String == "transliteration")
    let matched = try #require(hit["matched"] as? [String: Any])
    #expect(matched["name"] as? String == "Abu Kamal")
    #expect(matched["isAlias"] as? Bool == true)
    #expect(matched["key"] as? String == "abakamal")
  }

  @Test func theDetailOfAResultSaysHowItMatched() throws {
    func screen(_ keys: String) throws -> String {
      try muster(["render", "--size", "120x30", "--keys", keys])
    }
    #expect(
      try screen("/ H i z b o l a h Enter").contains("matched as: «Hezbollah» (key hazbala)"))
    #expect(
      try screen("/ A b u Space K a m a k Enter").contains("close match to alias «Abu Kamal»"))
    // Each row says how it matched when the query did not spell its name.
    let rows = try screen("/ A b o u Space K e m a l")
    #expect(rows.contains("Albu Kamal             ≈ «Abu Kamal»"))
    #expect(try screen("/ H i z b a l l a h").contains("Hezbollah              alias «Hizballah»"))
    // An exact name needs no explanation.
    #expect(!(try screen("/ H e z b o l l a h Enter").contains("matched as")))
  }

  @Test func anArabicScriptQueryFindsAPlaceImportedWithLatinNamesOnly() throws {
    let export = folder.file("ucdp.csv")
    try """
    id,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,source_article,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,country,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low
    900001,2017,1,Syria: Government,Government of Syria - IS,Government of Syria,IS,"Test source",1,Raqqa town,Ar Raqqah governorate,,35.95,39.01,Syria,1,2017-06-06,2017-06-06,1,1,0,0,2,2,2
    """.write(toFile: export, atomically: true, encoding: .utf8)
    _ = try muster(["import", export])

    let lines = try muster(["search", "--explain", "الرقة"]).split(separator: "\n")

    let top = try #require(lines.dropFirst(2).first)
    #expect(top.hasPrefix("transliteration  site"))
    #expect(top.contains("Raqqa town"))
  }
}
