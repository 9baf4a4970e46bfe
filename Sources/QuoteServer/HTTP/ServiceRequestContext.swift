import Hummingbird
import HummingbirdAuth
import NIOCore

/// The request context of every route: Hummingbird's core context and who is calling, set by
/// the authenticators of the `/v1` and `/console` route groups (``APIKeyAuthenticator``,
/// ``ConsoleSessionAuthenticator``). A handler reads the caller from here and never parses a
/// header.
public struct ServiceRequestContext: AuthRequestContext, RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller an authenticator found; nil for a request without a known key or a live session.
    public var identity: Caller?
    /// The peer of the connection (the client, or the proxy in front of the service).
    public var remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        remoteAddress = source.channel.remoteAddress
    }
}

/// Who a request comes from: an API key's caller, or a console user with a live session.
public struct Caller: Sendable {
    /// The caller the permission table is asked about (a console user as a key of its role).
    public var principal: Principal
    /// The console session, for a console user (nil for an API key).
    var console: ConsoleAccess.SignedIn?
}

extension ServiceRequestContext {
    /// The API caller, when its role may do `action` (``Role/may(_:)``): 401 without a known key,
    /// 403 with a role that may not.
    func caller(for action: Action) throws -> Principal {
        guard let principal = identity?.principal else {
            throw APIError(.unauthorized, "an API key is required (Authorization: Bearer KEY)")
        }
        try principal.authorize(action)
        return principal
    }
}
