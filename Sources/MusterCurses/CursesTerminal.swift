import CCurses
import MusterTerminal

/// Facts about the ncurses library Muster is linked with.
public enum CursesLibrary {
  /// The version string ncurses reports, such as `ncurses 6.4.20221231`.
  public static var version: String { String(cString: ccurses_version()) }
}
