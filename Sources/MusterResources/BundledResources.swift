/// Files shipped inside the `muster` binary: the bundled dataset and other data.
public enum BundledResources {
  /// The bundled dataset, in the native YAML format.
  public static var dataset: String { EmbeddedResources.files[datasetFileName] ?? "" }

  /// The file name of the bundled dataset in `Resources/`.
  public static let datasetFileName = "albu-kamal-2020.yaml"

  /// Every embedded file, by name.
  public static var files: [String: String] { EmbeddedResources.files }

  /// Country outlines for the map (Natural Earth 1:110m; see Resources/naturalearth).
  public static var borders: String { EmbeddedResources.files["borders.txt"] ?? "" }
}
