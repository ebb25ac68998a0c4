public import ActorNetCore
public import ActorNetIO
public import Foundation

/// Paths to the repository, its shipped networks and the reference data the tests read.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`: copies of the permissively licensed files from other tools and
    /// published data sets that the tests read, under the same relative paths as in
    /// `../shared/data` (origins, licences and the reference results used: SOURCES.md there).
    public static let fixtures: URL = repoRoot.appendingPathComponent("Tests/Fixtures")

    /// `../shared/data` beside the repository: optional. It holds, besides what is copied into
    /// `Tests/Fixtures`, files under licences that are not copied (GPL test files of igraph);
    /// tests of those are enabled only when it is there (`hasSharedData`).
    public static let sharedData: URL = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// A path in the repository.
    public static func path(_ relative: String) -> String { repoRoot.appendingPathComponent(relative).path }

    /// A file in `Tests/Fixtures`, e.g. `fixturePath("signed/gahuku_gama_edges.csv")`.
    public static func fixturePath(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }

    /// A file in the optional `../shared/data`; check `hasSharedData` first.
    public static func sharedDataPath(_ relative: String) -> String { sharedData.appendingPathComponent(relative).path }

    /// Whether `../shared/data` holds this file (or folder).
    public static func hasSharedData(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: sharedDataPath(relative))
    }

    /// Loads a network from YAML text given inline in a test.
    public static func load(yaml: String, file: String = "test.yaml") -> LoadResult {
        NetworkLoader.load(bytes: Array(yaml.utf8), file: file, syntax: .yaml)
    }

    /// Loads a network from JSON text given inline in a test.
    public static func load(json: String, file: String = "test.json") -> LoadResult {
        NetworkLoader.load(bytes: Array(json.utf8), file: file, syntax: .json)
    }
}

/// A small, fast, repeatable random number generator (the library's SplitMix64), so property
/// tests can sweep many seeds and any failure can be replayed from its seed.
public typealias SeededRandom = SplitMix64

/// Random networks for property tests.
public enum RandomNetworks {
    /// A network of `actors` actors and about `relations` relations of random kinds (built-in and
    /// one declared), weights, channels and dates; parallel relations and isolated actors occur.
    public static func make(actors n: Int, relations m: Int, seed: UInt64) -> Network {
        var rng = SeededRandom(seed: seed)
        let actors = (0..<n).map { ActorNode(id: "A\($0)", kind: ["state", "organisation"].randomElement(using: &rng)) }
        let threat = RelationKind(name: "threat", sign: .negative, direction: .directed)
        let kinds = ["cooperation", "rivalry", "supply", "membership", "threat"]
        var relations: [Relation] = []
        guard n >= 2 else { return try! Network(actors: actors, kinds: [threat], relations: []) }
        for i in 0..<m {
            let s = Int.random(in: 0..<n, using: &rng)
            var t = Int.random(in: 0..<(n - 1), using: &rng)
            if t >= s { t += 1 }
            let since = Bool.random(using: &rng) ? PartialDate(year: Int.random(in: 2000...2020, using: &rng)) : nil
            let until = Bool.random(using: &rng) ? PartialDate(year: Int.random(in: 2021...2030, using: &rng)) : nil
            relations.append(Relation(
                id: "r\(i)", source: "A\(s)", target: "A\(t)", kind: kinds.randomElement(using: &rng)!,
                weight: Double(Int.random(in: 1...50, using: &rng)) / 10,
                direction: Int.random(in: 0..<5, using: &rng) == 0 ? .directed : nil,
                channel: [nil, Channel.stated, .material].randomElement(using: &rng)!,
                since: since, until: until))
        }
        return try! Network(actors: actors, kinds: [threat], relations: relations)
    }
}
