import ActorNetCore
import ActorNetIO
import ActorNetReports
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Version history: every overwrite and delete keeps the version it replaces; versions are
/// listed, fetched, compared and restored; `ETag`/`If-Match` refuse lost updates with 412.
@Suite struct HistoryTests {
    /// `NetworksTests.small` under another name: a distinct version each.
    static func small(_ name: String) -> String {
        NetworksTests.small.replacingOccurrences(of: "name: Small", with: "name: \(name)")
    }

    /// `small` without the Israel–Iran rivalry and with Turkey.
    static let changed = """
        actornet: 1
        name: Small
        actors:
          - {id: RUS, name: Russia}
          - {id: IRN, name: Iran}
          - {id: ISR, name: Israel}
          - {id: TUR, name: Turkey}
        relations:
          - {source: RUS, target: IRN, kind: cooperation, weight: 4}
          - {source: RUS, target: ISR, kind: cooperation, weight: 2}
          - {source: TUR, target: RUS, kind: cooperation, weight: 1}
        """

    static let yaml = headers("application/yaml")

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    static func versions(_ client: some TestClientProtocol, _ name: String) async throws -> [[String: Any]] {
        try await client.execute(uri: "/v1/networks/\(name)/versions", method: .get) { response in
            #expect(response.status == .ok)
            return try #require(try Self.json(response)["versions"] as? [[String: Any]])
        }
    }

