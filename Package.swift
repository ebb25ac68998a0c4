// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ActorNet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "actornet", targets: ["actornet"]),
        .library(name: "ActorNetCore", targets: ["ActorNetCore"]),
        .library(name: "ActorNetIO", targets: ["ActorNetIO"]),
        .library(name: "ActorNetReports", targets: ["ActorNetReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Hummingbird's own dependency; named because the server imports NIOCore itself.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // libxml2 through pkg-config; Debian: libxml2-dev. Only ActorNetIO imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // zlib through pkg-config; Debian: zlib1g-dev. The server inflates gzip and deflate
        // request bodies with it (Foundation on Linux has no gzip API).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // fork + PR_SET_PDEATHSIG + execve for Graphviz (see its spawn.c); only ActorNetIO uses it.
        .target(name: "CChildProcess"),
        // Graphviz's graph library (libcgraph) through pkg-config; Debian: libgraphviz-dev. The
        // DOT reader parses with Graphviz's own grammar.
        .systemLibrary(
            name: "CGraph",
            pkgConfig: "libcgraph",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(
            name: "ActorNetCore",
            swiftSettings: strict
        ),
        .target(
            name: "ActorNetIO",
            dependencies: ["ActorNetCore", "CLibXML2", "CGraph", "CChildProcess", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Presentation: the text, CSV and JSON reports and the SVG charts. Codecs stay in IO.
        .target(
            name: "ActorNetReports",
            dependencies: ["ActorNetCore", "ActorNetIO"],
            swiftSettings: strict
        ),
        .target(
            name: "ActorNetServer",
            dependencies: [
                "ActorNetCore", "ActorNetIO", "ActorNetReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                // Imported directly (the HTTP/1 channel, client watching), not only through
                // Hummingbird.
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                // HTTPParserError: a malformed or truncated request, answered with a problem body.
                .product(name: "NIOHTTP1", package: "swift-nio"),
                "CZlib",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("openapi.json"), .copy("Page/sort.js"), .copy("Page/page.css")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "actornet",
            dependencies: [
                "ActorNetCore", "ActorNetIO", "ActorNetReports", "ActorNetServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Times library operations for scripts/bench; no server, so it builds in seconds.
        .executableTarget(
            name: "actornet-bench",
            dependencies: ["ActorNetCore", "ActorNetIO", "ActorNetReports"],
            swiftSettings: strict
        ),
        // Fuzz harness for every reader: a replay tool in a normal build, a libFuzzer binary when
        // scripts/fuzz builds it with -sanitize=fuzzer,address -DFUZZING. No server.
        .executableTarget(
            name: "actornet-fuzz",
            dependencies: ["ActorNetCore", "ActorNetIO"],
            swiftSettings: strict
        ),
        .target(
            name: "ActorNetTestSupport",
            dependencies: ["ActorNetCore", "ActorNetIO", "CLibXML2"],
            path: "Tests/ActorNetTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "ActorNetCoreTests",
            dependencies: ["ActorNetCore", "ActorNetTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ActorNetIOTests",
            dependencies: ["ActorNetIO", "ActorNetCore", "ActorNetTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ActorNetReportsTests",
            dependencies: ["ActorNetReports", "ActorNetIO", "ActorNetCore", "ActorNetTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ActorNetServerTests",
            dependencies: [
                "ActorNetServer", "ActorNetTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ActorNetCLITests",
            dependencies: ["ActorNetTestSupport", "ActorNetCore", "ActorNetIO", "ActorNetReports", "actornet"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
