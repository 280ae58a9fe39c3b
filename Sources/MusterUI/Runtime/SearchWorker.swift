import Foundation
import MusterDomain
import MusterTerminal
import Synchronization

/// Runs searches on a thread of its own, so typing never waits for one.
///
/// Holds at most one request: a newer one replaces a waiting one and interrupts a running
/// one (SQLite stops it at its next step). Answers wait in a mailbox the session drains
/// between keystrokes, and `wakeup` ends the session's wait for input when one arrives,
/// so the session sleeps while a search runs. The worker reads through its own connection
/// (`catalog`), so the session's reads never queue behind a search.
public final class SearchWorker: Sendable {
  private struct Shared {
    var request: (SearchRequest, Int)?
    var running: Int?
    var answers: [Action] = []
    var isStopped = false
  }

  private let catalog: any CatalogReading
  private let shared = Mutex(Shared())
  private let wake = DispatchSemaphore(value: 0)
  /// Signalled whenever an answer is ready.
  public let wakeup = Wakeup()

  /// A worker searching `catalog`; its thread starts at once.
  public init(catalog: any CatalogReading) {
    self.catalog = catalog
    let thread = Thread { [self] in loop() }
    thread.name = "muster.search"
    thread.start()
  }

  /// Asks for a search; an older one still waiting or running is dropped.
  public func submit(_ request: SearchRequest, generation: Int) {
    let interrupts = shared.withLock { shared in
      shared.request = (request, generation)
      return shared.running != nil
    }
    if interrupts { catalog.interrupt() }
    wake.signal()
  }

  /// Whether a search is waiting or running.
  public var isBusy: Bool {
    shared.withLock { $0.request != nil || $0.running != nil }
  }

  /// The answers that arrived since the last call.
  public func takeAnswers() -> [Action] {
    shared.withLock { shared in
      defer { shared.answers = [] }
      return shared.answers
    }
  }

  /// Ends the thread after the search in hand.
  public func stop() {
    shared.withLock { $0.isStopped = true }
    catalog.interrupt()
    wake.signal()
  }

  private func loop() {
    while true {
      wake.wait()
      while let (request, generation) = next() {
        let answer: Action?
        do {
          answer = try EffectRunner.search(request, generation: generation, on: catalog)
        } catch {
          // Interrupted for a newer request, which answers instead. An interruption meant
          // for an older search that finished just before it runs this one again.
          let interrupted = error is CatalogReadInterrupted
          answer = shared.withLock { shared in
            guard shared.request == nil else { return nil }
            if interrupted {
              shared.request = (request, generation)
              return nil
            }
            return .failed("search: \(error)")
          }
        }
        let answered = shared.withLock { shared in
          shared.running = nil
          guard let answer, shared.request == nil else { return false }
          shared.answers.append(answer)
          return true
        }
        if answered { wakeup?.signal() }
      }
      if shared.withLock({ $0.isStopped }) { return }
    }
  }

  private func next() -> (SearchRequest, Int)? {
    shared.withLock { shared in
      guard !shared.isStopped, let request = shared.request else { return nil }
      shared.request = nil
      shared.running = request.1
      return request
    }
  }
}
