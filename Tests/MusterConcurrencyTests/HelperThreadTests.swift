import MusterConcurrency
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct HelperThreadTests {
  static func niceness() -> Int32 {
    #if os(Linux)
      getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
    #else
      getpriority(PRIO_PROCESS, 0)
    #endif
  }

  @Test func aHelperRunsItsWorkBelowTheCallersPriorityAndLeavesTheCallersAlone() {
    let before = Self.niceness()
    let channel = BoundedChannel<Int32>(capacity: 1)

    let thread = HelperThread.start { channel.send(Self.niceness()) }
    let helpers = channel.receive()
    thread.join()

    #if os(Linux)
      #expect(helpers == min(before + HelperThread.niceness, 19))
    #endif
    #expect(Self.niceness() == before)
  }

  @Test func helpersRunAtTheSameTimeAsOneAnother() {
    // Each helper waits for the other's message: two helpers on one shared thread would
    // never finish.
    let toSecond = BoundedChannel<Int>(capacity: 1)
    let toFirst = BoundedChannel<Int>(capacity: 1)
    let done = BoundedChannel<Int>(capacity: 2)

    let first = HelperThread.start {
      toSecond.send(1)
      done.send(toFirst.receive())
    }
    let second = HelperThread.start {
      done.send(toSecond.receive())
      toFirst.send(2)
    }

    #expect(Set([done.receive(), done.receive()]) == [1, 2])
    first.join()
    second.join()
  }

  @Test func joiningWaitsUntilTheWorkHasLetGoOfWhatItHeld() {
    final class Held: Sendable {}
    weak var watched: Held?
    let release = BoundedChannel<Bool>(capacity: 1)
    let thread: HelperThread
    do {
      let held = Held()
      watched = held
      thread = HelperThread.start {
        // Works until the test has looked, holding `held`.
        _ = release.receive()
        _ = held
      }
    }
    #expect(watched != nil, "the helper holds it while it works")
    release.send(true)

    thread.join()
    thread.join()

    #expect(watched == nil)
  }
}
