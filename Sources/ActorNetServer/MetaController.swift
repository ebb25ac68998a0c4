import Foundation
import Hummingbird

/// Health and the API's own description.
struct MetaController: Sendable {
    func register(on router: Router<ServerContext>) {
        router.get("/healthz") { _, _ in Response.json("{\"status\":\"ok\"}\n") }
        router.get("/openapi.json") { _, _ in Response.bytes(try Self.openAPI(), contentType: MediaType.json) }
    }

    /// `openapi.json`, shipped as a resource of this module.
    static func openAPI() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = FileManager.default.contents(atPath: url.path)
        else { throw APIError(.internalServerError, "openapi.json is missing from the server's resources") }
        return [UInt8](data)
    }
}