    /// PUT over a network keeps the old version: listed with its counts, fetchable as YAML (the
    /// same bytes) and as node-link JSON (what GET gave before).
    @Test func overwriteKeepsThePreviousVersion() async throws {
        let workspace = try TestWorkspace()
        let original = try Data(contentsOf: URL(fileURLWithPath: workspace.path("russia-iran")))
        let oldVersion = contentHash([UInt8](original))
        try await workspace.app().test(.router) { client in
            let before = try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                #expect(response.headers[.eTag] == "\"\(oldVersion)\"")
                return response.text
            }
            let newTag = try await client.execute(uri: "/v1/networks/russia-iran", method: .put, headers: Self.yaml,
                                                  body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .ok)
                return try #require(response.headers[.eTag])
            }
            #expect(newTag != "\"\(oldVersion)\"")
            let versions = try await Self.versions(client, "russia-iran")
            #expect(versions.count == 2)
            #expect(versions.map { $0["current"] as? Bool } == [true, false])
            #expect("\"\(versions[0]["version"] as? String ?? "")\"" == newTag)
            #expect(versions[1]["version"] as? String == oldVersion)
            #expect(versions[1]["actors"] as? Int == TestWorkspace.shipped.actors.count)
            #expect(versions[1]["relations"] as? Int == TestWorkspace.shipped.relations.count)
            #expect(versions[1]["size"] as? Int == original.count)
            #expect((versions[1]["time"] as? String)?.hasSuffix("Z") == true)
            try await client.execute(uri: "/v1/networks/russia-iran/versions/\(oldVersion)?format=yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(Data(response.body.readableBytesView) == original)
            }
            try await client.execute(uri: "/v1/networks/russia-iran/versions/\(oldVersion)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"\(oldVersion)\"")
                #expect(response.text == before)
            }
        }
    }

    /// A deleted network's history stays listable (nothing current) and restoring brings it back.
    @Test func deleteKeepsHistoryAndRestoreBringsItBack() async throws {
        let workspace = try TestWorkspace()
        let version = contentHash([UInt8](try Data(contentsOf: URL(fileURLWithPath: workspace.path("russia-iran")))))
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/networks/russia-iran/versions", method: .get) { response in
                #expect(response.status == .ok)
                let object = try Self.json(response)
                #expect(object["current"] == nil || object["current"] is NSNull)
                let versions = try #require(object["versions"] as? [[String: Any]])
                #expect(versions.map { $0["version"] as? String } == [version])
                #expect(versions.map { $0["current"] as? Bool } == [false])
            }
            try await client.execute(uri: "/v1/networks/russia-iran/versions/\(version)/restore", method: .post) { response in
                #expect(response.status == .created)
                #expect(response.headers[.eTag] == "\"\(version)\"")
                #expect(response.object["relations"] as? Int == TestWorkspace.shipped.relations.count)
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"\(version)\"")
            }
            try await client.execute(uri: "/v1/networks/never/versions", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("no network named 'never'"))
            }
        }
    }

    /// Restoring over a current version keeps that one too.
    @Test func restoreKeepsTheReplacedVersion() async throws {
        let workspace = try TestWorkspace(seeded: false)
        try await workspace.app().test(.router) { client in
            var tags: [String] = []
            for text in [Self.small("one"), Self.small("two")] {
                try await client.execute(uri: "/v1/networks/n", method: .put, headers: Self.yaml, body: ByteBuffer(text: text)) {
                    tags.append(try #require($0.headers[.eTag]))
                }
            }
            let first = String(tags[0].dropFirst().dropLast())
            try await client.execute(uri: "/v1/networks/n/versions/\(first)/restore", method: .post) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == tags[0])
            }
            let versions = try await Self.versions(client, "n")
            #expect(versions.map { "\"\($0["version"] as? String ?? "")\"" } == [tags[0], tags[1]])
            #expect(versions.map { $0["current"] as? Bool } == [true, false])
            #expect(try String(contentsOfFile: workspace.path("n"), encoding: .utf8).contains("\"one\""))
        }
    }

    /// `--keep-versions` bounds the history: the newest are kept, the current one always.
    @Test func retentionKeepsTheNewest() async throws {
        let workspace = try TestWorkspace(seeded: false)
        var arguments = workspace.arguments()
        arguments.keepVersions = 3
        try await buildApplication(arguments).test(.router) { client in
            var tags: [String] = []
            for i in 1...5 {
                try await client.execute(uri: "/v1/networks/n", method: .put, headers: Self.yaml,
                                         body: ByteBuffer(text: Self.small("v\(i)"))) {
                    tags.append(String(try #require($0.headers[.eTag]).dropFirst().dropLast()))
                }
            }
            let versions = try await Self.versions(client, "n")
            #expect(versions.map { $0["version"] as? String } == [tags[4], tags[3], tags[2]])
            try await client.execute(uri: "/v1/networks/n/versions/\(tags[0])", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains(tags[4]))
            }
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: "\(workspace.directory)/.actornet/history/n")
        #expect(kept.filter { $0.hasSuffix(".yaml") }.count == 3)
    }

    /// The diff of two versions is the CLI's `diff OLD NEW --format json`.
    @Test func diffOfTwoVersions() async throws {
        let workspace = try TestWorkspace(seeded: false)
        try await workspace.app().test(.router) { client in
            var tags: [String] = []
            for text in [NetworksTests.small, Self.changed] {
                try await client.execute(uri: "/v1/networks/n", method: .put, headers: Self.yaml, body: ByteBuffer(text: text)) {
                    tags.append(String(try #require($0.headers[.eTag]).dropFirst().dropLast()))
                }
            }
            let old = try #require(NetworkLoader.load(bytes: Array(NetworksTests.small.utf8), file: "n.yaml").network)
            let new = try #require(NetworkLoader.load(bytes: Array(Self.changed.utf8), file: "n.yaml").network)
            let filter = ViewFilter(at: nil, direction: .undirected, includeInferred: true)
            let expected = try DiffReport.json(
                try NetworkDiff(before: old, beforeFilter: filter, after: new, afterFilter: filter),
                sides: .init(before: "n@\(tags[0]) all dates", after: "n@\(tags[1]) all dates",
                             view: "relations of both signs, read as undirected (undated relations count as always present)"))
            for to in ["current", tags[1]] {
                try await client.execute(uri: "/v1/networks/n/versions/\(tags[0])/diff?to=\(to)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text == expected)
                    #expect(response.text.contains("TUR"))
                }
            }
            try await client.execute(uri: "/v1/networks/n/versions/\(tags[0])/diff?to=yesterday", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("to: 'yesterday'"))
            }
            try await client.execute(uri: "/v1/networks/n/versions/\(tags[0])/diff?kinds=friendship", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("friendship"))
            }
        }
    }

    /// A GET whose `If-None-Match` names the current version is 304 without a body; after an
    /// upload the same tag gets the new version.
    @Test func conditionalGetIs304WhileCurrent() async throws {
        let workspace = try TestWorkspace()
        try await workspace.app().test(.router) { client in
            let etag = try await client.execute(uri: "/v1/networks/russia-iran", method: .get) { try #require($0.headers[.eTag]) }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .notModified)
                #expect(response.headers[.eTag] == etag)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .put, headers: Self.yaml,
                                     body: ByteBuffer(text: NetworksTests.small)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .get, headers: [.ifNoneMatch: etag]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != etag)
                #expect(response.text.contains("\"Israel\""))
            }
        }
    }

    /// Version ids are checked; unknown ones are 404 listing the kept ones.
    @Test func badAndUnknownVersionIds() async throws {
        let workspace = try TestWorkspace()
        try await workspace.app().test(.router) { client in
            try await client.execute(uri: "/v1/networks/russia-iran/versions/latest", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("invalid version id 'latest'"))
            }
            try await client.execute(uri: "/v1/networks/russia-iran/versions/0123456789abcdef-12", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("0123456789abcdef-12"))
            }
            try await client.execute(uri: "/v1/networks/russia-iran/versions/0123456789abcdef-12?format=xml", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    /// `If-Match` naming another version, or `If-None-Match: *` on an existing network, is 412
    /// with the current ETag and changes nothing; matching conditions write.
    @Test func preconditionsRefuseLostUpdates() async throws {
        let workspace = try TestWorkspace()
        let original = try Data(contentsOf: URL(fileURLWithPath: workspace.path("russia-iran")))
        let current = "\"\(contentHash([UInt8](original)))\""
        let stale = "\"0123456789abcdef-1\""
        try await workspace.app().test(.router) { client in
            let refusals: [(HTTPRequest.Method, String, HTTPFields, String)] = [
                (.put, "/v1/networks/russia-iran", [.contentType: "application/yaml", .ifMatch: stale], "If-Match"),
                (.put, "/v1/networks/russia-iran", [.contentType: "application/yaml", .ifNoneMatch: "*"], "If-None-Match"),
                (.delete, "/v1/networks/russia-iran", [.ifMatch: stale], "If-Match"),
                (.post, "/v1/networks/russia-iran/versions/\(current.dropFirst().dropLast())/restore", [.ifMatch: stale], "If-Match"),
            ]
            for (method, uri, fields, header) in refusals {
                try await client.execute(uri: uri, method: method, headers: fields, body: ByteBuffer(text: NetworksTests.small)) { response in
                    #expect(response.status == .preconditionFailed, "\(method) \(fields)")
                    #expect(response.headers[.eTag] == current)
                    #expect(response.text.contains(header))
                    #expect(response.text.contains(current.replacingOccurrences(of: "\"", with: "\\\"")))
                }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("russia-iran"))) == original)
            try await client.execute(uri: "/v1/networks/fresh", method: .put, headers: [.contentType: "application/yaml", .ifMatch: "*"],
                                     body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .preconditionFailed)
                #expect(response.headers[.eTag] == nil)
                #expect(response.text.contains("does not exist"))
            }
            try await client.execute(uri: "/v1/networks/fresh", method: .put, headers: [.contentType: "application/yaml", .ifNoneMatch: "*"],
                                     body: ByteBuffer(text: NetworksTests.small)) { #expect($0.status == .created) }
            let next = try await client.execute(uri: "/v1/networks/russia-iran", method: .put,
                                                headers: [.contentType: "application/yaml", .ifMatch: "\(stale), \(current)"],
                                                body: ByteBuffer(text: NetworksTests.small)) { response in
                #expect(response.status == .ok)
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .delete, headers: [.ifMatch: current]) {
                #expect($0.status == .preconditionFailed)
            }
            try await client.execute(uri: "/v1/networks/russia-iran", method: .delete, headers: [.ifMatch: next]) {
                #expect($0.status == .noContent)
            }
        }
    }
}
