import Foundation

/// One delivery to send: the event's id (the same on every retry), the endpoint's URL and the
/// body (`WebhookPayload.body`).
public struct WebhookDelivery: Sendable, Equatable {
    /// `webhook-id`, e.g. `msg_2k…`; the receiver de-duplicates by it.
    public var id: String
    public var url: String
    public var body: [UInt8]
    /// 1 for the first attempt.
    public var attempt: Int

    public init(id: String, url: String, body: [UInt8], attempt: Int) {
        self.id = id
        self.url = url
        self.body = body
        self.attempt = attempt
    }
}

/// What an attempt did, as a store records it in the delivery log.
public struct DeliveryOutcome: Sendable, Equatable {
    public var attempt: Int
    public var startedAt: Date
    /// The receiver's status, nil when it did not answer.
    public var status: Int?
    public var duration: Duration
    /// Why there was no answer (network, timeout, a refused address), nil when there was one.
    public var error: String?
    public var decision: RetryDecision
}
