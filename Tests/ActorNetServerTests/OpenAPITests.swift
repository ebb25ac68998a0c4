import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `openapi.json` describes exactly the routes the router has.
@Suite struct OpenAPITests {
    @Test func documentedPathsAndMethodsAreTheRoutes() async throws {
        let workspace = try TestWorkspace()
        let router = buildRouter(workspace.arguments())
        let routes = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(MetaController.openAPI())) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, item) in paths {
            for method in ["get", "put", "post", "delete", "patch", "head"] where item[method] != nil {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        #expect(documented == routes, "only in the document: \(documented.subtracting(routes)); only in the router: \(routes.subtracting(documented))")
        // Every $ref resolves.
        let text = String(decoding: try MetaController.openAPI(), as: UTF8.self)
        let components = try #require(document["components"] as? [String: [String: Any]])
        for match in text.matches(of: /"\$ref": "#\/components\/(\w+)\/(\w+)"/) {
            #expect(components[String(match.1)]?[String(match.2)] != nil, "\(match.0)")
        }
    }

    /// The formats the document lists are the format table's: export names and content types,
    /// upload media types.
    @Test func formatsComeFromTheTable() throws {
        let text = String(decoding: try MetaController.openAPI(), as: UTF8.self)
        #expect(!text.contains("x-actornet-generated"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let put = try #require(paths["/v1/networks/{name}"]?["put"] as? [String: Any])
        let upload = try #require((put["requestBody"] as? [String: Any])?["content"] as? [String: Any])
        #expect(Set(upload.keys) == Set(NetworkFormat.all.filter(\.canRead).flatMap(\.mediaTypes)))
        let export = try #require(paths["/v1/networks/{name}/export"]?["get"] as? [String: Any])
        let parameters = try #require(export["parameters"] as? [[String: Any]])
        let format = try #require(parameters.first { $0["name"] as? String == "format" })
        let names = (format["schema"] as? [String: Any])?["enum"] as? [String]
        #expect(names == NetworkFormat.all.filter(\.canWrite).map(\.name))
        let responses = try #require(export["responses"] as? [String: Any])
        let ok = try #require((responses["200"] as? [String: Any])?["content"] as? [String: Any])
        #expect(Set(ok.keys) == Set(NetworkFormat.all.filter(\.canWrite).map { String($0.contentType.split(separator: ";")[0]) }))
    }

    @Test func servedAtOpenAPIJSON() async throws {
        let expected = try MetaController.openAPI()
        try await TestWorkspace().app().test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(Array(response.body.readableBytesView) == expected)
            }
        }
    }
}
