import ActorNetCore
import ActorNetIO
import ActorNetTestSupport
import Testing

@Suite struct NativeWriterTests {
    func roundTrip(_ network: Network, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let yaml = NativeWriter.yaml(network)
        let back = NetworkLoader.load(bytes: Array(yaml.utf8), file: "round-trip.yaml", syntax: .yaml)
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)", sourceLocation: sourceLocation)
        let read = try #require(back.network, sourceLocation: sourceLocation)
        #expect(read == network, sourceLocation: sourceLocation)
        #expect(NativeWriter.yaml(read) == yaml, "not a fixed point", sourceLocation: sourceLocation)
    }

    @Test func shippedNetworkRoundTrips() throws {
        try roundTrip(try #require(NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml")).network))
    }

    @Test(arguments: 0..<8)
    func randomNetworksRoundTrip(seed: Int) throws {
        try roundTrip(RandomNetworks.make(actors: 10 + seed, relations: 25, seed: UInt64(seed)))
    }

    @Test func awkwardTextSurvives() throws {
        let network = try Network(
            name: "Nasty: \"quotes\", #hash, tab\t, newline\n, Ünïcödé, \u{1}",
            actors: [ActorNode(id: "NO", name: "yes"), ActorNode(id: "1"), ActorNode(id: "a: b # c", kind: "- x"),
                     ActorNode(id: "true", attributes: ["n": .number(0.1), "b": .bool(false), "s": .string("3")])],
            kinds: [RelationKind(name: "threat", sign: .negative, direction: .directed, description: "x: y")],
            relations: [Relation(id: "null", source: "NO", target: "1", kind: "threat", weight: 1e-3,
                                 direction: .undirected, flows: ["a, b", "[c]"], label: "~",
                                 evidence: [Evidence(text: "*alias", url: "http://x/?a=1&b=2")])])
        try roundTrip(network)
    }
}
