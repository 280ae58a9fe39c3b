import MusterCurses
import Testing

@Suite struct CursesLibraryTests {
  @Test func theWideCharacterNcursesSixIsLinked() {
    #expect(CursesLibrary.version.hasPrefix("ncurses 6."))
  }
}
