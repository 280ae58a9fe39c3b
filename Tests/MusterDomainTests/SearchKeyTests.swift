import Testing

@testable import MusterDomain

@Suite struct SearchKeyTests {
  @Test(arguments: [
    ("Albu Kamal", "albu kamal"), ("ALBU KAMAL", "albu kamal"), ("Al-Bukamal", "albukamal"),
    ("Kata'ib Hezbollah", "kataib hezbollah"), ("Kataʾib", "kataib"),
    ("Dayr az-Zawr", "dayr azzawr"),
    ("Ḥarakat al-Nujabāʾ", "harakat alnujaba"), ("Şanlıurfa", "sanliurfa"),
    ("Æbeltoft", "aebeltoft"),
    ("e\u{301}", "e"), ("Straße", "strasse"), ("ＡＢＣ１２", "abc12"),
  ])
  func foldingLowercasesAndRemovesDiacriticsAndJoints(text: String, folded: String) {
    #expect(SearchKey.fold(text) == folded)
  }

  @Test func arabicScriptIsNormalised() {
    // Alef variants, taa marbuta, alef maqsura, tatweel, harakat, Persian yeh and keheh.
    #expect(SearchKey.fold("أإآٱا") == "ااااا")
    #expect(SearchKey.fold("مدينة") == "مدينه")
    #expect(SearchKey.fold("مصطفى") == "مصطفي")
    #expect(SearchKey.fold("البـــوكمال") == "البوكمال")
    #expect(SearchKey.fold("البُوكَمَال") == "البوكمال")
    #expect(SearchKey.fold("فاطمیون") == SearchKey.fold("فاطميون"))
    #expect(SearchKey.fold("کتائب") == SearchKey.fold("كتائب"))
    #expect(SearchKey.fold("٢٠٢٠") == "2020")
  }

  @Test func articlesAreMatchedWithAndWithoutThem() {
    #expect(SearchKey.queryAlternatives("al-Heri") == [["alheri", "heri"]])
    #expect(SearchKey.queryAlternatives("Al Bukamal") == [["albukamal", "bukamal"]])
    #expect(SearchKey.queryAlternatives("البوكمال") == [["البوكمال", "بوكمال"]])
    #expect(SearchKey.indexText("al-Heri") == "heri alheri")
    #expect(SearchKey.indexText("Deir ez-Zor") == "deir zor ezzor")
  }

  @Test func hyphenatedWordsAreIndexedWholeAndInParts() {
    #expect(SearchKey.indexText("pro-Iranian militias") == "pro iranian proiranian militias")
  }

  @Test func namesGetWholeAndTailKeys() {
    let keys = SearchKey.nameKeys("Albu Kamal").map { "\($0.key)@\($0.wordOffset)" }

    #expect(keys == ["albukamal@0", "kamal@1"])
  }

  @Test(arguments: [
    ("Abu Kamal", ["Abu Kamal"]), ("Al-Bukamal", ["Al-Bukamal"]),
    ("albukamal", ["Albu Kamal", "Albukamal"]), ("ALBU KAMAL", ["Albu Kamal"]),
    ("البوكمال", ["البوكمال"]), ("al-Hari", ["al-Hari", "Al Hari"]),
    ("Fatimiyoun", ["Fatimiyoun"]), ("Fatemiyun", ["Fatemiyun"]),
    ("Deir ez-Zor", ["Deir ez-Zor", "Deir Ezzor"]), ("Dayr az-Zawr", ["Dayr az-Zawr"]),
    ("Deir Ezzor", ["Deir ez-Zor", "Deir Ezzor"]),
  ])
  func everySpellingMeetsTheNameKeysOfItsAliases(query: String, names: [String]) {
    let queryKeys = Set(SearchKey.compactAlternatives(query))
    for name in names {
      let nameKeys = Set(SearchKey.nameKeys(name).filter { $0.wordOffset == 0 }.map(\.key))
      #expect(!queryKeys.isDisjoint(with: nameKeys), "\(query) should meet \(name)")
    }
  }

  @Test func highlightsMapMatchesBackOntoTheOriginalText() {
    let text = "Russian forces near Albu Kamal-al-Qaim"

    let ranges = SearchKey.highlights(of: "kam qaim", in: text).map { String(text[$0]) }

    #expect(ranges == ["Kam", "Qaim"])
  }

