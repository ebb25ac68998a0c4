import ActorNetIO
import ActorNetReports
import Foundation

/// The document types `PUT /v1/networks/{name}` accepts: the media types of the readable
/// formats in `NetworkFormat.all`, so the 415 message, the readers and the OpenAPI document list
/// the same.
enum Upload {
    /// Every accepted media type with its format, in the table's order.
    static var mediaTypes: [(type: String, format: NetworkFormat)] {
        NetworkFormat.all.filter(\.canRead).flatMap { format in format.mediaTypes.map { ($0, format) } }
    }

    /// The format of a `Content-Type` header (parameters such as `charset` ignored); 415 naming
    /// the accepted types otherwise.
    static func format(contentType: String?) throws(APIError) -> (format: NetworkFormat, type: String) {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingWhitespace().lowercased() } ?? ""
        guard let format = NetworkFormat.forMediaType(type) else {
            throw APIError(.unsupportedMediaType, (type.isEmpty ? "no Content-Type given" : "unsupported Content-Type '\(type)'")
                + "; accepted: " + mediaTypes.map(\.type).joined(separator: ", "), field: "Content-Type")
        }
        return (format, type)
    }

    /// Parses and validates an uploaded document with the library's readers (as the CLI reads
    /// files); `name` names it in diagnostics. A generic media type (`application/xml`, not the
    /// format's own `application/graphml+xml`) whose content is plainly another readable format
    /// (a GEXF root element) is read as that format.
    static func read(_ bytes: [UInt8], format: NetworkFormat, type: String, name: String) -> LoadResult {
        var format = format
        if type != format.mediaTypes.first, format.sniff?(bytes.prefix(4096)) != true,
           let other = NetworkFormat.detect(bytes.prefix(4096)), other.canRead {
            format = other
        }
        return AnyFormatLoader.load(bytes: bytes, file: "\(name).\(format.extensions[0])", format: format)
    }
}
