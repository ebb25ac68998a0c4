import ActorNetIO
import Foundation

/// The directory of network files: `NAME.yaml` each, in the native YAML `NativeWriter` writes.
/// Other files (a README, drawings) are not networks and are ignored.
///
/// Writes are atomic (`AtomicFile`): a reader sees the old file or the new one, a failed upload
/// leaves the old one intact, and of two concurrent uploads to one name one wins whole.
struct Workspace: Sendable {
    struct Stored: Sendable {
        var name: String
        var bytes: [UInt8]
        var modified: Date
    }

    let directory: String

    /// The rule names follow, stated in every refusal.
    static let nameRule = "a network name is 1 to 64 characters: letters, digits, '.', '_' and '-', starting "
        + "with a letter or digit, without '..' (so no hidden files, no slashes, no way out of the workspace)"

    /// Checks a name from a URL path segment (percent-decoded here: the router matches the raw
    /// segment, so `..%2Fetc` arrives as one segment and must not become `../etc`).
    static func validate(_ raw: String) throws(APIError) -> String {
        let name = raw.removingPercentEncoding ?? raw
        func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        guard let first = name.first, isAlphanumeric(first), name.count <= 64,
              name.allSatisfy({ isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }),
              !name.contains("..")
        else {
            throw APIError(.badRequest, "invalid network name '\(name)': \(nameRule)", field: "name")
        }
        return name
    }

    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent("\(name).yaml") }

    /// The names of the networks, sorted.
    func names() throws(APIError) -> [String] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw APIError(.internalServerError, "cannot list the workspace '\(directory)': \(error.localizedDescription)")
        }
        return entries.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
            .filter { (try? Self.validate($0)) == $0 }.sorted()
    }

    /// The file's bytes and modification time; 404 naming the known networks when missing.
    func read(_ name: String) throws(APIError) -> Stored {
        let path = path(name)
        guard let data = FileManager.default.contents(atPath: path),
              let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        else {
            let known = (try? names()) ?? []
            throw APIError(.notFound, "no network named '\(name)'; known networks: "
                + (known.isEmpty ? "none (PUT /v1/networks/NAME to add one)" : known.joined(separator: ", ")))
        }
        return Stored(name: name, bytes: [UInt8](data), modified: attributes[.modificationDate] as? Date ?? Date())
    }

    /// Writes atomically; returns whether the name was new.
    func write(_ name: String, bytes: [UInt8]) throws(APIError) -> Bool {
        let existed = FileManager.default.fileExists(atPath: path(name))
        do {
            try AtomicFile.write(bytes, to: path(name))
        } catch {
            throw APIError(.internalServerError, error.description)
        }
        return !existed
    }

    func delete(_ name: String) throws(APIError) {
        _ = try read(name)
        do {
            try FileManager.default.removeItem(atPath: path(name))
        } catch {
            throw APIError(.internalServerError, "cannot delete '\(name)': \(error.localizedDescription)")
        }
    }
}
