import Foundation

/// The Python interpreter the interoperability tests run (networkx, igraph and a few standard
/// modules), and whether it has what a test needs, so that a test can be skipped with its
/// reason when it does not:
///
///     @Test(.enabled(if: Python.has(modules: ["networkx"]), "needs python3 with networkx"))
///
/// The interpreter is `ACTORNET_PYTHON` when set (a path), else `python3` on PATH found through
/// `/usr/bin/env`, so a pyenv or virtualenv with the packages is the one used.
/// `ACTORNET_PYTHON=/nonexistent swift test` shows these tests as skipped.
///
/// With `ACTORNET_REQUIRE_PYTHON=1` (set by `scripts/test`, which installs the packages first)
/// nothing is skipped: a missing interpreter or package fails the tests that need it.
public enum Python {
    /// The program to start and the arguments that come before the script's own.
    public static let interpreter: (executable: String, arguments: [String]) = {
        if let path = ProcessInfo.processInfo.environment["ACTORNET_PYTHON"], !path.isEmpty { return (path, []) }
        return ("/usr/bin/env", ["python3"])
    }()

    /// The interpreter as a user would type it, for messages.
    public static var described: String { ([interpreter.executable] + interpreter.arguments).joined(separator: " ") }

    /// The program and arguments that run the interpreter with `arguments` (a script and its
    /// arguments, or `-c` and code).
    public static func command(_ arguments: [String]) -> (executable: String, arguments: [String]) {
        (interpreter.executable, interpreter.arguments + arguments)
    }

    /// Whether missing Python must fail tests instead of skipping them (`ACTORNET_REQUIRE_PYTHON`).
    public static let required: Bool = {
        let value = ProcessInfo.processInfo.environment["ACTORNET_REQUIRE_PYTHON"] ?? ""
        return !value.isEmpty && value != "0"
    }()

    /// Whether the interpreter starts and imports every one of `modules` (none: whether it
    /// starts). Asked once per set of modules; the answer is kept for the rest of the run.
    public static func has(modules: [String] = []) -> Bool {
        if required { return true }
        let key = modules.sorted().joined(separator: ",")
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[key] { return known }
        let answer = imports(modules)
        answers[key] = answer
        return answer
    }

    nonisolated(unsafe) private static var answers: [String: Bool] = [:]
    private static let lock = NSLock()

    private static func imports(_ modules: [String]) -> Bool {
        let code = modules.isEmpty ? "pass" : "import " + modules.joined(separator: ", ")
        let (executable, arguments) = command(["-c", code])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }
}
