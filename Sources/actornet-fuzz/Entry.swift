// actornet-fuzz: one harness for every reader, two ways to run it.
//
// Built normally (`swift build`, as CI does) it is a replay tool:
//     actornet-fuzz READER FILE...
// feeds each file through the reader and prints what the reader answered, with every diagnostic
// (exit 0; 64 on bad usage, 66 when a file cannot be read). A crash stops it; the file being
// replayed is named on standard error first.
//
// Built by `scripts/fuzz` with `-sanitize=fuzzer,address -DFUZZING` it is a libFuzzer binary:
// the reader comes from the environment variable ACTORNET_FUZZ_READER, and the arguments are
// libFuzzer's own. SwiftPM links an executable's `main` to its `@main` type, so libFuzzer's own
// `main` is not used; `@main` hands the arguments to libFuzzer's driver (`LLVMFuzzerRunDriver`)
// with `LLVMFuzzerTestOneInput` as the callback.

import Foundation

#if FUZZING

/// The reader, chosen once from ACTORNET_FUZZ_READER; an unknown name stops the run at once.
private let fuzzReader: FuzzReader = {
    switch FuzzReader.named(ProcessInfo.processInfo.environment["ACTORNET_FUZZ_READER"]) {
    case let .success(reader): return reader
    case let .failure(error):
        FileHandle.standardError.write(Data("actornet-fuzz: \(error)\n".utf8))
        exit(64)
    }
}()

/// Sink the outcomes flow into, so no reader call is optimised away (public: the optimiser cannot
/// prove that nothing reads it).
public nonisolated(unsafe) var fuzzOutcomesConsumed = 0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let outcome = Harness.run(fuzzReader, bytes)
    fuzzOutcomesConsumed &+= outcome.renderedBytes &+ outcome.actors &+ outcome.relations &+ (outcome.accepted ? 1 : 0)
    return 0
}

/// libFuzzer's driver: `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`.
@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
enum FuzzMain {
    static func main() {
        if ProcessInfo.processInfo.environment["ACTORNET_FUZZ_LIST"] == "1" {
            print(FuzzReader.listing, terminator: "")
            exit(0)
        }
        _ = fuzzReader  // an unknown reader stops here, before libFuzzer starts
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(llvmFuzzerRunDriver(&argc, &argv, fuzzerTestOneInput))
    }
}

#else

@main
enum Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--list"] || ProcessInfo.processInfo.environment["ACTORNET_FUZZ_LIST"] == "1" {
            print(FuzzReader.listing, terminator: "")
            exit(0)
        }
        guard arguments.count >= 2 else {
            fail("usage: actornet-fuzz READER FILE...  (READER: \(FuzzReader.names))", status: 64)
        }
        let reader: FuzzReader
        switch FuzzReader.named(arguments[0]) {
        case let .success(r): reader = r
        case let .failure(error): fail("\(error)", status: 64)
        }
        var status: Int32 = 0
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("actornet-fuzz: cannot read '\(path.prefix(60))'; check the path\n".utf8))
                status = 66
                continue
            }
            FileHandle.standardError.write(Data("replaying \(path)\n".utf8))
            let o = Harness.run(reader, Array(data))
            print("\(path): \(o.accepted ? "accepted" : "rejected"), \(o.actors) actors, \(o.relations) relations, "
                + "\(o.errors) errors, \(o.warnings) warnings")
            for text in o.rendered {
                print("  " + text.replacingOccurrences(of: "\n", with: "\n  "))
            }
        }
        exit(status)
    }

    static func fail(_ message: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data("actornet-fuzz: \(message)\n".utf8))
        exit(status)
    }
}

#endif
