import ActorNetIO
import Foundation
import Hummingbird

/// Health and the API's own description.
struct MetaController: Sendable {
    func register(on router: Router<ServerContext>) {
        router.get("/healthz") { _, _ in Response.json("{\"status\":\"ok\"}\n") }
        router.get("/openapi.json") { _, _ in Response.bytes(try Self.openAPI(), contentType: MediaType.json) }
    }

    /// `openapi.json`, shipped as a resource of this module, with the parts that list formats
    /// filled in from `NetworkFormat.all` (each marked `"x-actornet-generated: NAME"` in the
    /// resource), so the document cannot drift from the table.
    static func openAPI() throws -> [UInt8] {
        switch document {
        case let .success(bytes): return bytes
        case let .failure(error): throw error
        }
    }

    private static let document: Result<[UInt8], APIError> = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = FileManager.default.contents(atPath: url.path)
        else { return .failure(APIError(.internalServerError, "openapi.json is missing from the server's resources")) }
        var text = String(decoding: data, as: UTF8.self)
        for (marker, json) in generated {
            text = text.replacingOccurrences(of: "\"x-actornet-generated: \(marker)\"", with: json)
        }
        return .success(Array(text.utf8))
    }()

    /// The generated parts, as one-line JSON: upload media types, export format names, export
    /// content types.
    static var generated: [(marker: String, json: String)] {
        func content(_ entries: [(type: String, format: NetworkFormat)]) -> String {
            "{" + entries.map { entry in
                let schemaType = entry.type == MediaType.json ? "object" : "string"
                return "\(JSONText.quote(entry.type)): {\"schema\": {\"type\": \"\(schemaType)\", \"description\": "
                    + "\(JSONText.quote("\(entry.format.title) (\(entry.format.uses))"))}}"
            }.joined(separator: ", ") + "}"
        }
        let writable = NetworkFormat.all.filter(\.canWrite)
        let exportTypes = writable.map { format in
            (type: String(format.contentType.split(separator: ";")[0]), format: format)
        }
        return [
            ("upload-content", content(Upload.mediaTypes)),
            ("export-formats", "[" + writable.map { JSONText.quote($0.name) }.joined(separator: ", ") + "]"),
            ("export-content", content(exportTypes)),
        ]
    }
}
