import Testing

@testable import MusterDomain

/// Spellings from this field that must meet under the transliteration key, by the rule that
/// joins them, and spellings of different places and groups that must not.
@Suite struct TransliterationKeyTests {
  /// Vowels and vowel groups: `e`/`i`, `o`/`u`/`ou`/`oo`, `a`/`aa`, `ei`/`ai`/`ay`/`ey`.
  static let vowels: [(String, String)] = [
    ("Hezbollah", "Hizballah"), ("Hezbollah", "Hizbullah"), ("Deir Hafer", "Dayr Hafir"),
    ("Idlib", "Edleb"), ("Homs", "Hims"), ("Mosul", "Mossoul"), ("Erbil", "Irbil"),
    ("Kobani", "Kobane"), ("Manbij", "Menbij"), ("Afrin", "Efrin"), ("Taliban", "Taleban"),
    ("Zainabiyoun", "Zeynabiyun"), ("Mayadin", "Mayadeen"), ("Qasem Soleimani", "Qassim Suleimani"),
    ("Sayyida Zaynab", "Sayeda Zeinab"), ("Tikrit", "Tekrit"), ("Helmand", "Hilmand"),
  ]
  /// Word endings: `-iyah`/`-iya`/`-iyeh`/`-ieh`, `-oun`/`-un`/`-yun`/`-yoon`.
  static let endings: [(String, String)] = [
    ("Nabatieh", "Nabatiyah"), ("Nabatiyeh", "Nabatiya"), ("Dahiyeh", "Dahiya"),
    ("Fatemiyoun", "Fatimiyun"), ("Fatemiyoun", "Fatemioun"), ("Fatimiyyun", "Fatemiyoon"),
    ("Salamiyah", "Salamieh"), ("Hasakah", "Hasakeh"), ("Sukhnah", "Sukhna"),
    ("Raqqah", "Raqqa"),
  ]
  /// Doubled letters and glides: `y`/`i`, `w`/`v`/`ou`.
  static let doublingAndGlides: [(String, String)] = [
    ("Raqqa", "Raqa"), ("Hassakeh", "Hasakah"), ("Fallujah", "Faluja"), ("Haqqani", "Haqani"),
    ("Ta'izz", "Taiz"), ("Baalbek", "Ba'albakk"), ("Mosul", "Mawsil"), ("Hawija", "Huwaija"),
    ("Velayat", "Wilayat"), ("Ras al-Ayn", "Ras al-Ain"), ("Tal Abyad", "Tell Abiad"),
    ("Douma", "Duma"),
  ]
  /// Consonant conventions: qaf as `q`/`k`/`gh`; `dh`/`z`/`d`; `th`/`s`/`t`; `kh`/`h`;
  /// `j`/`dj`; `sh`/`ch`.
  static let consonants: [(String, String)] = [
    ("Quds", "Qods"), ("Quds", "Ghods"), ("Qasem", "Ghassem"), ("Kandahar", "Qandahar"),
    ("Haqq", "Hagh"), ("Qamishli", "Kamishli"), ("Kirkuk", "Karkuk"),
    ("Dhi Qar", "Zi Qar"), ("Dhi Qar", "Di Qar"), ("Uthman", "Osman"), ("Houthi", "Huti"),
    ("Houthi", "Hussi"), ("Khan Shaykhun", "Han Sheyhun"), ("Jebel", "Djebel"),
    ("Jabal", "Djebel"), ("Chiite", "Shiite"), ("Hashd al-Shaabi", "Hachd al-Chaabi"),
    ("Sepah", "Sipah"), ("Palmyra", "Balmyra"),
  ]
  /// Articles and word boundaries.
  static let articles: [(String, String)] = [
    ("ar-Raqqah", "Raqqa"), ("Deir ez-Zor", "Dayr al-Zawr"), ("Deir ez-Zor", "Deirezzor"),
    ("Deir ez-Zor", "Deir ez Zor"), ("Dayr al-Zawr", "Dair Alzour"), ("al-Heri", "Hiri"),
    ("Albu Kamal", "Al Bu Kamal"), ("Asa'ib Ahl al-Haq", "Asaib Ahl ol-Hagh"),
    ("Mazar-i-Sharif", "Mazar-e Sharif"), ("Mazar-i-Sharif", "Mazari Sharif"),
    ("Jalalabad", "Jalal Abad"), ("Ansar Allah", "Ansarullah"),
    ("Kata'ib Hezbollah", "Katayeb Hizballah"),
  ]

  static let matching = vowels + endings + doublingAndGlides + consonants + articles

