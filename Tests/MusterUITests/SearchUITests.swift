import MusterDomain
import MusterStore
import MusterTerminal
import MusterTestSupport
import Testing

@testable import MusterUI

#if canImport(Glibc)
  import Glibc
#endif

/// The search bar in the real session over a real store, driven by a scripted terminal.
@Suite struct SearchUITests {
  let seeded: SeededCatalog

  init() throws {
    seeded = try SeededCatalog()
  }

  func type(_ text: String, _ session: inout Session, on terminal: ScriptedTerminal) {
    for character in text {
      session.dispatch(.command(.type(character)), on: terminal)
    }
  }

  @Test func resultsFollowEveryKeystrokeGroupedWithCounts() throws {
    var (session, terminal) = try seeded.session()
    try press("/", &session, on: terminal)
    type("fatim", &session, on: terminal)
    let first = session.state.search.results
    #expect(first.matches.first.map { $0.group } == .actors)
    #expect(first.selectedHit?.record.rawValue == "actor:fatemiyoun")
    type("iyoun", &session, on: terminal)
    #expect(session.state.search.results.query?.text == "fatimiyoun")
    let frame = render(session.state)
    #expect(frame.text.contains("/ fatimiyoun_"))
    #expect(frame.text.contains("Fatemiyoun Brigade"))
    #expect(frame.text.contains("Actors 1"))
  }

  @Test func theMatchedPartIsMarkedInTheResultsAndInTheDetail() throws {
    var (session, terminal) = try seeded.session()
    try press("/", &session, on: terminal)
    type("kamal", &session, on: terminal)
    try press("Enter", &session, on: terminal)
    let options = RenderOptions(theme: .monochrome)
    let screen = render(session.state, options: options)
    let match = options.theme[.match]
    let lines = screen.lines()
    let layout = session.state.layout
    /// The styles of the cells of the first `word` on a row within `area`, and of the cell
    /// before it.
    func styles(of word: String, in area: Rect) -> (before: Style, word: [Style])? {
      // Inside the box: the title in the top border shows the name unmarked.
      for y in (area.minY + 1)..<(area.maxY - 1) {
        let characters = Array(lines[y])
        for x in max(area.minX, 1)..<max(area.minX + 1, area.maxX - word.count)
        where String(characters[x..<(x + word.count)]) == word {
          return (screen[x - 1, y].style, (x..<(x + word.count)).map { screen[$0, y].style })
        }
      }
      return nil
    }
    let inList = try #require(styles(of: "Kamal", in: layout.list))
    #expect(inList.word.allSatisfy { $0.merged(with: match) == $0 && $0 != inList.before })
    let inDetail = try #require(styles(of: "Kamal", in: layout.detail))
    #expect(inDetail.word.allSatisfy { $0.merged(with: match) == $0 })
    #expect(inDetail.before.merged(with: match) != inDetail.before)
  }

  @Test func escRestoresTheViewAndSelectionExactly() throws {
    var (session, terminal) = try seeded.session()
    try press("j j l j Enter", &session, on: terminal)
    let before = session.state
    try press("/", &session, on: terminal)
    type("abu kamal", &session, on: terminal)
    try press("Enter j", &session, on: terminal)
    #expect(session.state.focus == .list && session.state.search.results.isShowing)
    #expect(session.state.detail.record != before.detail.record)
    try press("Esc", &session, on: terminal)
    #expect(session.state.focus == before.focus)
    #expect(session.state.list == before.list)
    #expect(session.state.detail == before.detail)
    #expect(!session.state.search.results.isShowing)
    // Esc while typing restores too.
    try press("/", &session, on: terminal)
    type("iran", &session, on: terminal)
    try press("Esc", &session, on: terminal)
    #expect(session.state.list == before.list && session.state.detail == before.detail)
  }

  @Test func aBadQueryShowsWhyAndKeepsTheLastGoodResults() throws {
    var (session, terminal) = try seeded.session()
    try press("/", &session, on: terminal)
    type("kamal ", &session, on: terminal)
    let good = session.state.search.results
    #expect(!good.matches.isEmpty)
    // One paste, one parse: the query goes straight from good to bad.
    session.handle(.paste("colour:red"), on: terminal)
    #expect(session.state.search.error?.message.contains("unknown field") == true)
    #expect(session.state.search.results == good)
    #expect(render(session.state).text.contains("unknown field \"colour:\""))
    try press("Enter", &session, on: terminal)
    #expect(session.state.searchPrompt == .search, "Enter does not take a query with errors")
    for _ in 0..<10 { session.dispatch(.command(.deleteBackward), on: terminal) }
    #expect(session.state.search.error == nil)
    type("\"abu", &session, on: terminal)
    #expect(session.state.search.error?.message.contains("not closed") == true)
  }

  @Test func nAndShiftNStepThroughTheResultsShowingEach() throws {
    var (session, terminal) = try seeded.session()
    try press("/", &session, on: terminal)
    type("albu", &session, on: terminal)
    try press("Enter", &session, on: terminal)
    let results = session.state.search.results
    #expect(session.state.detail.record == results.hit(at: 0)?.record)
    try press("n", &session, on: terminal)
    #expect(session.state.detail.record == results.hit(at: 1)?.record)
    // Back past the first wraps to the last, whose hit was not loaded with the first page:
    // it loads, and then shows.
    #expect(results.hit(at: results.matches.count - 1) == nil)
    try press("N N", &session, on: terminal)
    let last = session.state.search.results
    #expect(last.selected == results.matches.count - 1)
    let lastHit = try #require(last.selectedHit)
    #expect(session.state.detail.record == lastHit.record)
  }

