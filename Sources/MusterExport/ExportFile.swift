import Foundation

/// Writing an export whole: a temporary file beside it, then a link or a rename, so a
/// reader never sees half of one.
public enum ExportFile {
  /// Writes `text` to `path`; an existing file is replaced only when `replacing`.
  public static func write(_ text: String, to path: String, replacing: Bool) throws(ExportError) {
    if !replacing && FileManager.default.fileExists(atPath: path) {
      throw .fileExists(path: path)
    }
    let temporary = "\(path).tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      throw .cannotWrite(path: path, reason: Self.reason(errno))
    }
    let descriptor = open(temporary, O_RDONLY)
    if descriptor >= 0 {
      fsync(descriptor)
      close(descriptor)
    }
    let result = replacing ? rename(temporary, path) : link(temporary, path)
    let error = errno
    if !replacing || result != 0 { unlink(temporary) }
    guard result == 0 else {
      throw error == EEXIST
        ? .fileExists(path: path) : .cannotWrite(path: path, reason: reason(error))
    }
  }

  /// Writes `text` to a new file in `folder` and returns its path.
  ///
  /// The file is `stem.ext`, else `stem-2.ext`, `stem-3.ext`, ...: never one that exists.
  public static func writeNew(
    _ text: String, stem: String, fileExtension: String, in folder: String
  ) throws(ExportError) -> String {
    for attempt in 1...1000 {
      let file = "\(stem)\(attempt == 1 ? "" : "-\(attempt)").\(fileExtension)"
      let path = folder.hasSuffix("/") ? folder + file : folder + "/" + file
      do {
        try write(text, to: path, replacing: false)
        return path
      } catch .fileExists {
        continue
      }
    }
    throw .noFreeName(stem: stem, folder: folder)
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
