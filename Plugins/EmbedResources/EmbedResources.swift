import Foundation
import PackagePlugin

/// Compiles every file in the package's `Resources/` folder into the target as a string.
///
/// An installed `muster` then needs nothing beside it: `Bundle.module` would fall back to
/// the build folder's absolute path and fail once `.build` is gone (see swift-notes.md).
@main
struct EmbedResources: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Resources")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path())
      .filter { !$0.hasPrefix(".") }
      .sorted()
    let inputs = names.map { folder.appending(path: $0) }
      .filter { url in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path(), isDirectory: &isDirectory)
          && !isDirectory.boolValue
      }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) files from Resources/",
        executable: try context.tool(named: "EmbedTool").url,
        arguments: [output.path()] + inputs.map { $0.path() },
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
