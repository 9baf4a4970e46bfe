import Hummingbird
import Logging

/// Counts and times every request by its route template (never the raw path: tokens live in
/// paths), and logs one line per request without personal data. Gives every request its id
/// (``RequestID``), passed on in the request's `X-Request-Id` and answered in the response's, and
/// answers `X-Content-Type-Options: nosniff` everywhere. Also, on every route:
///
/// - a 401 carries `WWW-Authenticate: Bearer realm="repairquote"` (RFC 9110 §11.6.1), whoever
///   answered it (an API key missing, a console sign-in refused);
/// - a `HEAD` answer has no body, whatever answered it (the GET of the route, or a 404 or 405);
/// - a request whose client hung up part-way (``ClientAbort``) is no server error: it is logged
///   at debug level and counted in `repairquote_http_requests_aborted_total`, not as a status.
struct ObservabilityMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let logger: Logger

    /// The challenge of every 401.
    static var challenge: String { #"Bearer realm="repairquote""# }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws
        -> Response
    {
        let start = ContinuousClock.now
        let id = RequestID.of(request.headers)
        var head = request.head
        head.headerFields[.requestID] = id
        var response: Response
        do {
            response = try await next(Request(head: head, body: request.body), context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch let abort as ClientAbort {
            return aborted(request, id: id, context: context, abort: abort)
        }
        response.headers[.requestID] = id
        response.headers[.contentTypeOptions] = "nosniff"
        if response.status == .unauthorized, response.headers[.wwwAuthenticate] == nil {
            response.headers[.wwwAuthenticate] = Self.challenge
        }
        if request.method == .head { response = response.createHeadResponse() }
        let route = context.endpointPath ?? "unmatched"
        let duration = ContinuousClock.now - start
        metrics.recordRequest(
            route: route, method: request.method.rawValue, status: response.status.code, duration: duration)
        logger.debug(
            "request",
            metadata: [
                "requestId": "\(id)", "method": "\(request.method.rawValue)", "route": "\(route)",
                "status": "\(response.status.code)",
                "ms": "\(duration.components.attoseconds / 1_000_000_000_000_000)",
            ])
        return response
    }

    /// The client is gone: counted and logged at debug level; the answer (400, closing) is only
    /// for a client that closed its sending side alone.
    func aborted(_ request: Request, id: String, context: Context, abort: ClientAbort) -> Response {
        let route = context.endpointPath ?? "unmatched"
        metrics.recordAborted(route: route, method: request.method.rawValue)
        logger.debug(
            "client closed the connection before its request was complete",
            metadata: [
                "requestId": "\(id)", "method": "\(request.method.rawValue)", "route": "\(route)",
                "reason": "\(abort.reason)",
            ])
        return Response(
            status: .badRequest,
            headers: [.requestID: id, .contentTypeOptions: "nosniff", .connection: "close"])
    }
}
