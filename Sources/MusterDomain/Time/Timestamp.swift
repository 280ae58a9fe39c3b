/// UTC times as `YYYY-MM-DDTHH:MM:SSZ`, without Foundation's date formatters.
public enum Timestamp {
  /// Seconds since 1970 for `2020-12-31T12:00:00Z`, or `nil`.
  public static func parse(_ text: String) -> Int? {
    let parts = text.split(separator: "T")
    guard parts.count == 2, parts[1].hasSuffix("Z"), let day = Day(iso: parts[0]) else {
      return nil
    }
    let clock = parts[1].dropLast().split(separator: ":")
    guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
      let hours = Int(clock[0]), let minutes = Int(clock[1]), let seconds = Int(clock[2]),
      hours < 24, minutes < 60, seconds < 60
    else { return nil }
    return day.daysSinceEpoch * 86_400 + hours * 3_600 + minutes * 60 + seconds
  }

  /// `2020-12-31T12:00:00Z` for seconds since 1970.
  public static func format(_ seconds: Int) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = seconds - days * 86_400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return
      "\(Day(daysSinceEpoch: days))T\(two(rest / 3_600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
  }
}
