extension SearchKey {
  /// `indexText` for ASCII text, about ten times faster than the general path.
  ///
  /// It gives the same tokens (the tests compare the two on random input), which matters
  /// when a million notes are indexed in one import. Plain words are copied straight from the input, lowercased;
  /// only words with joints, apostrophes or articles take the slower compound path.
  enum ASCIIIndexer {
    /// The index text, or `nil` when the text is not all ASCII.
    static func indexText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count + bytes.count / 4 + 16)
      /// A standalone `al`/`el` waiting to join the next word: 0 none, else its first letter.
      var pending: UInt8 = 0
      var index = 0
      let count = bytes.count
      while index < count {
        let byte = bytes[index]
        if byte >= 0x80 { return nil }
        guard isWordByte(byte) else {
          index += 1
          continue
        }
        let start = index
        var isPlain = true
        while index < count {
          let next = bytes[index]
          if next >= 0x80 { return nil }
          if isLetterOrDigit(next) {
            index += 1
          } else if next == UInt8(ascii: "-") || next == UInt8(ascii: "'")
            || next == UInt8(ascii: "`")
          {
            isPlain = false
            index += 1
          } else {
            break
          }
        }
        let length = index - start
        let isArticle =
          length == 2 && bytes[start + 1] | 0x20 == UInt8(ascii: "l")
          && (bytes[start] | 0x20 == UInt8(ascii: "a") || bytes[start] | 0x20 == UInt8(ascii: "e"))
        if isPlain && pending == 0 && !isArticle {
          if !output.isEmpty { output.append(0x20) }
          for offset in start..<index {
            let letter = bytes[offset]
            output.append(letter >= 0x41 && letter <= 0x5A ? letter | 0x20 : letter)
          }
          continue
        }
        compound(UnsafeBufferPointer(rebasing: bytes[start..<index]), &pending, &output)
      }
      if pending != 0 { emit([pending, UInt8(ascii: "l")], &output) }
      return String(decoding: output, as: UTF8.self)
    }

    /// The text in ASCII that every step of indexing treats exactly as it treats `text`, or
    /// `nil` when some scalar has no such stand-in.
    ///
    /// Indexing sees a scalar only through `classify`: what class it is and which letters it
    /// folds to. So a letter that folds to ASCII letters (`ü` to `u`, `Ç` to `c`) stands in
    /// for those letters, and any other mark, joint or separator for `'`, `-` or a space. A
    /// letter folding to other letters (Arabic, say) has none. Place names in Turkish or
    /// Kurdish spelling make one ACLED note in twenty non-ASCII, and the general path took
    /// 40% of an import's folding time for them.
    static func asciiStandIn(for text: String) -> [UInt8]? {
      var bytes: [UInt8] = []
      bytes.reserveCapacity(text.utf8.count)
      var folded: [Unicode.Scalar] = []
      for scalar in text.unicodeScalars {
        if scalar.isASCII {
          bytes.append(UInt8(scalar.value))
          continue
        }
        folded.removeAll(keepingCapacity: true)
        switch SearchKey.classify(scalar, into: &folded) {
        case .letter:
          guard !folded.isEmpty else { return nil }
          for letter in folded {
            let value = letter.value
            guard (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) else {
              return nil
            }
            bytes.append(UInt8(value))
          }
        case .ignorable: bytes.append(UInt8(ascii: "'"))
        case .hyphen: bytes.append(UInt8(ascii: "-"))
        case .separator: bytes.append(UInt8(ascii: " "))
        }
      }
      return bytes
    }

    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x30 && byte <= 0x39)
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
      isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'")
        || byte == UInt8(ascii: "`")
    }

    static func emit(_ token: [UInt8], _ output: inout [UInt8]) {
      if !output.isEmpty { output.append(0x20) }
      output.append(contentsOf: token)
    }

    /// A word with joints or apostrophes, after an article, or that is an article itself.
    static func compound(
      _ run: UnsafeBufferPointer<UInt8>, _ pending: inout UInt8, _ output: inout [UInt8]
    ) {
      var parts: [[UInt8]] = []
      if pending != 0 {
        parts.append([pending, UInt8(ascii: "l")])
        pending = 0
      }
      var part: [UInt8] = []
      for byte in run {
        if byte == UInt8(ascii: "-") {
          if !part.isEmpty {
            parts.append(part)
            part = []
          }
        } else if byte != UInt8(ascii: "'") && byte != UInt8(ascii: "`") {
          part.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
      }
      if !part.isEmpty { parts.append(part) }
      guard !parts.isEmpty else { return }
      if parts.count == 1 {
        let only = parts[0]
        if only == [UInt8(ascii: "a"), UInt8(ascii: "l")]
          || only == [UInt8(ascii: "e"), UInt8(ascii: "l")]
        {
          pending = only[0]
          return
        }
        emit(only, &output)
        return
      }
      let hasArticle = SearchKey.articles.contains(String(decoding: parts[0], as: UTF8.self))
      let rest = hasArticle ? Array(parts.dropFirst()) : parts
      var tokens = rest
      tokens.append(parts.flatMap { $0 })
      if hasArticle && rest.count > 1 { tokens.append(rest.flatMap { $0 }) }
      var emitted: [[UInt8]] = []
      for token in tokens where !emitted.contains(token) {
        emitted.append(token)
        emit(token, &output)
      }
    }
  }
}
