import Foundation
import QuoteWebhooks

/// How the service registers and sends webhooks.
public struct WebhookSettings: Sendable {
    /// The SSRF rules at registration and at each delivery (`serve --webhooks-allow-insecure`
    /// turns the address rules off).
    public var policy = EndpointURLPolicy()
    /// The most endpoints one API key may have.
    public var maxEndpointsPerKey = 10
    /// The clock of registrations, rotations and the sender (tests inject one).
    public var now: @Sendable () -> Date = { Date() }

    public init() {}
}
