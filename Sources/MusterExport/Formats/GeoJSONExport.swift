import MusterDomain

/// Sites as a GeoJSON FeatureCollection (RFC 7946): a point per located site, with who
/// holds it as of a day, in what status, and how well graded.
public enum GeoJSONExport {
  /// The text; `holders` gives each site's holders as of `day`, strongest claim first.
  public static func text(
    _ sites: [Site], holders: [String: [DeploymentState]], asOf day: Day?
  ) -> String {
    var features: [String] = []
    for site in sites {
      guard let location = site.location else { continue }
      let states = holders[site.id.rawValue] ?? []
      let holder = states.first
      var properties: [(String, String)] = [
        ("id", JSONText.quoted(site.id.rawValue)), ("name", JSONText.quoted(site.name)),
        ("kind", JSONText.quoted(site.kind.rawValue)),
        ("country", site.country.map(JSONText.quoted) ?? "null"),
        ("precision", JSONText.quoted(location.precision.rawValue)),
        ("as_of", day.map { JSONText.quoted($0.description) } ?? "null"),
        ("holder", holder.map { JSONText.quoted($0.actorName) } ?? "null"),
        ("status", holder.map { JSONText.quoted($0.status.rawValue) } ?? "null"),
        ("grade", holder?.grade.map { JSONText.quoted($0.description) } ?? "null"),
        ("inferred", holder.map { $0.deployment.isInferred ? "true" : "false" } ?? "null"),
      ]
      let all = states.map { state in
        "{\"actor\": \(JSONText.quoted(state.actorName)), "
          + "\"status\": \(JSONText.quoted(state.status.rawValue)), "
          + "\"grade\": \(state.grade.map { JSONText.quoted($0.description) } ?? "null"), "
          + "\"inferred\": \(state.deployment.isInferred)}"
      }
      properties.append(("holders", "[" + all.joined(separator: ", ") + "]"))
      features.append(
        """
            {"type": "Feature", "id": \(JSONText.quoted(site.id.rawValue)),
              "geometry": {"type": "Point", "coordinates": [\(location.longitude), \(location.latitude)]},
              "properties": {\(properties.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", "))}}
        """)
    }
    return "{\"type\": \"FeatureCollection\", \"features\": [\n"
      + features.joined(separator: ",\n") + "\n]}\n"
  }
}