  @Test func theTableIsLargeEnough() {
    #expect(Self.matching.count >= 60)
    #expect(Self.distinct.count >= 30)
  }

  @Test(arguments: matching)
  func romanisationsOfOneNameMeet(first: String, second: String) {
    #expect(TransliterationKey.sameKey(first, second), "\(first) / \(second)")
    #expect(TransliterationKey.sameKey(second, first), "\(second) / \(first)")
  }

  /// Different places and groups with similar names: one consonant, a vowel's place, or a
  /// letter apart.
  static let distinct: [(String, String)] = [
    ("Hama", "Hamra"), ("Homs", "Hama"), ("Nubl", "Nabk"), ("Duma", "Dumayr"),
    ("Daraa", "Dana"), ("Salamiyah", "Salmiya"), ("Tadmur", "Tadif"), ("Ariha", "Riha"),
    ("Tal Afar", "Tal Abyad"), ("Raqqa", "Rafha"), ("Qusayr", "Qusayba"), ("Baiji", "Balad"),
    ("Kafr Nabl", "Kafr Nabudah"), ("Maarat al-Numan", "Maarat Misrin"), ("Sur", "Tur"),
    ("Sahl", "Tahl"), ("Zara", "Dara"), ("Najaf", "Nafaj"), ("Karbala", "Kerman"),
    ("Tartus", "Tadmur"), ("Azaz", "Afes"), ("Hit", "Hin"), ("Basra", "Busayra"),
    ("Anah", "Amah"), ("Rawa", "Raqqa"), ("Herat", "Heras"), ("Kunduz", "Kunar"),
    ("Ghazni", "Ghazi"), ("Zabul", "Kabul"), ("Badr", "Bakr"), ("Jarabulus", "Tarabulus"),
    ("Mayadin", "Madaya"), ("Manbij", "Mambaj Tall"),
  ]

  @Test(arguments: distinct)
  func differentNamesStayApart(first: String, second: String) {
    #expect(!TransliterationKey.sameKey(first, second), "\(first) / \(second)")
    #expect(!TransliterationKey.sameKey(second, first), "\(second) / \(first)")
  }

  @Test(arguments: [
    ("الرقة", "Raqqa"), ("دير الزور", "Deir ez-Zor"), ("البوكمال", "Albu Kamal"),
    ("فاطميون", "Fatemiyoun"), ("حزب الله", "Hezbollah"), ("الميادين", "Mayadin"),
    ("سپاه", "Sepah"), ("عين العرب", "Ayn al-Arab"), ("تدمر", "Tadmur"),
  ])
  func arabicScriptMeetsLatinNamesBothWays(arabic: String, latin: String) {
    #expect(TransliterationKey.sameKey(latin, arabic), "query \(arabic) for \(latin)")
    #expect(TransliterationKey.sameKey(arabic, latin), "query \(latin) for \(arabic)")
  }

  @Test func arabicScriptKeepsDifferentConsonantsApart() {
    #expect(!TransliterationKey.sameKey("Raqqa", "الرستن"))
    #expect(!TransliterationKey.sameKey("Homs", "حماة"))
  }

  @Test func keysAreVowelledForLatinAndSkeletalForArabic() {
    #expect(TransliterationKey.wordKey("raqqah") == ["raka"])
    #expect(TransliterationKey.wordKey("uthman") == ["atman", "asman"])
    #expect(TransliterationKey.wordKey("الرقه") == ["lrk"])
    let keys = TransliterationKey.nameKeys("Deir ez-Zor").map(\.key)
    #expect(keys.contains("vdarzar"))
    #expect(keys.contains("cdrzr"))
    #expect(keys.contains("vzar"))
  }

  @Test func acronymsHaveNoKeysAndPlaceWordsAreOptional() {
    #expect(TransliterationKey.nameKeys("IRGC").isEmpty)
    #expect(TransliterationKey.nameKeys("SDF").isEmpty)
    #expect(!TransliterationKey.nameKeys("Irgun").isEmpty)
    #expect(TransliterationKey.sameKey("Raqqa town", "الرقة"))
    #expect(TransliterationKey.sameKey("Raqqa town", "Rakka"))
    #expect(TransliterationKey.sameKey("Ar Raqqah governorate", "Raqqa"))
    // A name that is only a place word keeps it.
    #expect(TransliterationKey.nameKeys("Town").map(\.key).contains("vtan"))
  }

  @Test func searchGroupPositionsAreTheirPlacesInAllCases() {
    #expect(SearchGroup.allCases.map(\.position) == Array(SearchGroup.allCases.indices))
  }
}
