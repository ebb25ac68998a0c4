/// The field names of the native network format (YAML or JSON), version 1.
/// Documented with an example in graphs/README.md.
enum NetworkSchema {
    static let version = 1
    static let topLevel = ["actornet", "name", "description", "sources", "kinds", "actors", "relations"]
    static let source = ["title", "url", "date", "note"]
    static let kind = ["sign", "direction", "description"]
    static let actor = ["id", "name", "kind", "group", "attributes"]
    static let relation = [
        "id", "source", "target", "kind", "weight", "direction", "channel", "since", "until", "flows", "label",
        "evidence", "attributes", "inferred", "note", "commitment", "fulfilment", "cameo",
    ]
    static let evidence = ["text", "source", "section", "url"]
}