  @Test func aRunTogetherQueryLightsUpSeveralWords() {
    let text = "Albu Kamal border points"

    #expect(
      SearchKey.highlights(of: "albukamal", in: text).map { String(text[$0]) } == ["Albu Kamal"])
    #expect(
      SearchKey.highlights(of: "bukamal", in: "Al-Bukamal").map { String("Al-Bukamal"[$0]) } == [
        "Bukamal"
      ])
  }

  @Test func snippetsCutAroundTheFirstMatchAndMarkIt() throws {
    let text =
      String(repeating: "filler words ", count: 20) + "the Imam Ali base near Albu Kamal"
      + String(repeating: " tail", count: 30)

    let snippet = try #require(SearchKey.snippet(of: "imam", in: text, width: 40))

    #expect(snippet.text.hasPrefix("…"))
    #expect(snippet.text.hasSuffix("…"))
    let marked = snippet.highlights.map { range in
      String(Array(snippet.text)[range])
    }
    #expect(marked == ["Imam"])
    #expect(SearchKey.snippet(of: "absent", in: text) == nil)
  }

  @Test func theFoldTableCoversLatin1AndLatinExtendedA() {
    for scalar in (0x00C0...0x017F).compactMap(Unicode.Scalar.init)
    where scalar.properties.isAlphabetic {
      let folded = SearchKey.fold(String(scalar))
      #expect(folded.unicodeScalars.allSatisfy { $0.isASCII }, "\(scalar) folded to \(folded)")
    }
  }
}

@Suite struct SearchKeyFastPathTests {
  /// Fewer than `atMost` of `pieces` run together, the same for a seed on every run.
  static func seededText(_ seed: Int, from pieces: [String], atMost: Int) -> String {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    return (0..<next(atMost)).map { _ in pieces[next(pieces.count)] }.joined()
  }

  /// The ASCII fast path of `indexText` gives exactly what the general path gives.
  @Test(arguments: 1...300)
  func theASCIIPathAgreesWithTheGeneralPath(seed: Int) {
    let pieces = [
      "al", "el", "Al", "az", "ash", "-", "-", "'", "`", " ", " ", ",", ".", "Heri", "Zor", "x",
      "Deir", "ez", "pro", "Iranian", "2020", "kata", "ib", "(", ")", "AL", "a", "e", "l",
    ]
    let text = Self.seededText(seed, from: pieces, atMost: 20)

    #expect(SearchKey.indexText(text) == SearchKey.indexTextGeneral(text), "\(text)")
  }

  @Test(arguments: 1...2_000)
  func textWithASCIIStandInsAgreesWithTheGeneralPath(seed: Int) {
    // Latin letters with marks, a dotless i, ß and ligatures, marks and apostrophes that are
    // ignored, joints and spaces beyond ASCII, fullwidth and Arabic-Indic digits; then
    // letters with no ASCII stand-in (Arabic, Cyrillic, Greek) and an emoji.
    let pieces = [
      "al", "el", "Al", "ash", "-", "'", " ", ",", "Heri", "Zor", "x", "Deir", "ez", "2020",
      "ü", "ı", "ş", "ö", "ğ", "Ç", "Ö", "ç", "é", "Å", "ß", "ﬁ", "Æ", "İ", "ñ", "Ł", "ø",
      "\u{301}", "\u{2019}", "\u{02BC}", "\u{00AD}", "\u{200D}", "\u{2010}", "\u{00A0}",
      "\u{3000}", "\u{FF12}", "\u{0663}", "Ｚ", "Dağören", "Şırnak", "Çarşı", "el-Ḥasakah",
      "دير", "الزور", "Москва", "Αθήνα", "🙂", "\u{0640}",
    ]
    let text = Self.seededText(seed, from: pieces, atMost: 24)

    #expect(SearchKey.indexText(text) == SearchKey.indexTextGeneral(text), "\(text)")
  }

  @Test func turkishPlaceNamesTakeTheASCIIStandIn() {
    let text = "On 24 November, protesters gathered in Dağören (Şırnak) near the Çarşı."

    #expect(SearchKey.ASCIIIndexer.asciiStandIn(for: text) != nil)
    #expect(SearchKey.ASCIIIndexer.asciiStandIn(for: "Dayr az-Zawr دير الزور") == nil)
    #expect(SearchKey.indexText(text).contains("dagoren sirnak"))
  }
}