  @Test func pastedTextLandsInTheQueryWithoutItsControlBytes() throws {
    var (session, terminal) = try seeded.session()
    try press("/", &session, on: terminal)
    session.handle(.paste("abu\u{1B}[31m\nkamal\u{07}\u{9B}q"), on: terminal)
    #expect(session.state.search.text == "abu[31m kamalq")
    #expect(session.state.isRunning, "a q in a paste never quits")
    // A paste outside a prompt does nothing at all.
    try press("Esc", &session, on: terminal)
    session.handle(.paste("q"), on: terminal)
    #expect(session.state.isRunning && session.state.searchPrompt == nil)
  }

  @Test func theHistoryRecallsEarlierQueriesButNotInKiosk() throws {
    var (session, terminal) = try seeded.session()
    for query in ["iran", "abu kamal"] {
      try press("/", &session, on: terminal)
      type(query, &session, on: terminal)
      try press("Enter", &session, on: terminal)
    }
    try press("/ Up", &session, on: terminal)
    #expect(session.state.search.text == "abu kamal")
    try press("Up", &session, on: terminal)
    #expect(session.state.search.text == "iran")
    try press("Down Down", &session, on: terminal)
    #expect(session.state.search.text == "")

    var kiosk = AppState(mode: .kiosk, screenSize: Size(width: 120, height: 40))
    _ = kiosk.apply(.command(.startSearch))
    for character in "iran" { _ = kiosk.apply(.command(.type(character))) }
    let effects = kiosk.apply(.command(.submit))
    #expect(!effects.contains(.rememberQuery("iran")))
    #expect(kiosk.search.history.isEmpty)
    #expect(!kiosk.apply(.started).contains(.loadHistory))
  }

  @Test func aFilterNarrowsTheTimelineAndTheListUntilCleared() throws {
    var (session, terminal) = try seeded.session()
    let allActors = session.state.list.total
    try press("f", &session, on: terminal)
    type("actor:russia", &session, on: terminal)
    try press("Enter", &session, on: terminal)
    #expect(session.state.search.filter?.actors == ["russia"])
    #expect(session.state.list.total < allActors && session.state.list.total > 0)
    #expect(!session.state.timeline.entries.isEmpty)
    for entry in session.state.timeline.entries {
      #expect(entry.title.lowercased().contains("russia") || entry.title.contains("Iran"))
    }
    #expect(render(session.state).text.contains("filter: actor:russia"))
    try press("F", &session, on: terminal)
    #expect(session.state.search.filter == nil)
    #expect(session.state.list.total == allActors)
  }

  @Test func anAnswerIsForTheQueryAskedAndAStaleOneIsDropped() throws {
    var state = AppState(mode: .interactive, screenSize: Size(width: 120, height: 40))
    _ = state.apply(.command(.startSearch))
    var requests: [(SearchRequest, Int)] = []
    for character in "iran" {
      for case .search(let request, let generation) in state.apply(.command(.type(character))) {
        requests.append((request, generation))
      }
    }
    #expect(requests.map(\.0.query.text) == ["i", "ir", "ira", "iran"])
    // The text turns bad before the last answer comes: the answer is still for "iran".
    _ = state.apply(.command(.type("\"")))
    #expect(state.search.error != nil)
    let catalog = seeded.catalog
    let last = try #require(requests.last)
    let answer = try EffectRunner.search(last.0, generation: last.1, on: catalog)
    _ = state.apply(answer)
    #expect(state.search.results.query?.text == "iran")
    #expect(!state.search.results.matches.isEmpty)
    let kept = state.search.results
    // An older answer arriving late changes nothing.
    let first = try #require(requests.first)
    _ = state.apply(try EffectRunner.search(first.0, generation: first.1, on: catalog))
    #expect(state.search.results == kept)
  }

  @Test func theWorkerAnswersTheNewestRequestLast() throws {
    let worker = SearchWorker(catalog: seeded.catalog)
    defer { worker.stop() }
    let words = ["a", "al", "alb", "albu", "albu k", "albu ka", "albu kam", "albu kamal"]
    for (generation, text) in words.enumerated() {
      worker.submit(SearchRequest(query: SearchQuery(words: text)), generation: generation)
    }
    var answers: [Action] = []
    let finished = eventually(timeout: .seconds(10)) {
      answers += worker.takeAnswers()
      return !worker.isBusy && !answers.isEmpty
    }
    answers += worker.takeAnswers()
    #expect(finished)
    guard case .searchCompleted(let generation, let found, let hits) = answers.last else {
      Issue.record("expected search answers, got \(answers)")
      return
    }
    #expect(generation == words.count - 1)
    #expect(hits.first?.record.rawValue == "site:albu-kamal")
    #expect(found.total > 0)
    // Answers never go back in time.
    let generations = answers.compactMap { answer -> Int? in
      if case .searchCompleted(let generation, _, _) = answer { return generation }
      return nil
    }
    #expect(generations == generations.sorted())
  }

  @Test func anAnswerWakesTheTerminalsWaitSoTheSessionNeedNotPoll() throws {
    let worker = SearchWorker(catalog: seeded.catalog)
    defer { worker.stop() }
    let wakeup = try #require(worker.wakeup)
    var readable = pollfd(fd: wakeup.descriptor, events: Int16(POLLIN), revents: 0)
    #expect(poll(&readable, 1, 0) == 0)

    worker.submit(SearchRequest(query: SearchQuery(words: "albu kamal")), generation: 1)

    // A blocking wait on the wakeup returns when the answer is in the mailbox.
    #expect(poll(&readable, 1, 10_000) == 1)
    #expect(worker.takeAnswers().count == 1)
    wakeup.drain()
    #expect(poll(&readable, 1, 0) == 0)
  }
}
