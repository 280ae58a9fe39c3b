/// A number that sources give as a range: a low, a best and a high estimate.
public struct Estimate: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The lowest figure reported.
  public var low: Int?
  /// The figure thought most likely.
  public var best: Int?
  /// The highest figure reported.
  public var high: Int?

  /// An estimate from its figures.
  public init(low: Int? = nil, best: Int? = nil, high: Int? = nil) {
    self.low = low
    self.best = best
    self.high = high
  }

  /// Whether no figure is known.
  public var isEmpty: Bool { low == nil && best == nil && high == nil }

  /// Whether the figures are non-negative and ordered low ≤ best ≤ high.
  public var isConsistent: Bool {
    let figures = [low, best, high].compactMap { $0 }
    return figures.allSatisfy { $0 >= 0 } && figures == figures.sorted()
  }

  /// `~2,000`, `≤2,000`, `1,500–2,000 (best 1,800)` or `?`.
  public var description: String {
    switch (low, best, high) {
    case (nil, nil, nil): return "?"
    case (nil, let best?, nil): return "~" + Estimate.grouped(best)
    case (nil, nil, let high?): return "≤" + Estimate.grouped(high)
    case (let low?, nil, nil): return "≥" + Estimate.grouped(low)
    case (nil, let best?, let high?) where best == high: return "≤" + Estimate.grouped(high)
    case (let low?, let best?, nil) where best == low: return "≥" + Estimate.grouped(low)
    default:
      let range = [low, high].compactMap { $0 }.map(Estimate.grouped).joined(separator: "–")
      guard let best else { return range }
      return range.isEmpty
        ? "~" + Estimate.grouped(best) : "\(range) (best \(Estimate.grouped(best)))"
    }
  }

  /// A whole number with thousands separated by commas.
  public static func grouped(_ value: Int) -> String {
    let digits = Array(String(abs(value)))
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (value < 0 ? "-" : "") + result
  }
}

/// How many of something an actor has at a site: personnel, sites or vehicles.
public struct Strength: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The figures.
  public var estimate: Estimate
  /// What they count.
  public var unit: StrengthUnit

  /// A strength from its figures and unit.
  public init(_ estimate: Estimate, unit: StrengthUnit = .personnel) {
    self.estimate = estimate
    self.unit = unit
  }

  /// `~2,000 personnel`.
  public var description: String { "\(estimate) \(unit.rawValue)" }
}

/// What a strength counts.
public enum StrengthUnit: String, CaseIterable, Hashable, Sendable, Codable {
  case personnel
  case sites
  case vehicles
}
