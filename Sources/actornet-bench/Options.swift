import Foundation

/// The command line of `actornet-bench`, parsed by hand: the target depends on the two
/// libraries only, so it builds in seconds and times nothing but library code.
struct BenchOptions {
    var file: String
    var operation: BenchOperation
    var runs = 1
    /// Stop repeating once this many seconds have been spent on runs (at least one run is made).
    var budget: Double?
    /// Worker threads for the path measures; nil: every core.
    var threads: Int?
    /// Where write ops and `export-edges` write (default: beside FILE, in a `.out` file).
    var output: String?

    static let usage = """
        usage: actornet-bench FILE.graphml --op OP [--runs N] [--budget SECONDS] [--threads N] [-o OUT]

        Times one ActorNet library operation in-process and prints one JSON object:
        {"op", "tool", "seconds": [per run], facts…}. The file is read before timing,
        except for read-graphml and load.

        Views: centrality ops read positive relations as undirected at every date
        (ViewFilter(sign: .positive, at: nil, direction: .undirected)); the signed ops read
        every relation as undirected at every date.

        ops:
        \(BenchOperation.allCases.map { "  \($0.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

        Exit status: 0 success; 64 bad usage; 66 FILE cannot be read or is not a valid network;
        73 an output cannot be written.
        """

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions {
        var file: String?, operation: BenchOperation?
        var runs = 1, budget: Double?, threads: Int?, output: String?
        var rest = arguments[...]
        func value(_ option: String) throws(UsageError) -> String {
            guard let next = rest.popFirst() else { throw UsageError("\(option) needs a value") }
            return next
        }
        func positive(_ option: String, _ text: String) throws(UsageError) -> Int {
            guard let n = Int(text), n > 0 else { throw UsageError("\(option) '\(text)' must be a whole number > 0") }
            return n
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help": throw UsageError(nil)
            case "--op":
                let name = try value(argument)
                guard let op = BenchOperation(rawValue: name) else {
                    throw UsageError("unknown op '\(name)'; known: \(BenchOperation.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                operation = op
            case "--runs": runs = try positive(argument, value(argument))
            case "--threads": threads = try positive(argument, value(argument))
            case "--budget":
                let text = try value(argument)
                guard let seconds = Double(text), seconds > 0 else { throw UsageError("--budget '\(text)' must be a number of seconds > 0") }
                budget = seconds
            case "-o", "--output": output = try value(argument)
            default:
                guard !argument.hasPrefix("-") else { throw UsageError("unknown option '\(argument)'") }
                guard file == nil else { throw UsageError("one FILE only (got '\(file!)' and '\(argument)')") }
                file = argument
            }
        }
        guard let file else { throw UsageError("FILE is missing") }
        guard let operation else { throw UsageError("--op is missing") }
        return BenchOptions(file: file, operation: operation, runs: runs, budget: budget, threads: threads, output: output)
    }
}

/// Bad usage; `message` nil asks for the help text alone.
struct UsageError: Error {
    var message: String?
    init(_ message: String?) { self.message = message }
}
