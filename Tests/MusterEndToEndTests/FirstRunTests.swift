import Foundation
import MusterTestSupport
import Testing

@Suite struct FirstRunTests {
  /// Kills `muster` with SIGKILL while it creates the default database, at several moments;
  /// afterwards the database is either absent or complete, never half made.
  @Test func anInterruptedFirstRunLeavesNoHalfMadeDatabase() throws {
    var interrupted = 0
    for delayMicroseconds in [0, 2_000, 10_000, 40_000] {
      let home = try TemporaryFolder("muster-first-run")
      let folder = home.path + "/data/muster"
      let process = Process()
      process.executableURL = URL(fileURLWithPath: CommandRunner.musterPath)
      process.arguments = ["list", "actors"]
      process.environment = [
        "HOME": home.path, "XDG_DATA_HOME": home.path + "/data", "LANG": "C.UTF-8",
      ]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let deadline = Date().addingTimeInterval(10)
      var sawCreation = false
      while Date() < deadline && process.isRunning {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        if entries.contains(where: { $0.contains(".creating-") }) {
          sawCreation = true
          break
        }
        usleep(200)
      }
      usleep(useconds_t(delayMicroseconds))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()

      let database = folder + "/muster.db"
      if FileManager.default.fileExists(atPath: database) {
        let check = try CommandRunner.muster(["list", "actors", "--json"], home: home.path)
        #expect(check.status == 0, "a database left behind must be complete: \(check.errors)")
        #expect(check.output.contains("\"total\" : 22"))
      } else {
        interrupted += 1
        #expect(sawCreation, "the kill should have landed during creation")
        let retry = try CommandRunner.muster(["list", "actors"], home: home.path)
        #expect(retry.status == 0, "the next run creates the database: \(retry.errors)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(leftovers.filter { $0.contains(".creating-") }.isEmpty, "\(leftovers)")
      }
    }
    #expect(interrupted > 0, "at least the earliest kill must interrupt the creation")
  }
}
