import MusterDomain
import Yams

/// Checks that need the whole file: duplicate ids, unknown references, cycles, via paths.
struct DatasetValidator {
  let dataset: Dataset
  let positions: SourcePositions
  let known: (RecordReference) -> Bool

  mutating func validate(into reader: inout NodeReader) {
    for (record, marks) in positions.definitions where marks.count > 1 {
      let first = marks[0].map { "line \($0.line)" } ?? "earlier"
      for mark in marks.dropFirst() {
        reader.problem(
          at: mark,
          "duplicate id '\(record.rawValue)', first defined at \(first); expected each id once")
      }
    }
    for reference in positions.references
    where positions.definitions[reference.target] == nil && !known(reference.target) {
      reader.problem(
        at: reference.mark,
        "unknown \(reference.target.kind.singular) '\(reference.target.rawValue)' "
          + "(referenced by \(reference.from)); expected the id of a \(reference.target.kind.singular) "
          + "defined in this file or already in the database")
    }
    checkDocumentCycles(&reader)
    checkSiteCycles(&reader)
    checkViaPaths(&reader)
  }

  func checkDocumentCycles(_ reader: inout NodeReader) {
    let cites = Dictionary(
      dataset.documents.map { ($0.id, $0.cites) }, uniquingKeysWith: { first, _ in first })
    for document in dataset.documents {
      var stack = document.cites
      var seen: Set<ID<Document>> = []
      while let next = stack.popLast() {
        if next == document.id {
          let record = document.id.reference(.document)
          reader.problem(
            at: positions.fields[record]?["cites"] ?? nil,
            "document \(document.id) quotes itself through its cites; expected a chain that ends")
          break
        }
        if seen.insert(next).inserted { stack += cites[next] ?? [] }
      }
    }
  }

  func checkSiteCycles(_ reader: inout NodeReader) {
    let parents = Dictionary(
      dataset.sites.map { ($0.id, $0.parent) }, uniquingKeysWith: { first, _ in first })
    for site in dataset.sites {
      var current = site.parent
      var steps = 0
      while let next = current, steps <= parents.count {
        if next == site.id {
          let record = site.id.reference(.site)
          reader.problem(
            at: positions.fields[record]?["parent"] ?? nil,
            "site \(site.id) lies in itself through its parents; expected a chain of parents that ends"
          )
          break
        }
        current = parents[next] ?? nil
        steps += 1
      }
    }
  }

  /// Each step of a via path must be quoted by the step before it (the first by the
  /// cited document), when both are in this file.
  func checkViaPaths(_ reader: inout NodeReader) {
    let cites = Dictionary(
      dataset.documents.map { ($0.id, $0.cites) }, uniquingKeysWith: { first, _ in first })
    for path in positions.viaPaths {
      var previous = path.document
      for step in path.via {
        if let quoted = cites[previous], !quoted.contains(step) {
          reader.problem(
            at: path.mark,
            "the via path of a citation in \(path.from) goes from \(previous) to \(step), but "
              + "\(previous) does not cite it; expected each step in the cites of the one before")
          break
        }
        previous = step
      }
    }
  }
}
