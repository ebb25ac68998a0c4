import ActorNetReports
import Foundation
import Hummingbird
import NIOCore

/// The job routes: submit (`POST /v1/networks/{name}/jobs`, or any analysis GET with `Prefer:
/// respond-async`), watch (`GET /v1/jobs/{id}`), fetch the result (`GET /v1/jobs/{id}/result`),
/// cancel (`DELETE /v1/jobs/{id}`).
struct JobsController: Sendable {
    let services: Services
    let jobs: JobStore
    /// The routes a job can run, by the last part of their path, with their handlers.
    let routes: [String: JobStore.Handler]

    init(services: Services, jobs: JobStore, analysis: AnalysisController) {
        self.services = services
        self.jobs = jobs
        routes = [
            "metrics": analysis.metrics, "hedging": analysis.hedging, "balance": analysis.balance,
            "report": analysis.report, "dyad": analysis.dyad, "dyad.svg": analysis.dyadSVG, "export": analysis.export,
            "render.svg": analysis.render, "timeline": analysis.timeline, "timeline.svg": analysis.timelineSVG,
        ]
    }

    func register(on router: Router<ServerContext>) {
        router.post("/v1/networks/{name}/jobs", use: submit)
        router.get("/v1/jobs/{id}", use: show)
        router.get("/v1/jobs/{id}/result", use: result)
        router.delete("/v1/jobs/{id}", use: cancel)
    }

    /// What `POST …/jobs` takes: `{"route": "metrics", "query": {"metric": "betweenness"}}`.
    struct Submission: Decodable {
        var route: String
        var query: [String: Scalar]?

        /// A query value: a string, or a number or boolean written as JSON.
        struct Scalar: Decodable {
            var text: String
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let text = try? container.decode(String.self) {
                    self.text = text
                } else if let flag = try? container.decode(Bool.self) {
                    text = flag ? "true" : "false"
                } else if let number = try? container.decode(Int.self) {
                    text = String(number)
                } else if let number = try? container.decode(Double.self) {
                    text = String(number)
                } else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a string, number or boolean")
                }
            }
        }
    }

    @Sendable func submit(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let name = try Workspace.validate(context.parameters.require("name"))
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingWhitespace().lowercased() }
        if let type, type != "application/json" {
            throw APIError(.unsupportedMediaType, "unsupported Content-Type '\(type)'; send the job as application/json, "
                + "e.g. {\"route\": \"metrics\", \"query\": {\"metric\": \"betweenness\"}}", field: "Content-Type")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: 64 << 10)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "a job description is at most 65536 bytes of JSON")
        }
        let submission: Submission
        do {
            submission = try JSONDecoder().decode(Submission.self, from: Data(body.readableBytesView))
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError(.badRequest, "\(key.stringValue): missing; e.g. {\"route\": \"metrics\", \"query\": "
                + "{\"metric\": \"betweenness\"}}", field: key.stringValue)
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, "\(field): \(context.debugDescription); route is a string, query an object "
                + "of strings, numbers or booleans", field: field.isEmpty ? nil : field)
        } catch let DecodingError.dataCorrupted(context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.badRequest, "\(field.isEmpty ? "body" : field): \(context.debugDescription); send "
                + "{\"route\": \"metrics\", \"query\": {\"metric\": \"betweenness\"}}", field: field.isEmpty ? nil : field)
        } catch {
            throw APIError(.badRequest, "the body is not a job description: \(error)")
        }
        return try await start(network: name, route: submission.route,
                               query: (submission.query ?? [:]).mapValues(\.text), routeField: "route")
    }

    /// Starts a job and answers 202 with its URL in `Location`.
    func start(network: String, route: String, query: [String: String], routeField: String?) async throws -> Response {
        guard let handler = routes[route] else {
            throw APIError(.badRequest, "\(routeField ?? "path"): '\(route)' is not a route a job runs; one of "
                + routes.keys.sorted().joined(separator: ", "), field: routeField)
        }
        let job = try await jobs.submit(network: network, route: route, query: query, handler: handler)
        return try describe(job, status: .accepted, headers: [.location: "/v1/jobs/\(job.id)"])
    }

    /// The job. With `Prefer: wait=N` (RFC 7240; at most 30 s) an unfinished job is answered
    /// when it finishes or after N seconds, whichever is first: one request instead of many polls.
    @Sendable func show(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let job = try find(context)
        if let seconds = RespondAsyncMiddleware.preference("wait", in: request).flatMap(Double.init), seconds > 0 {
            let end = ContinuousClock.now.advanced(by: .milliseconds(Int64(min(seconds, 30) * 1000)))
            while job.outcome == nil, ContinuousClock.now < end { try await Task.sleep(for: .milliseconds(25)) }
        }
        return try describe(job, status: .ok)
    }

    /// The result with the route's content type; 409 while the job runs, the job's error when it
    /// failed.
    @Sendable func result(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let job = try find(context)
        switch job.outcome {
        case let .done(body, headers):
            return .bytes(body.bytes, contentType: body.contentType, headers: headers)
        case let .failed(error):
            throw error
        case let .cancelled(reason):
            throw APIError(.conflict, "job \(job.id) was cancelled (\(reason)); it has no result; submit it again")
        case nil:
            throw APIError(.conflict, "job \(job.id) is \(job.state.rawValue); poll GET /v1/jobs/\(job.id) until its "
                + "state is done", headers: [.retryAfter: "1"])
        }
    }

    /// Cancels an unfinished job (200, its state now cancelled); forgets a finished one (204).
    @Sendable func cancel(_ request: Request, context: ServerContext) async throws -> Response {
        _ = try Query(request, allowed: [])
        let job = try find(context)
        guard job.cancel(reason: "cancelled with DELETE /v1/jobs/\(job.id)") else {
            jobs.remove(job.id)
            return Response(status: .noContent)
        }
        // The handler ends soon after its wait is cancelled; answer with the job as it then is.
        for _ in 0..<100 where job.outcome == nil { try await Task.sleep(for: .milliseconds(10)) }
        return try describe(job, status: .ok)
    }

    private func find(_ context: ServerContext) throws -> Job {
        let id = try context.parameters.require("id")
        guard let job = jobs.job(id) else {
            throw APIError(.notFound, "no job '\(id)': it never existed, was deleted or expired "
                + "(finished jobs are kept \(Deadline.describe(jobs.limits.expiry))); submit it again", field: "id")
        }
        return job
    }

    /// `GET /v1/jobs/{id}`'s JSON.
    struct Description: Encodable {
        var id: String
        var network: String
        var route: String
        var query: [String: String]
        var state: String
        var progress: Double?
        var stage: String?
        var submitted: String
        var finished: String?
        var expires: String?
        var result: String?
        var error: Problem?

        struct Problem: Encodable {
            var type = "about:blank"
            var title: String
            var status: Int
            var detail: String
            var field: String?
        }

        func encode(to encoder: any Encoder) throws {
            enum Key: String, CodingKey {
                case id, network, route, query, state, progress, stage, submitted, finished, expires, result, error
            }
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(id, forKey: .id)
            try container.encode(network, forKey: .network)
            try container.encode(route, forKey: .route)
            try container.encode(query, forKey: .query)
            try container.encode(state, forKey: .state)
            try container.encode(progress, forKey: .progress)  // null: the measure does not report
            try container.encode(stage, forKey: .stage)
            try container.encode(submitted, forKey: .submitted)
            try container.encode(finished, forKey: .finished)
            try container.encode(expires, forKey: .expires)
            try container.encode(result, forKey: .result)
            try container.encode(error, forKey: .error)
        }
    }

    func describe(_ job: Job, status: HTTPResponse.Status, headers: HTTPFields = [:]) throws -> Response {
        let (stage, fraction) = job.progress
        var problem: Description.Problem?
        switch job.outcome {
        case let .failed(error):
            problem = .init(title: error.status.reasonPhrase, status: error.status.code, detail: error.message, field: error.field)
        case let .cancelled(reason):
            problem = .init(title: "Cancelled", status: 409, detail: "the job was cancelled: \(reason)")
        default:
            break
        }
        let state = job.state
        let description = Description(
            id: job.id, network: job.network, route: job.route, query: job.query, state: state.rawValue,
            progress: fraction.map { ($0 * 1000).rounded() / 1000 }, stage: stage,
            submitted: NetworkListing.format(job.submitted), finished: job.finished.map(NetworkListing.format),
            expires: jobs.expires(job).map(NetworkListing.format),
            result: state == .done ? "/v1/jobs/\(job.id)/result" : nil, error: problem)
        var fields = headers
        fields[.cacheControl] = "no-store"
        return .bytes(Array(try JSONOutput.encode(description).utf8), status: status, contentType: MediaType.json, headers: fields)
    }
}

