import Foundation

/// A registered webhook endpoint as stored. `secret` is the text `whsec_…`; it leaves the store
/// only for the sender and the registration's answer.
public struct WebhookEndpointRecord: Sendable, Equatable {
    public var id: String
    /// The API caller that registered it (its key's name); only it sees the endpoint.
    public var owner: String
    /// The issuer whose quotes it gets (a retailer key's own), or nil for every quote.
    public var scopeIssuer: String?
    public var url: String
    public var events: [String]
    public var description: String
    public var secret: String
    /// The secret rotated out, still signed with until `previousValidUntil`.
    public var previousSecret: String?
    public var previousValidUntil: Date?
    public var enabled: Bool
    /// Why it was disabled (`gone`, `failingThreeDays`), nil while enabled.
    public var disabledReason: String?
    /// When its current run of failures began; nil after a success.
    public var failingSince: Date?
    public var createdAt: Date

    public init(
        id: String, owner: String, scopeIssuer: String?, url: String, events: [String], description: String,
        secret: String, createdAt: Date
    ) {
        self.id = id
        self.owner = owner
        self.scopeIssuer = scopeIssuer
        self.url = url
        self.events = events
        self.description = description
        self.secret = secret
        self.createdAt = createdAt
        enabled = true
    }

    /// The secrets to sign with at `now`: the current one, and the previous one while valid.
    public func activeSecrets(at now: Date) -> [String] {
        guard let previousSecret, let previousValidUntil, now < previousValidUntil else { return [secret] }
        return [secret, previousSecret]
    }
}

/// Where a delivery stands: `pending` until it succeeds or fails for good, `cancelled` when its
/// endpoint is deleted first.
public enum WebhookDeliveryState: String, Sendable {
    case pending, succeeded, failed, cancelled
}

/// One attempt of a delivery, as the log shows it.
public struct WebhookAttemptRecord: Sendable, Equatable {
    public var attempt: Int
    public var startedAt: Date
    /// The receiver's status; nil when it did not answer.
    public var status: Int?
    public var durationMilliseconds: Int64
    public var error: String?

    public init(attempt: Int, startedAt: Date, status: Int?, durationMilliseconds: Int64, error: String?) {
        self.attempt = attempt
        self.startedAt = startedAt
        self.status = status
        self.durationMilliseconds = durationMilliseconds
        self.error = error
    }
}

/// One event for one endpoint. `eventID` is the `webhook-id`, the same on every attempt and on a
/// redelivery; `id` orders the events (a later one waits for an earlier one of the same quote).
public struct WebhookDeliveryRecord: Sendable, Equatable {
    public var id: Int64
    public var eventID: String
    public var endpointID: String
    public var quoteNumber: String
    public var eventType: String
    public var occurredAt: Date
    /// The body, fixed at the first attempt (nil before it).
    public var body: String?
    public var state: WebhookDeliveryState
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: Date
    /// Every attempt, oldest first (filled by the log reads only).
    public var log: [WebhookAttemptRecord] = []
}

/// A claimed delivery with what sending it needs.
public struct ClaimedWebhookDelivery: Sendable, Equatable {
    public var delivery: WebhookDeliveryRecord
    public var endpoint: WebhookEndpointRecord
}

/// What an attempt ended with, as the store records it.
public enum WebhookAttemptVerdict: Sendable, Equatable {
    case succeeded
    case retry(at: Date)
    case failed
    /// Failed, and the endpoint is disabled for `reason`.
    case disableEndpoint(reason: String)
}

/// An attempt to record (``WebhookRepository/recordWebhookAttempts(_:)``).
public struct WebhookAttemptReport: Sendable, Equatable {
    public var deliveryID: Int64
    public var attempt: WebhookAttemptRecord
    public var verdict: WebhookAttemptVerdict

    public init(deliveryID: Int64, attempt: WebhookAttemptRecord, verdict: WebhookAttemptVerdict) {
        self.deliveryID = deliveryID
        self.attempt = attempt
        self.verdict = verdict
    }
}

/// Refusals of the webhook store, mapped to 422 by the service.
public enum WebhookStoreError: Error, Equatable, Sendable {
    /// The caller already has `limit` endpoints.
    case tooManyEndpoints(limit: Int)
}

/// Ids of webhook events and endpoints: a prefix and 24 random base64url characters.
public enum WebhookIDs {
    public static func event() -> String { "msg_" + random() }
    public static func endpoint() -> String { "ep_" + random() }

    static func random() -> String {
        var bytes = [UInt8](repeating: 0, count: 18)
        CustomerToken.randomFill(&bytes)
        return Base64URL.encode(bytes)
    }
}
