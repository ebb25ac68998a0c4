import ActorNetCore
import ActorNetIO
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
    /// The format of FILE for the analysis ops (nil: by extension, else by content), as the
    /// `actornet` CLI's `--from`.
    var format: NetworkFormat?
    /// The approximate betweenness ops' bound: every value within ε with probability ≥ 1 − δ.
    var epsilon = 0.01
    var delta = 0.1
    var seed: UInt64 = 1
    /// The approximate ops' path lengths (and the exact reference's).
    var distance: Distance = .unit
    /// After the timed runs, computes exact betweenness once (untimed) and reports the largest
    /// error of the last run's estimate.
    var exact = false
    /// `betweenness-accuracy`: how many seeded runs (seeds 1…N) and which estimator.
    var seeds = 100
    var method: BetweennessSampling.Method = .paths

    static let usage = """
        usage: actornet-bench FILE.graphml --op OP [--runs N] [--budget SECONDS] [--threads N] [-o OUT]
               [--from FORMAT] [--epsilon E] [--delta D] [--seed N] [--exact] [--seeds N] [--method M]
               [--distance unit|inverse|weight]

        Times one ActorNet library operation in-process and prints one JSON object:
        {"op", "tool", "seconds": [per run], facts…}. The file is read before timing,
        except for read-graphml and load.

        Views: centrality ops read positive relations as undirected at every date
        (ViewFilter(sign: .positive, at: nil, direction: .undirected)); the signed ops read
        every relation as undirected at every date.

        Approximate betweenness (betweenness-kadabra, betweenness-sampled, betweenness-accuracy):
        --epsilon E, --delta D   every value within E of exact with probability ≥ 1 − D
                                 (networkx's normalisation; default 0.01 and 0.1)
        --seed N                 the estimate's seed (default 1)
        --distance D             path lengths: unit (hops, the default; networkit's Kadabra
                                 is unweighted), inverse (1/weight, the CLI's default) or weight
        --exact                  then compute exact betweenness once, untimed, and report
                                 maxError, the largest |estimate − exact| of the last run
        --seeds N                betweenness-accuracy: runs with seeds 1…N (default 100)
        --method paths|sources   betweenness-accuracy: KADABRA or Brandes–Pich (default paths)
        --from FORMAT            read FILE as FORMAT (\(NetworkFormat.names(where: \.canRead))) for
                                 the analysis ops, as `actornet --from`; default: by extension,
                                 else by content. read-graphml and load read GraphML.

        ops:
        \(BenchOperation.allCases.map { "  \($0.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

        Exit status: 0 success; 64 bad usage; 66 FILE cannot be read or is not a valid network;
        73 an output cannot be written.
        """

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions {
        var file: String?, operation: BenchOperation?
        var runs = 1, budget: Double?, threads: Int?, output: String?, format: NetworkFormat?
        var epsilon = 0.01, delta = 0.1, seed: UInt64 = 1, exact = false, seeds = 100
        var method = BetweennessSampling.Method.paths
        var distance = Distance.unit
        var given: Set<String> = []
        var rest = arguments[...]
        func value(_ option: String) throws(UsageError) -> String {
            guard let next = rest.popFirst() else { throw UsageError("\(option) needs a value") }
            return next
        }
        func positive(_ option: String, _ text: String) throws(UsageError) -> Int {
            guard let n = Int(text), n > 0 else { throw UsageError("\(option) '\(text)' must be a whole number > 0") }
            return n
        }
        func fraction(_ option: String, _ text: String) throws(UsageError) -> Double {
            guard let x = Double(text), x > 0, x < 1 else { throw UsageError("\(option) '\(text)' must be a number in (0, 1), e.g. 0.01") }
            return x
        }
        while let argument = rest.popFirst() {
            if argument.hasPrefix("--") { given.insert(argument) }
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
            case "--from":
                let name = try value(argument)
                guard let chosen = NetworkFormat.named(name), chosen.canRead else {
                    throw UsageError("--from '\(name)' is not a format ActorNet reads; known: \(NetworkFormat.names(where: \.canRead))")
                }
                format = chosen
            case "--epsilon": epsilon = try fraction(argument, value(argument))
            case "--delta": delta = try fraction(argument, value(argument))
            case "--seed":
                let text = try value(argument)
                guard let n = UInt64(text) else { throw UsageError("--seed '\(text)' must be a whole number ≥ 0") }
                seed = n
            case "--exact": exact = true
            case "--distance":
                let name = try value(argument)
                guard let chosen = Distance(rawValue: name) else {
                    throw UsageError("--distance '\(name)' is not one of \(Distance.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                distance = chosen
            case "--seeds": seeds = try positive(argument, value(argument))
            case "--method":
                let name = try value(argument)
                guard let chosen = BetweennessSampling.Method(rawValue: name) else {
                    throw UsageError("--method '\(name)' is not one of \(BetweennessSampling.Method.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                method = chosen
            default:
                guard !argument.hasPrefix("-") else { throw UsageError("unknown option '\(argument)'") }
                guard file == nil else { throw UsageError("one FILE only (got '\(file!)' and '\(argument)')") }
                file = argument
            }
        }
        guard let file else { throw UsageError("FILE is missing") }
        guard let operation else { throw UsageError("--op is missing") }
        let approximate: Set<BenchOperation> = [.betweennessKadabra, .betweennessSampled, .betweennessAccuracy]
        let misplaced = [
            ("--epsilon", approximate), ("--delta", approximate), ("--distance", approximate), ("--seed", [.betweennessKadabra, .betweennessSampled]),
            ("--exact", [.betweennessKadabra, .betweennessSampled]), ("--seeds", [.betweennessAccuracy]),
            ("--method", [.betweennessAccuracy]),
            ("--from", Set(BenchOperation.allCases).subtracting([.readGraphML, .load])),
        ].filter { given.contains($0.0) && !$0.1.contains(operation) }
        if let (option, ops) = misplaced.first {
            throw UsageError("\(option) applies to \(ops.map(\.rawValue).sorted().joined(separator: ", ")), not to \(operation.rawValue)")
        }
        return BenchOptions(file: file, operation: operation, runs: runs, budget: budget, threads: threads, output: output,
                            format: format, epsilon: epsilon, delta: delta, seed: seed, distance: distance, exact: exact,
                            seeds: seeds, method: method)
    }
}

/// Bad usage; `message` nil asks for the help text alone.
struct UsageError: Error {
    var message: String?
    init(_ message: String?) { self.message = message }
}
