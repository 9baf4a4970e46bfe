import Hummingbird
import Logging
import NIOHTTP1

/// Turns every error into a JSON answer `{"error": …}`: domain and store errors, Hummingbird's own
/// (404 of an unknown path, 413 of a body over its limit), a known path with another method (405
/// with `Allow`, from the router's routes), a body later than its deadline (408,
/// ``BodyDeadlineHandler``), a malformed body (400, such as a bad chunk size), and unexpected
/// errors (500). Every 5xx is logged at error level
/// with the request id. A client that hung up part-way (``ClientAbort``) is passed on to
/// ``ObservabilityMiddleware``: no answer, no error.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger
    let routes: ServiceRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            if let abort = ClientAbort(error) { throw abort }
            // Hummingbird names the route of an unmatched request "NotFound".
            let matched = context.endpointPath.map { $0 != "NotFound" } ?? false
            let answer = answer(for: error, request: request, matched: matched)
            if answer.status.code >= 500 {
                logger.error(
                    "request failed",
                    metadata: [
                        "requestId": "\(request.headers[.requestID] ?? "-")",
                        "method": "\(request.method.rawValue)",
                        "route": "\(context.endpointPath ?? "unmatched")",
                        "status": "\(answer.status.code)", "error": "\(String(reflecting: error))",
                    ])
            }
            return try answer.response(from: request, context: context)
        }
    }

    func answer(for error: any Error, request: Request, matched: Bool) -> APIError {
        if let mapped = APIError.mapping(error) { return mapped }
        if let late = error as? BodyDeadlineHandler.BodyTooLate {
            return APIError(
                .requestTimeout, "the request body did not arrive within \(late.seconds) s",
                headers: [.connection: "close"])
        }
        if let malformed = error as? HTTPParserError {
            return APIError(.badRequest, "the request body is not valid HTTP/1.1 framing (\(malformed))")
        }
        guard let error = error as? any HTTPResponseError else {
            return APIError(.internalServerError, "unexpected error; the request id is in X-Request-Id")
        }
        switch error.status {
        case .notFound where !matched:
            let allowed = routes.methods(forPath: request.uri.path)
            guard !allowed.isEmpty else { return APIError(.notFound, "no such path") }
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            return APIError(
                .methodNotAllowed, "\(request.method.rawValue) is not allowed here (\(allow))",
                headers: [.allow: allow])
        case .contentTooLarge:
            return APIError(.contentTooLarge, "the body is larger than this endpoint takes")
        case .requestTimeout: return APIError(.requestTimeout, "the request took too long to arrive")
        default:
            let reason = error.status.reasonPhrase.isEmpty ? "error" : error.status.reasonPhrase.lowercased()
            return APIError(error.status, reason)
        }
    }
}
