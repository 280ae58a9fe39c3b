import CCurses
import MusterTerminal
import Testing

@testable import MusterCurses

@Suite struct CursesKeysTests {
  @Test(
    arguments: [
      (0x0D, Key.enter), (0x0A, .enter), (0x09, .tab), (0x1B, .escape), (0x7F, .backspace),
      (0x08, .backspace), (0x03, .control("c")), (0x0C, .control("l")), (0x6A, .character("j")),
      (0x0628, .character("ب")), (0x65E5, .character("日")),
    ] as [(UInt32, Key)])
  func rawCharactersBecomeKeys(value: UInt32, key: Key) {
    #expect(CursesKeys.key(forCharacter: value) == key)
  }

  @Test func controlsMusterDoesNotBindAndC1ControlsAreDropped() {
    for value: UInt32 in [0x00, 0x1C, 0x1F, 0x85, 0x9B] {
      #expect(CursesKeys.key(forCharacter: value) == nil)
    }
  }

  @Test func keyCodesBecomeKeys() {
    #expect(CursesKeys.key(forCode: KEY_UP) == .up)
    #expect(CursesKeys.key(forCode: KEY_NPAGE) == .pageDown)
    #expect(CursesKeys.key(forCode: KEY_BTAB) == .backTab)
    #expect(CursesKeys.key(forCode: KEY_F0 + 1) == .function(1))
    #expect(CursesKeys.key(forCode: KEY_F0 + 12) == .function(12))
    #expect(CursesKeys.key(forCode: KEY_F0 + 13) == nil)
    #expect(CursesKeys.key(forCode: KEY_RESIZE) == nil)
  }
}

@Suite struct ColorMappingTests {
  @Test func theDefaultColourIsTheTerminalsOwn() {
    for depth in [8, 16, 256] {
      #expect(ColorMapping.number(for: .default, depth: depth).number == -1)
    }
  }

  @Test func sixteenAndMoreColoursKeepBrightShades() {
    #expect(ColorMapping.number(for: .brightBlack, depth: 16).number == 8)
    #expect(ColorMapping.number(for: .cyan, depth: 256).number == 6)
    #expect(ColorMapping.number(for: .palette(208), depth: 256).number == 208)
  }

  @Test func eightColoursStandInForBrightShadesWithBoldAndDim() {
    let brightRed = ColorMapping.number(for: .brightRed, depth: 8)
    #expect(brightRed.number == 1 && brightRed.brighten)
    let grey = ColorMapping.number(for: .brightBlack, depth: 8)
    #expect(grey.number == -1 && grey.dim)
    #expect(ColorMapping.number(for: .red, depth: 8) == .init(number: 1))
  }

  @Test func paletteEntriesFallToTheNearestBasicColour() {
    #expect(ColorMapping.basic(forPalette: 196) == 9)  // pure red
    #expect(ColorMapping.basic(forPalette: 21) == 4 || ColorMapping.basic(forPalette: 21) == 12)
    #expect(ColorMapping.basic(forPalette: 232) == 0)  // near black
    #expect(ColorMapping.basic(forPalette: 255) == 7 || ColorMapping.basic(forPalette: 255) == 15)
    #expect(ColorMapping.number(for: .palette(46), depth: 16).number == 10)  // green
  }
}
