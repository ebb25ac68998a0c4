import ActorNetIO
import Foundation

/// The document types `PUT /v1/networks/{name}` accepts, by media type, each with the library
/// reader that parses it. One table, so the 415 message and the OpenAPI document list the same.
enum Upload {
    enum Format: String, Sendable {
        case yaml, json, graphml, gexf, csv
    }

    static let mediaTypes: [(type: String, format: Format)] = [
        ("application/yaml", .yaml), ("application/x-yaml", .yaml), ("text/yaml", .yaml),
        ("application/json", .json),
        ("application/graphml+xml", .graphml), ("application/xml", .graphml), ("text/xml", .graphml),
        ("application/gexf+xml", .gexf),
        ("text/csv", .csv),
    ]

    /// The format of a `Content-Type` header (parameters such as `charset` ignored); 415 naming
    /// the accepted types otherwise.
    static func format(contentType: String?) throws(APIError) -> Format {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters().lowercased() } ?? ""
        guard let match = mediaTypes.first(where: { $0.type == type }) else {
            throw APIError(.unsupportedMediaType, (type.isEmpty ? "no Content-Type given" : "unsupported Content-Type '\(type)'")
                + "; accepted: " + mediaTypes.map(\.type).joined(separator: ", "), field: "Content-Type")
        }
        return match.format
    }

    /// Parses and validates an uploaded document with the library's readers (as the CLI reads
    /// files); `name` names it in diagnostics.
    static func read(_ bytes: [UInt8], format: Format, name: String) -> LoadResult {
        let file = "\(name).\(format.rawValue)"
        let fileFormat: FileFormat = switch format {
        case .yaml: .yaml
        case .json: .json
        case .graphml: .graphml
        case .gexf: .gexf
        case .csv: .csv
        }
        return AnyFormatLoader.load(bytes: bytes, file: file, format: fileFormat)
    }
}
