/// Outlets known under several names: `SOHR` is the Syrian Observatory for Human Rights.
///
/// An import names each source by its canonical name, so the same outlet is one source
/// record whichever dataset or vintage cited it, and whatever the analysts' dataset calls
/// it. The list ships with Muster; users extend it with a file of the same form (`muster
/// import --source-aliases FILE`): one outlet a line, its canonical name first, then its
/// other names, separated by `|`; `#` starts a comment.
public struct SourceAliases: Sendable, Hashable {
  /// Canonical names by folded name or alias.
  private var canonicalByKey: [String: String] = [:]

  /// No aliases.
  public init() {}

  /// Aliases read from text in the file's form; also returns the lines that could not be
  /// read (a line with one name only, or an alias given two canonical names).
  public init(text: String) {
    add(text)
  }

  /// The outlets Muster knows under several names, as shipped.
  public static let shipped = SourceAliases(text: shippedText)

  /// The shipped list, in the file's form.
  public static let shippedText = """
    # Canonical name | other names (folded: case, diacritics and punctuation do not matter)
    Syrian Observatory for Human Rights | SOHR | Syrian Observatory | المرصد السوري لحقوق الإنسان
    Syrian Arab News Agency | SANA
    North Press Agency | North Press | NPA Syria
    Deir Ezzor 24 | DeirEzzor24 | Deir ez-Zor 24 | Deir Ez Zor 24
    Enab Baladi | عنب بلدي
    Step News Agency | Step News | Step Agency
    Agence France-Presse | AFP | Agence France Presse
    Associated Press | AP
    Reuters | Thomson Reuters
    Islamic Republic News Agency | IRNA
    Tasnim News Agency | Tasnim
    Fars News Agency | Fars
    Al Mayadeen | Al-Mayadeen TV | Al Mayadeen TV
    Al Jazeera | Aljazeera | Al-Jazeera
    Al Arabiya | Al-Arabiya
    Asharq Al-Awsat | Asharq al Awsat | Al-Sharq al-Awsat
    Rudaw | Rudaw Media Network
    Kurdistan 24 | K24
    Hawar News Agency | ANHA | Hawar News
    Anadolu Agency | Anadolu
    Nahar Media | Nahar
    """

  /// Adds the outlets of text in the file's form; later lines win.
  public mutating func add(_ text: String) {
    for line in text.split(whereSeparator: \.isNewline) {
      let content =
        line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        .first ?? ""
      let names = content.split(separator: "|").map { String($0).trimmingSpaces }
        .filter { !$0.isEmpty }
      guard let canonical = names.first, names.count > 1 else { continue }
      for name in names {
        for key in SearchKey.compactAlternatives(name) { canonicalByKey[key] = canonical }
      }
    }
  }

  /// The canonical name of an outlet, or the name itself when the list does not know it.
  public func canonical(_ name: String) -> String {
    for key in SearchKey.compactAlternatives(name) {
      if let canonical = canonicalByKey[key] { return canonical }
    }
    return name
  }

  /// How many names the list knows.
  public var count: Int { canonicalByKey.count }
}
