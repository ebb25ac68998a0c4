import ActorNetCore
import ActorNetIO
import ActorNetReports
import ArgumentParser

struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic signed network (degree-corrected stochastic block model) for load tests and benchmarks.",
        discussion: """
            Actors A0 … A{n-1} fall into blocs (bloc-0 …; actor i is in bloc i mod k) and draw \
            a heavy-tailed activity once (power law with --activity-exponent, truncated at \
            √n); relations r0 … r{m-1} join actors in proportion to their activities, inside \
            a bloc or (a --between share of them) between two. Inside a bloc relations are \
            mostly positive (--positive-inside), between blocs mostly rivalry \
            (--negative-between). Positive relations are membership (an actor → an \
            organisation; --organisations is the share of organisations), supply (material) \
            or cooperation (stated or material). Weights run from 0.5 to 5 in steps of 0.1; \
            relations start in a year of --years and some end later (--no-dates for none). \
            No self-relations; parallel relations occur, as in real data.

            Counts take k (thousands) and M (millions): --actors 100k --relations 1M. The \
            default number of blocs is round(√n / 2), at least 2, at most 1000 and at most \
            n/2. The same options and --seed give the same bytes on every run and platform.

            The format comes from -o's extension unless --format is given; without -o the \
            network goes to standard output (YAML by default). GraphML and GEXF stream; files \
            are written atomically.

            Exit status: 0 success; 64 bad usage (a count, share, exponent or year range out \
            of range, or a format that cannot be told from -o); 73 the output cannot be written.
            """
    )

    @Option(help: ArgumentHelp("The number of actors (at least 2); k and M suffixes.", valueName: "count"),
            transform: Self.count)
    var actors: Int

    @Option(help: ArgumentHelp("The number of relations; k and M suffixes.", valueName: "count"),
            transform: Self.count)
    var relations: Int

    @Option(help: ArgumentHelp("The number of blocs, 1 to actors/2 (default: round(√actors / 2), 2 to 1000).",
                               valueName: "count"),
            transform: Self.count)
    var blocs: Int?

    @Option(help: "Seeds every random draw.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("γ > 1 of the activity power law P(θ) ∝ θ^−γ; smaller is more unequal.", valueName: "γ"))
    var activityExponent = 2.5

    @Option(help: ArgumentHelp("The share of relations between two blocs.", valueName: "share"))
    var between = 0.3

    @Option(help: ArgumentHelp("The share of relations inside a bloc that are positive.", valueName: "share"))
    var positiveInside = 0.85

    @Option(help: ArgumentHelp("The share of relations between blocs that are negative (rivalry).", valueName: "share"))
    var negativeBetween = 0.75

    @Option(help: ArgumentHelp("The share of actors that are organisations (membership targets).", valueName: "share"))
    var organisations = 0.05

    @Option(help: ArgumentHelp("The years relations start in, FIRST-LAST (default: 1990-2025).", valueName: "years"),
            transform: Self.yearRange)
    var years: ClosedRange<Int>?

    @Flag(help: "Undated relations.")
    var noDates = false

    @Option(help: "Output format (default: from -o's extension, else yaml).")
    var format: NetworkFormat?

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @Flag(help: "GEXF: dynamic mode, relations' since/until as time intervals for Gephi's timeline.")
    var dynamic = false

    /// The export these options ask for.
    var request: ExportRequest {
        var request = ExportRequest(format: format ?? output.flatMap(NetworkFormat.forPath) ?? .yaml)
        request.dynamic = dynamic
        return request
    }

    /// The model these options describe.
    var model: SignedBlockModel {
        var model = SignedBlockModel(actors: actors, relations: relations, blocs: blocs, seed: seed)
        model.activityExponent = activityExponent
        model.betweenShare = between
        model.positiveInside = positiveInside
        model.negativeBetween = negativeBetween
        model.organisationShare = organisations
        model.years = noDates ? nil : years ?? model.years
        return model
    }

    func validate() throws {
        if noDates, years != nil { throw ValidationError("--years and --no-dates contradict each other; give one") }
        if format == nil, let output, NetworkFormat.forPath(output) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; add --format (\(NetworkFormat.names()))")
        }
        let request = request
        _ = try checked { () throws(RequestError) in try request.settings() }
        do {
            try model.validate()
        } catch {
            throw ValidationError(Self.message(error))
        }
    }

    func run() async throws {
        let network: Network
        do {
            network = try model.generate()
        } catch {
            throw ValidationError(Self.message(error))
        }
        try writeExport(network, format: request.format, to: output, options: try checked { () throws(RequestError) in try request.settings() })
    }

    /// The model's error in the words of the command line: the option, its value, the fix.
    static func message(_ error: SignedBlockModelError) -> String {
        let option: String = switch error.parameter {
        case .actors: "--actors"
        case .relations: "--relations"
        case .blocs: "--blocs"
        case .activityExponent: "--activity-exponent"
        case .betweenShare: "--between"
        case .positiveInside: "--positive-inside"
        case .negativeBetween: "--negative-between"
        case .organisationShare: "--organisations"
        case .years: "--years"
        case .membershipRate, .supplyShare, .statedShare, .endedShare: error.parameter.rawValue
        }
        return "\(option) \(error.value) \(error.problem); \(error.fix)"
    }

    /// Why an option's text is not what it should be; ArgumentParser prints it after the
    /// option and the value.
    struct ArgumentProblem: Error, CustomStringConvertible {
        var description: String
    }

    static func count(_ text: String) throws -> Int {
        do {
            return try ScaledCount.parse(text)
        } catch {
            throw ArgumentProblem(description: "\(error.problem); \(error.fix)")
        }
    }

    static func yearRange(_ text: String) throws -> ClosedRange<Int> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { part in part.utf8.allSatisfy { (48...57).contains($0) } ? Int(part) : nil }
        guard (1...2).contains(parts.count), numbers.count == parts.count else {
            throw ArgumentProblem(description: "not a year range; write FIRST-LAST, e.g. 1990-2025, or one year")
        }
        guard numbers[0] <= numbers[numbers.count - 1] else {
            throw ArgumentProblem(description: "the first year is after the last; write FIRST-LAST, e.g. 1990-2025")
        }
        return numbers[0]...numbers[numbers.count - 1]
    }
}
