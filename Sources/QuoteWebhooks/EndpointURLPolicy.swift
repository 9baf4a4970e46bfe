import Foundation
import QuoteCore

/// An endpoint URL that passed the syntax rules: scheme, host and port, no user info.
public struct EndpointURL: Sendable, Equatable {
    /// The URL as registered.
    public var text: String
    public var scheme: String
    /// The host without brackets (`example.com`, `10.0.0.1`, `::1`).
    public var host: String
    public var port: Int
}

/// An endpoint URL whose host was resolved and checked: the delivery must connect to `address`.
public struct CheckedEndpoint: Sendable, Equatable {
    public var url: EndpointURL
    /// The address that passed the check, to pin the connection to.
    public var address: IPAddress
}

/// The server-side request forgery rules for endpoint URLs.
///
/// Only `https` URLs are accepted, and a host whose name resolves to any refused address
/// (`IPAddress.refusal`) is refused: one bad address among several refuses the URL, so a name
/// cannot smuggle a loopback address in beside a public one. The check runs at registration
/// (`validate(url:)` then `check(_:)`) and again at each delivery, after resolving the name
/// (`WebhookDeliverer`), and the connection goes to the address checked.
///
/// `allowInsecure` (`serve --webhooks-allow-insecure`, for tests and closed networks) accepts
/// `http` and skips the address rules; the connection is still pinned to the first address.
public struct EndpointURLPolicy: Sendable {
    public var allowInsecure: Bool
    public var resolver: any HostResolving

    public init(allowInsecure: Bool = false, resolver: any HostResolving = SystemHostResolver()) {
        self.allowInsecure = allowInsecure
        self.resolver = resolver
    }

    /// The syntax rules; errors name `field` (`url` by default).
    public func validate(url text: String, field: String = "url") throws(ValidationError) -> EndpointURL {
        guard text.utf8.count <= 2048 else {
            throw ValidationError(field: field, "is longer than 2048 bytes")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased()
        else {
            throw ValidationError(field: field, "is not a URL")
        }
        let schemes = allowInsecure ? ["https", "http"] : ["https"]
        guard schemes.contains(scheme) else {
            throw ValidationError(field: field, "must be an https URL, got scheme \"\(scheme)\"")
        }
        guard components.user == nil, components.password == nil else {
            throw ValidationError(field: field, "must not contain a user name or password")
        }
        guard var host = components.host, !host.isEmpty else {
            throw ValidationError(field: field, "has no host")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else {
            throw ValidationError(field: field, "port \(port) is out of range")
        }
        return EndpointURL(text: text, scheme: scheme, host: host, port: port)
    }

    /// Resolves the host and applies the address rules; errors name `field`.
    public func check(_ url: EndpointURL, field: String = "url") async throws(ValidationError)
        -> CheckedEndpoint
    {
        let addresses: [IPAddress]
        if let literal = IPAddress(literal: url.host) {
            addresses = [literal]
        } else {
            do { addresses = try await resolver.addresses(of: url.host) } catch {
                throw ValidationError(field: field, "host \(url.host) does not resolve")
            }
        }
        guard let first = addresses.first else {
            throw ValidationError(field: field, "host \(url.host) has no address")
        }
        if !allowInsecure {
            for address in addresses {
                if let refusal = address.refusal {
                    throw ValidationError(
                        field: field, "host \(url.host) resolves to \(refusal.rawValue) address \(address)")
                }
            }
        }
        return CheckedEndpoint(url: url, address: first)
    }

    /// `validate(url:)` then `check(_:)`: what registration and each delivery run.
    public func checked(url text: String, field: String = "url") async throws(ValidationError)
        -> CheckedEndpoint
    {
        try await check(try validate(url: text, field: field), field: field)
    }
}
