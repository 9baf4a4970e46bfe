import Hummingbird

/// The console's own 404 and 403 as pages in the user's language, with the console's header
/// (the API's stay JSON): a path under `/console` that no route has, with any method; a static
/// file that is not there; any other 404 or 403 a console handler throws outside
/// ``ConsoleAccess/page(_:_:)``, which answers its own refusals as pages. A known path asked with
/// another method stays the JSON 405 with `Allow` of ``ErrorMiddleware``.
struct ConsoleErrorPages<Context: RequestContext>: RouterMiddleware {
    let access: ConsoleAccess
    let routes: ServiceRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let path = request.uri.path
        guard path == "/console" || path.hasPrefix("/console/") else {
            return try await next(request, context)
        }
        do {
            return try await next(request, context)
        } catch {
            guard ClientAbort(error) == nil, let status = Self.status(of: error),
                status == .forbidden || status == .notFound
            else { throw error }
            if !(error is APIError), !routes.methods(forPath: path).isEmpty { throw error }
            return await access.errorPage(status, request: request)
        }
    }

    static func status(of error: any Error) -> HTTPResponse.Status? {
        APIError.mapping(error)?.status ?? (error as? any HTTPResponseError)?.status
    }
}
