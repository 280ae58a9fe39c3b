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
