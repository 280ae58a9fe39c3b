import MusterDomain
import MusterTerminal
import Testing

@testable import MusterUI

/// The note editor's model: cursor keys, deletions, wide and combined characters, scrolling.
@Suite struct NoteEditorTests {
  func editor(_ text: String) -> LineEditor {
    var editor = LineEditor()
    editor.insert(text)
    return editor
  }

  @Test func typingInsertsAtTheCursorAndTheCursorKeysMoveIt() {
    var editor = editor("acd")
    editor.apply(.left)
    editor.apply(.left)
    editor.insert("b")
    #expect(editor.text == "abcd")
    #expect(editor.cursor == 2)
    editor.apply(.start)
    editor.insert(">")
    editor.apply(.end)
    editor.insert("<")
    #expect(editor.text == ">abcd<")
    editor.apply(.right)
    #expect(editor.cursor == 6, "Right stops at the end")
    editor.apply(.start)
    editor.apply(.left)
    #expect(editor.cursor == 0, "Left stops at the start")
  }

  @Test func backspaceAndDeleteRemoveBeforeAndUnderTheCursor() {
    var editor = editor("abcd")
    editor.apply(.left)
    editor.apply(.deleteBackward)
    #expect(editor.text == "abd")
    editor.apply(.deleteForward)
    #expect(editor.text == "ab")
    editor.apply(.deleteForward)
    #expect(editor.text == "ab", "Delete at the end does nothing")
    editor.apply(.start)
    editor.apply(.deleteBackward)
    #expect(editor.text == "ab", "Backspace at the start does nothing")
  }

  @Test func wideAndCombinedCharactersAreSteppedOverAndDeletedWhole() {
    // A CJK character (two columns), an emoji with a skin tone, e with a combining acute.
    var editor = editor("中👍🏽e\u{301}x")
    #expect(editor.characters.count == 4)
    editor.apply(.left)
    editor.apply(.deleteBackward)
    #expect(editor.text == "中👍🏽x")
    editor.apply(.left)
    editor.apply(.deleteBackward)
    #expect(editor.text == "👍🏽x")
    let (shown, column) = editor.visible(width: 10)
    #expect(shown.description == "👍🏽x")
    #expect(column == 0)
  }

  @Test func controlCharactersNeverEnterAndLineBreaksBecomeSpaces() {
    let editor = editor("a\u{1B}[31mb\u{7}\u{9B}c\nd\te")
    #expect(editor.text == "a[31mbc d e")
  }

  @Test func theVisiblePartFollowsTheCursorInColumnsNotCharacters() {
    var editor = editor("0123456789中中")
    // Width 6: the end shows, the cursor after the last wide character.
    var (shown, column) = editor.visible(width: 6)
    #expect(shown.width <= 6)
    #expect(shown.description.hasSuffix("中中"))
    #expect(column == shown.width)
    editor.apply(.start)
    (shown, column) = editor.visible(width: 6)
    #expect(shown.description == "012345")
    #expect(column == 0)
  }

  @Test func theLimitCutsInsertedText() {
    var editor = LineEditor(limit: 5)
    editor.insert("abcdefgh")
    #expect(editor.text == "abcde")
    editor.insert("x")
    #expect(editor.text == "abcde")
  }
}
