import MusterDomain
import MusterExport
import MusterImport
import MusterResources
import Testing

enum BundledText {
  static var dataset: String { BundledResources.dataset }
}

@Suite struct RoundTripTests {
  @Test func theBundledDatasetSurvivesEncodingAndReadingBack() throws {
    let original = DatasetReader.read(BundledText.dataset, file: "bundled").dataset

    let yaml = try DatasetEncoder.yaml(original)
    let again = DatasetReader.read(yaml, file: "again.yaml")

    #expect(again.problems.isEmpty, "\(again.problems)")
    #expect(again.dataset == original)
  }

  @Test func awkwardTextSurvivesTheRoundTrip() throws {
    let awkward = [
      "null", "~", "yes", "", " leading space", "trailing ", "multi\nline\n",
      "quote \" and ' and :",
      "- dash", "# hash", "\u{1B}[31mred", "tab\there", "البوكمال", "emoji 🇸🇾", "{braces}",
      "2020-12",
    ]
    let dataset = Dataset(
      title: "t",
      sources: awkward.enumerated().map { index, text in
        Source(
          id: ID("source:s\(index)"), name: text.isEmpty ? "x" : text, kind: .news, reliability: .c,
          note: text)
      })

    let again = DatasetReader.read(try DatasetEncoder.yaml(dataset), file: "a.yaml")

    #expect(again.problems.isEmpty, "\(again.problems)")
    #expect(again.dataset == dataset)
  }

  @Test func nonCanonicalDatesKeepTheirSpanPrecisionAndCode() throws {
    let range = DayRange(first: Day(daysSinceEpoch: 18_600), last: Day(daysSinceEpoch: 18_640))
    let event = Event(
      id: "event:x", kind: .clash,
      date: FuzzyDate(range: range, precision: .month, nativeCode: "ucdp:3"),
      summary: "s")

    let again = DatasetReader.read(try DatasetEncoder.yaml(Dataset(events: [event])), file: "x") {
      _ in true
    }

    #expect(again.dataset.events == [event])
  }
}
