import Foundation

/// A fresh folder under the system's temporary directory, removed when released.
public final class TemporaryFolder: @unchecked Sendable {
  /// The folder's absolute path.
  public let path: String

  /// Creates the folder; the name starts with `prefix`.
  public init(_ prefix: String = "muster-test") throws {
    var base = NSTemporaryDirectory()
    while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
    var template = Array((base + "/\(prefix)-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> String? in
      guard let base = buffer.baseAddress, let result = mkdtemp(base) else { return nil }
      return String(cString: result)
    }
    guard let made else { throw POSIXError(.EIO) }
    path = made
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The path of `name` inside the folder.
  public func file(_ name: String) -> String {
    path + "/" + name
  }

  /// Writes `text` to `name` inside the folder and returns its path.
  @discardableResult
  public func write(_ text: String, to name: String) throws -> String {
    let file = file(name)
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return file
  }
}
