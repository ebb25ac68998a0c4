import ActorNetCore
import ActorNetIO
@testable import ActorNetServer
import ActorNetTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting

/// A temporary workspace holding a copy of the shipped network, and the app serving it.
struct TestWorkspace {
    let directory: String

    init(seeded: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("actornet-server-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if seeded {
            try FileManager.default.copyItem(atPath: Fixtures.path("graphs/russia-iran.yaml"), toPath: path("russia-iran"))
            // Not networks: ignored by the listing.
            try Data("# notes\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/README.md"))
            try Data("<svg/>".utf8).write(to: URL(fileURLWithPath: "\(directory)/russia-iran.svg"))
        }
    }

    func path(_ name: String) -> String { "\(directory)/\(name).yaml" }

    func arguments(timeout: Duration = .seconds(60), maxBodyBytes: Int = 10 << 20) -> ServerArguments {
        ServerArguments(workspace: directory, maxBodyBytes: maxBodyBytes, computeTimeout: timeout, logLevel: .warning)
    }

    func app(timeout: Duration = .seconds(60), maxBodyBytes: Int = 10 << 20) -> some ApplicationProtocol {
        buildApplication(arguments(timeout: timeout, maxBodyBytes: maxBodyBytes))
    }

    /// The shipped network as the library reads it.
    static let shipped: Network = NetworkLoader.load(path: Fixtures.path("graphs/russia-iran.yaml")).network!
}

extension TestResponse {
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// An error's RFC 9457 problem object (`detail` is its message), empty unless the body is
    /// `application/problem+json`.
    var error: [String: Any] { headers[.contentType] == "application/problem+json" ? object : [:] }
}

extension ByteBuffer {
    init(text: String) { self.init(bytes: Array(text.utf8)) }
}

func headers(_ contentType: String) -> HTTPFields { [.contentType: contentType] }