/// `Prefer: respond-async` (RFC 7240) on an analysis GET: the request becomes a job, answered
/// 202 with `Location: /v1/jobs/{id}` and `Preference-Applied: respond-async`.
struct RespondAsyncMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let jobs: JobsController

    static let prefer = HTTPFields.Element.Name("Prefer")!
    static let applied = HTTPFields.Element.Name("Preference-Applied")!

    func handle(_ request: Request, context: ServerContext,
                next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        guard request.method == .get, wantsAsync(request) else { return try await next(request, context) }
        let parts = request.uri.path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[1] == "v1", parts[2] == "networks", jobs.routes[String(parts[4])] != nil else {
            return try await next(request, context)
        }
        let name = try Workspace.validate(String(parts[3]).removingPercentEncoding ?? String(parts[3]))
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            guard query[String(key)] == nil else {
                throw APIError(.badRequest, "parameter '\(key)' is given twice; give it once", field: String(key))
            }
            query[String(key)] = String(value)
        }
        var response = try await jobs.start(network: name, route: String(parts[4]), query: query, routeField: nil)
        response.headers[Self.applied] = "respond-async"
        return response
    }

    private func wantsAsync(_ request: Request) -> Bool {
        Self.preference("respond-async", in: request) != nil
    }

    /// The value of preference `name` in the request's `Prefer` headers ("" for one without a
    /// value); nil when not asked for.
    static func preference(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: prefer] {
            for item in header.split(separator: ",") {
                let token = item.split(separator: ";").first ?? ""
                let parts = token.split(separator: "=", maxSplits: 1)
                guard parts.first?.trimmingWhitespace().lowercased() == name else { continue }
                return parts.count == 2 ? parts[1].trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: "\"")) : ""
            }
        }
        return nil
    }
}
