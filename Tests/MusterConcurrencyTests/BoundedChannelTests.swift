import MusterConcurrency
import Testing

/// The hand-over between an import's threads: values in order, a look without waiting,
/// and a channel let go of with values still in it.
@Suite struct BoundedChannelTests {
  final class Held: Sendable {}

  @Test func receiveIfReadyTakesWhatWaitsAndNeverWaits() {
    let channel = BoundedChannel<Int>(capacity: 4)
    #expect(channel.receiveIfReady() == nil)
    channel.send(1)
    channel.send(2)
    #expect(channel.receiveIfReady() == 1)
    #expect(channel.receive() == 2)
    #expect(channel.receiveIfReady() == nil)
    // The room taken is given back: four more fit without a reader.
    for value in 0..<4 { channel.send(value) }
    #expect((0..<4).map { _ in channel.receive() } == [0, 1, 2, 3])
  }

  @Test func aChannelLetGoOfWithValuesInItFreesThem() {
    // libdispatch stops the process when a semaphore below its first value is disposed
    // of: this test crashes if the channel does not give the room back.
    weak var watched: Held?
    do {
      let channel = BoundedChannel<Held>(capacity: 8)
      let held = Held()
      watched = held
      channel.send(held)
      channel.send(Held())
      #expect(watched != nil)
    }
    #expect(watched == nil)
  }
}
