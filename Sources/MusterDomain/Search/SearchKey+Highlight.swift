extension SearchKey {
  /// The parts of `text` that a query matches, as ranges of the original text.
  ///
  /// A query word matches where a word, a part of a hyphenated word, or a word without its
  /// article starts with it; the whole query run together also matches across words
  /// (`albukamal` lights up `Albu Kamal`). Ranges are merged and sorted.
  public static func highlights(of query: String, in text: String) -> [Range<String.Index>] {
    let queryGroups = groups(of: query)
    guard !queryGroups.isEmpty else { return [] }
    var needles = Set(queryGroups.flatMap(\.alternatives))
    if queryGroups.count > 1 { needles.formUnion(compactAlternatives(of: queryGroups)) }
    let needleScalars = needles.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }

    let stream = FoldedStream(text)
    var ranges: [Range<String.Index>] = []
    for start in stream.matchStarts {
      for needle in needleScalars where stream.matches(needle, at: start) {
        let end = start + needle.count - 1
        ranges.append(stream.sources[start].lowerBound..<stream.sources[end].upperBound)
      }
    }
    return merged(ranges)
  }

  static func merged(_ ranges: [Range<String.Index>]) -> [Range<String.Index>] {
    var result: [Range<String.Index>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = result.last, range.lowerBound <= last.upperBound {
        result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        result.append(range)
      }
    }
    return result
  }

  /// Text folded scalar by scalar, remembering where each folded scalar came from.
  struct FoldedStream {
    /// The folded letters of every word, words run together.
    var scalars: [Unicode.Scalar] = []
    /// For each folded letter, the original text it came from.
    var sources: [Range<String.Index>] = []
    /// Where a match may start: words, parts after a hyphen, words after an article.
    var matchStarts: [Int] = []

    init(_ text: String) {
      let view = text.unicodeScalars
      var index = view.startIndex
      var output: [Unicode.Scalar] = []
      var wordStart = 0
      var partStarts: [Int] = []
      var atWordStart = true
      var afterHyphen = false

      func finishWord(_ stream: inout FoldedStream) {
        let wordLength = stream.scalars.count - wordStart
        guard wordLength > 0 else { return }
        stream.matchStarts.append(wordStart)
        stream.matchStarts.append(contentsOf: partStarts)
        if partStarts.isEmpty, wordLength > 3, stream.scalars[wordStart] == "\u{0627}",
          stream.scalars[wordStart + 1] == "\u{0644}"
        {
          stream.matchStarts.append(wordStart + 2)
        }
      }

      while index < view.endIndex {
        let next = view.index(after: index)
        output.removeAll(keepingCapacity: true)
        switch SearchKey.classify(view[index], into: &output) {
        case .letter:
          if atWordStart {
            wordStart = scalars.count
            partStarts = []
            atWordStart = false
          } else if afterHyphen {
            partStarts.append(scalars.count)
          }
          afterHyphen = false
          for scalar in output {
            scalars.append(scalar)
            sources.append(index..<next)
          }
        case .ignorable:
          break
        case .hyphen:
          afterHyphen = !atWordStart
        case .separator:
          if !atWordStart { finishWord(&self) }
          atWordStart = true
          afterHyphen = false
        }
        index = next
      }
      if !atWordStart { finishWord(&self) }
    }

    func matches(_ needle: [Unicode.Scalar], at start: Int) -> Bool {
      guard start + needle.count <= scalars.count else { return false }
      for offset in needle.indices where scalars[start + offset] != needle[offset] {
        return false
      }
      return true
    }
  }
}

/// A stretch of text around a match, with the matched parts marked.
public struct Snippet: Hashable, Sendable {
  /// The text, on one line, with `…` where it was cut.
  public let text: String
  /// The matched parts, as character offsets into `text`.
  public let highlights: [Range<Int>]

  /// A snippet from its fields.
  public init(text: String, highlights: [Range<Int>]) {
    self.text = text
    self.highlights = highlights
  }
}

extension SearchKey {
  /// The part of `text` around the first match of `query`, at most about `width`
  /// characters, on one line; `nil` when the query does not match the text.
  public static func snippet(of query: String, in text: String, width: Int = 80) -> Snippet? {
    let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    let ranges = highlights(of: query, in: flat)
    guard let first = ranges.first else { return nil }
    let characters = Array(flat)
    let offsets = ranges.map {
      flat.distance(
        from: flat.startIndex, to: $0.lowerBound)..<flat.distance(
          from: flat.startIndex, to: $0.upperBound)
    }
    let matchStart = flat.distance(from: flat.startIndex, to: first.lowerBound)
    let lead = min(matchStart, max(8, width / 4))
    var start = matchStart - lead
    let end = min(characters.count, start + width)
    if end - start < width { start = max(0, end - width) }
    let prefix = start > 0 ? "…" : ""
    let suffix = end < characters.count ? "…" : ""
    let shift = prefix.count - start
    let visible = offsets.compactMap { range -> Range<Int>? in
      let lower = max(range.lowerBound, start)
      let upper = min(range.upperBound, end)
      return lower < upper ? (lower + shift)..<(upper + shift) : nil
    }
    return Snippet(
      text: prefix + String(characters[start..<end]) + suffix, highlights: visible)
  }
}
