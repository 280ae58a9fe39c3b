/// Typo tolerance for name words: how many edits a word may be off, the trigrams that find
/// candidates, and the edit distance that decides.
public enum CloseMatch {
  /// Edits allowed for a folded word of `length` letters: none below 4, one for 4–7, two
  /// above.
  public static func allowedEdits(forLength length: Int) -> Int {
    switch length {
    case ..<4: 0
    case 4...7: 1
    default: 2
    }
  }

  /// The trigrams of a folded word padded with `^` and `$`.
  ///
  /// `kamal` is `^ka`, `kam`, `ama`, `mal`, `al$`. A word `n` letters long has `n` of them, and one edit changes at most
  /// three (a swap of neighbours four), so a word within `k` edits shares at least
  /// `n - 4k` with it.
  public static func trigrams(_ word: String) -> [String] {
    let scalars: [Unicode.Scalar] = ["^"] + Array(word.unicodeScalars) + ["$"]
    guard scalars.count >= 3 else { return [] }
    var grams: [String] = []
    var seen: Set<String> = []
    for start in 0...(scalars.count - 3) {
      let gram = String(String.UnicodeScalarView(scalars[start..<start + 3]))
      if seen.insert(gram).inserted { grams.append(gram) }
    }
    return grams
  }

  /// The edit distance between two words, counting a swap of neighbours as one edit
  /// (optimal string alignment), or `nil` when it is more than `limit`.
  public static func distance(_ first: String, _ second: String, limit: Int) -> Int? {
    let a = Array(first.unicodeScalars)
    let b = Array(second.unicodeScalars)
    guard abs(a.count - b.count) <= limit else { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, before[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return nil }
      (before, previous, current) = (previous, current, before)
    }
    let result = previous[b.count]
    return result <= limit ? result : nil
  }
}
