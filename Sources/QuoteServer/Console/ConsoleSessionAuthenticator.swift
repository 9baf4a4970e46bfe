import Hummingbird
import HummingbirdAuth

/// The `/console` routes' authenticator: the user of a live console session (its idle time
/// restarted, ``ConsoleAccess/signedIn(_:)``). Without one the request goes on unidentified and
/// ``ConsoleAccess/page(_:_:_:)`` redirects to the sign-in page.
struct ConsoleSessionAuthenticator<Context: AuthRequestContext<Caller>>: AuthenticatorMiddleware {
    typealias Identity = Caller
    let access: ConsoleAccess

    func authenticate(request: Request, context: Context) async throws -> Caller? {
        guard context.identity == nil, let signedIn = await access.signedIn(request) else {
            return context.identity
        }
        return Caller(principal: signedIn.principal, console: signedIn)
    }
}

/// The catalog's authenticator (`GET /v1/catalog/{market}`): an API key, else (with the console
/// on and no key sent) a console session; 401 when neither identifies the caller.
struct CatalogAuthenticator<Context: AuthRequestContext<Caller>>: AuthenticatorMiddleware {
    typealias Identity = Caller
    let keys: APIKeys
    let access: ConsoleAccess?

    func authenticate(request: Request, context: Context) async throws -> Caller? {
        if let principal = keys.principal(of: request) { return Caller(principal: principal) }
        guard let access, !APIKeys.sendsKey(request) else {
            throw APIError(.unauthorized, "an API key is required (Authorization: Bearer KEY)")
        }
        guard let signedIn = await access.signedIn(request) else {
            throw APIError(.unauthorized, "an API key or a console session is required")
        }
        return Caller(principal: signedIn.principal, console: signedIn)
    }
}
