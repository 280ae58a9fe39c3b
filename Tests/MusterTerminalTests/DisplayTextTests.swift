import MusterTerminal
import Testing

@Suite struct DisplayTextTests {
  @Test(arguments: [
    ("Albu Kamal", 10), ("البوكمال", 8), ("e\u{301}", 1), ("日本", 4), ("🇸🇾", 4), ("", 0),
  ])
  func widthsDoNotDependOnTheLocale(text: String, width: Int) {
    #expect(DisplayText(text).width == width)
  }

  @Test func controlsBecomeVisiblePlaceholders() {
    #expect(DisplayText("a\u{1B}[2Jb").description == "a␛[2Jb")
    #expect(DisplayText("bell\u{07}").description == "bell␇")
    #expect(DisplayText("nul\u{0}").description == "nul␀")
    #expect(DisplayText("del\u{7F}").description == "del␡")
    #expect(DisplayText("c1\u{9B}31m").description == "c1\u{FFFD}31m")
    #expect(DisplayText("line\nbreak").description == "line␊break")
  }

  @Test func bidiOverridesAndInvisibleFormatCharactersAreShown() {
    #expect(DisplayText("abc\u{202E}fdp.exe").description == "abc\u{FFFD}fdp.exe")
    #expect(DisplayText("zero\u{200B}width").description == "zero\u{FFFD}width")
    #expect(DisplayText("\u{2066}x\u{2069}").description == "\u{FFFD}x\u{FFFD}")
  }

  @Test func aPersianZeroWidthNonJoinerInsideAWordIsKept() {
    let text = DisplayText("می\u{200C}خواهم")

    #expect(text.description == "می\u{200C}خواهم")
    #expect(text.width == 7)
  }

  @Test func tabsBecomeSpacesToTheNextStop() {
    #expect(DisplayText("a\tb").description == "a   b")
    #expect(DisplayText("abcd\te").description == "abcd    e")
  }

  @Test func invalidUTF8BecomesReplacementCharacters() {
    let text = DisplayText(utf8: [0x41, 0xFF, 0xC3, 0x42])

    #expect(text.description == "A\u{FFFD}\u{FFFD}B")
  }

  @Test func combiningStacksAreCappedAndLoneMarksGetABase() {
    let zalgo = "a" + String(repeating: "\u{0301}", count: 40)

    let text = DisplayText(zalgo)

    #expect(text.width == 1)
    #expect(text.characters.first?.character.unicodeScalars.count == 1 + DisplayText.maximumMarks)
    #expect(DisplayText("\u{0301}x").description.unicodeScalars.first == "\u{25CC}")
  }

  @Test func truncationNeverSplitsAWideCharacter() {
    let text = DisplayText("日本語のテキスト")

    #expect(text.truncated(toWidth: 6).description == "日本…")
    #expect(text.truncated(toWidth: 6).width == 5)
    #expect(text.fitted(toWidth: 6).width == 6)
    #expect(DisplayText("short").fitted(toWidth: 8).description == "short   ")
  }
}

/// Regression (hostile data): only the part of a long text that fits is sanitised.
///
/// A 1 MB name was sanitised whole on every frame, though a row shows forty columns of it; opening a record with 1 MB notes took 5 s in a debug
/// build. Only what fits is sanitised now.
@Suite struct DisplayTextPrefixTests {
  @Test(arguments: [0, 1, 5, 10, 39, 80])
  func thePrefixTruncatesExactlyAsTheWholeDoes(width: Int) {
    let text = "中文 e\u{301}\u{302} \u{1B}[31mred 👍🏽 tab\there " + String(repeating: "ab", count: 100)
    let prefix = DisplayText(text, upToWidth: width)
    #expect(prefix.truncated(toWidth: width) == DisplayText(text).truncated(toWidth: width))
    #expect(prefix.width <= width + 2)
  }

  @Test func aMegabyteCostsOnlyWhatFits() {
    let huge = String(repeating: "a 1 MB note. ", count: 80_000)
    let prefix = DisplayText(huge, upToWidth: 40)
    #expect(prefix.characters.count == 42 || prefix.characters.count == 41)
    #expect(prefix.truncated(toWidth: 40).description.hasSuffix("…"))
  }
}

/// Inputs the sanitiser fuzzer found (Tests/Fuzz/fuzz-sanitiser), kept as regression tests.
@Suite struct SanitiserFuzzFindingsTests {
  static let found: [[UInt8]] = [
    [
      82, 101, 100, 32, 27, 91, 51, 49, 109, 114, 101, 100, 32, 27, 93, 53, 50, 59, 99, 59, 201,
      158, 184, 148, 194, 248, 223, 64, 155, 32, 226, 128, 174, 32, 98, 105, 100, 105, 32, 240, 159,
      9, 9, 9, 9, 9, 127, 127, 9, 20, 173, 9, 9, 172, 172, 110, 101, 99, 127, 68, 101, 99, 111, 100,
      97, 91, 32, 226, 128, 174, 32, 98, 105, 100, 105, 32, 240, 159, 9, 9, 9, 9, 9, 127, 127, 9,
      20, 173, 9, 141, 240, 159, 143, 189, 32, 101, 204, 129, 98,
    ]
  ]

  @Test(arguments: found)
  func moreFoundInputsHoldTheSameRules(bytes: [UInt8]) {
    let text = DisplayText(utf8: bytes)
    let width = bytes.count % 97
    #expect(text.truncated(toWidth: width).width <= width)
    let prefix = DisplayText(String(decoding: bytes, as: UTF8.self), upToWidth: width)
    #expect(prefix.truncated(toWidth: width) == text.truncated(toWidth: width))
    for line in text.wrapped(toWidth: max(1, width)) { #expect(line.width <= max(1, width)) }
  }

  @Test func c1BytesThenTextTruncateAndWrapWithinTheirWidth() {
    let bytes: [UInt8] = [
      157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157,
      157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157, 157,
      157, 82, 97, 110, 103, 101, 82, 101, 112, 143, 173, 240, 159, 143, 173, 36, 101, 99, 111, 100,
      0, 97, 240, 159, 143, 173, 32, 101, 100, 97, 98, 108, 97, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 159, 143,
    ]
    let text = DisplayText(utf8: bytes)
    for character in text.characters {
      for scalar in character.character.unicodeScalars {
        #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
      }
    }
    let width = bytes.count % 97
    #expect(text.truncated(toWidth: width).width <= width)
    let prefix = DisplayText(String(decoding: bytes, as: UTF8.self), upToWidth: width)
    #expect(prefix.truncated(toWidth: width) == text.truncated(toWidth: width))
    for line in text.wrapped(toWidth: max(1, width)) { #expect(line.width <= max(1, width)) }
  }

  @Test func printableASCIIIsShownAsItIsAndNothingElseTakesThatPath() {
    #expect(DisplayText.isPrintableASCII("Albu Kamal (town) ~ 100%"))
    #expect(DisplayText("Albu Kamal (town) ~ 100%").description == "Albu Kamal (town) ~ 100%")
    #expect(DisplayText("Albu Kamal").width == 10)
    for hostile in ["red \u{1B}[31m", "bell \u{07}", "tab\there", "del \u{7F}", "é", "line\nbreak"]
    {
      #expect(!DisplayText.isPrintableASCII(hostile), "\(hostile.debugDescription)")
    }
    #expect(!DisplayText("red \u{1B}[31m").description.contains("\u{1B}"))
  }
}
