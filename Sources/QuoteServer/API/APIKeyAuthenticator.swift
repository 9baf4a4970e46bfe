import Hummingbird
import HummingbirdAuth

/// The `/v1` routes' authenticator: the caller of `Authorization: Bearer KEY` (the scheme in any
/// case) or `X-API-Key: KEY`. Without a known key the request goes on unidentified, and the
/// handler answers 401 (``ServiceRequestContext/caller(for:)``).
struct APIKeyAuthenticator<Context: AuthRequestContext<Caller>>: AuthenticatorMiddleware {
    typealias Identity = Caller
    let keys: APIKeys

    func authenticate(request: Request, context: Context) async throws -> Caller? {
        keys.principal(of: request).map { Caller(principal: $0) }
    }
}

extension APIKeys {
    /// The caller a request's key names, if any; the whole `Authorization` value is looked up
    /// first, without cutting the header apart.
    func principal(of request: Request) -> Principal? {
        if let key = request.headers[.apiKey] {
            principals[key]
        } else if let authorization = request.headers[.authorization] {
            bearers[authorization] ?? principals[Self.bearerToken(authorization) ?? ""]
        } else {
            nil
        }
    }

    /// Whether a request sends a key at all (known or not).
    static func sendsKey(_ request: Request) -> Bool {
        request.headers[.authorization] != nil || request.headers[.apiKey] != nil
    }
}
