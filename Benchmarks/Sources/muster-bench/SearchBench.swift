import Foundation
import MusterDomain
import MusterStore
import MusterTerminal
import MusterUI

/// Typing a search letter by letter at 120x40, after one unmeasured round: each keystroke
/// timed from the key event to a finished frame (apply, the search with its counts and the first hits, render), the search
/// run in line so its whole cost is counted.
func benchSearch(_ path: String, words: [String], rounds: Int) throws {
  let timed = TimedCatalog(try SQLiteCatalog.openReadOnly(at: path))
  let catalog: any CatalogReading =
    ProcessInfo.processInfo.environment["MUSTER_BENCH_TRACE"] != nil ? timed : timed.inner
  let size = Size(width: 120, height: 40)
  let options = RenderOptions(theme: .standard)
  let terminal = ScriptedTerminal(size: size, events: [])
  var session = Session(
    state: AppState(mode: .interactive, screenSize: size), options: options,
    runner: EffectRunner(catalog: catalog))
  try session.run(on: terminal)
  var all: [Double] = []
  for word in words {
    var times: [Double] = []
    var perPrefix: [String: [Double]] = [:]
    var shown = ""
    // One round unmeasured first: the database's pages come into the page cache (a
    // benchmark run just before may have pushed them out), as they are for any browser
    // that has been open a moment.
    session.handle(.key(.character("/")), on: terminal)
    for letter in word { session.handle(.key(.character(letter)), on: terminal) }
    session.handle(.key(.escape), on: terminal)
    for _ in 0..<rounds {
      session.handle(.key(.character("/")), on: terminal)
      var prefix = ""
      for letter in word {
        prefix.append(letter)
        var frame = ScreenBuffer(size: size)
        let elapsed = seconds {
          session.handle(.key(.character(letter)), on: terminal)
          frame = render(session.state, options: options)
        }
        times.append(elapsed * 1000)
        perPrefix[prefix, default: []].append(elapsed * 1000)
        _ = frame
      }
      shown =
        session.state.search.results.counts.isEmpty
        ? "no results"
        : SearchGroup.allCases.compactMap { group in
          session.state.search.results.counts[group].map {
            "\(group.title) \(session.state.search.results.countText($0))"
          }
        }.joined(separator: ", ")
      session.handle(.key(.escape), on: terminal)
    }
    all += times
    times.sort()
    let p50 = times[times.count / 2]
    let p99 = times[min(times.count - 1, Int(Double(times.count) * 0.99))]
    let slowest = perPrefix.max { $0.value.max() ?? 0 < $1.value.max() ?? 0 }
    emit(
      "search \(word) p50", p50, "ms",
      "\(times.count) keys (\(rounds) rounds); shows \(shown); slowest prefix "
        + "'\(slowest?.key ?? "")' \(String(format: "%.1f", slowest?.value.max() ?? 0)) ms")
    emit("search \(word) p99", p99, "ms", "")
    if catalog is TimedCatalog { timed.report() }
  }
  all.sort()
  emit("search all p50", all[all.count / 2], "ms", "\(all.count) keys")
  emit("search all p99", all[min(all.count - 1, Int(Double(all.count) * 0.99))], "ms", "")
}
