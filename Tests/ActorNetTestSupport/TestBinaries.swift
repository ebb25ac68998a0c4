public import Foundation

/// The built `actornet` executable that the CLI and end-to-end tests run as a user would.
///
/// `ACTORNET_BIN` when set; otherwise `actornet` in the build products directory, the one that
/// holds the running test bundle (`.build/debug/ActorNetPackageTests.xctest`: on Linux the test
/// executable itself, `Bundle.main`; on macOS a bundle loaded by the test runner). Works on Linux
/// and macOS, whatever the build directory or configuration.
public enum TestBinaries {
    /// Why the binary could not be found: what was looked at and how to fix it.
    public struct NotFound: Error, CustomStringConvertible {
        public let description: String
    }

    /// The `actornet` executable, or an error saying where it was looked for.
    public static func actornet() throws -> URL { try actornetResult.get() }

    private static let actornetResult: Result<URL, NotFound> = locate("actornet", environment: "ACTORNET_BIN")

    /// The directories that may hold the build products: for the bundle this code is linked
    /// into (the test bundle), the main bundle and every other loaded bundle, the directory that
    /// holds it when it is an `.xctest` bundle (macOS), and the directory of its executable (on
    /// Linux the test bundle is an executable in the products directory).
    public static var productDirectories: [URL] {
        var directories: [URL] = []
        for bundle in [Bundle(for: Marker.self), Bundle.main] + Bundle.allBundles {
            if bundle.bundleURL.pathExtension == "xctest" { directories.append(bundle.bundleURL.deletingLastPathComponent()) }
            if let executable = bundle.executableURL { directories.append(executable.deletingLastPathComponent()) }
        }
        var seen = Set<String>()
        return directories.map { $0.resolvingSymlinksInPath().standardizedFileURL }.filter { seen.insert($0.path).inserted }
    }

    private final class Marker {}

    static func locate(_ name: String, environment variable: String) -> Result<URL, NotFound> {
        if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                return .failure(NotFound(description: "\(variable)=\(path) is not an executable file; point it at a built \(name) or unset it"))
            }
            return .success(URL(fileURLWithPath: path))
        }
        let directories = productDirectories
        if let found = directories.map({ $0.appendingPathComponent(name) })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return .success(found)
        }
        return .failure(NotFound(description: """
            no '\(name)' executable beside the test bundle (looked in \(directories.map(\.path).joined(separator: ", "))); \
            build it with `swift build --build-tests`, or set \(variable) to a built \(name)
            """))
    }
}
