import Foundation
import QuoteCore
import QuoteWebhooks

/// The webhook side of a store (issue #28): endpoints per API caller, the delivery rows written
/// with each quote change (``QuoteRepository`` writes them in the same transaction), their claim
/// by the sender, and the log of attempts. Both stores implement it; the contract tests run on both.
public protocol WebhookRepository: Sendable {
    /// Registers `endpoint`; throws ``WebhookStoreError/tooManyEndpoints(limit:)`` when its owner
    /// already has `limit` endpoints (counted in the same transaction).
    func createWebhookEndpoint(_ endpoint: WebhookEndpointRecord, limit: Int) async throws

    /// The endpoints of `owner`, oldest first (deleted ones left out).
    func webhookEndpoints(owner: String) async throws -> [WebhookEndpointRecord]

    /// One endpoint of `owner` (any owner when nil), or nil.
    func webhookEndpoint(id: String, owner: String?) async throws -> WebhookEndpointRecord?

    /// Deletes an endpoint of `owner` and cancels its pending deliveries; false when there is none.
    func deleteWebhookEndpoint(id: String, owner: String, at: Date) async throws -> Bool

    /// Makes `secret` current; the old one stays valid until `at + overlap`. Nil when not found.
    func rotateWebhookSecret(id: String, owner: String, to secret: String, at: Date, overlap: TimeInterval)
        async throws -> WebhookEndpointRecord?

    /// Enables an endpoint of `owner` again (its run of failures forgotten). Nil when not found.
    func enableWebhookEndpoint(id: String, owner: String) async throws -> WebhookEndpointRecord?

    /// One page of an endpoint's deliveries with their attempts, newest first, below `cursor`.
    func webhookDeliveries(endpointID: String, before cursor: Int64?, limit: Int) async throws
        -> [WebhookDeliveryRecord]

    /// The deliveries of a quote to the endpoints of `owners`, oldest first, with their attempts.
    func webhookDeliveries(quoteNumber: String, owners: [String]) async throws -> [WebhookDeliveryRecord]

    /// Queues the delivery again, as a new pending row with the same event id. Nil when the
    /// endpoint has no such delivery.
    func redeliverWebhook(endpointID: String, deliveryID: Int64, at: Date) async throws
        -> WebhookDeliveryRecord?

    /// Queues event `type` of quote `number` for its subscribers, in its own transaction (the
    /// sweep's `quote.expired` and `quote.reminded`); returns how many deliveries were queued.
    @discardableResult
    func enqueueWebhookEvent(number: String, type: WebhookEventType, at: Date) async throws -> Int

    /// Claims up to `limit` due deliveries for `lease`, each the earliest pending one of its
    /// endpoint and quote, on an enabled endpoint. On PostgreSQL with `FOR UPDATE SKIP LOCKED`.
    func claimWebhookDeliveries(limit: Int, now: Date, lease: TimeInterval) async throws
        -> [ClaimedWebhookDelivery]

    /// Fixes the body of each delivery (by id) at its first attempt, in one transaction, and
    /// returns the bodies stored (the first one fixed, when another attempt fixed it before).
    func fixWebhookBodies(_ bodies: [Int64: String]) async throws -> [Int64: String]

    /// Undecided quotes, not void, not replaced and not yet recorded expired, whose `validUntil` is
    /// before `day` (the latest "today" of any market; the caller checks each market's), by row
    /// id after `cursor` (0 for the first page), with their market and `validUntil`.
    func expiryCandidates(validUntilBefore day: CivilDate, after cursor: Int64, limit: Int) async throws
        -> [SweepCandidate]

    /// Open quotes (as ``expiryCandidates(validUntilBefore:after:limit:)``) not yet reminded whose
    /// `validUntil` is from `first` to before `end`, by row id after `cursor`, with their cases.
    func reminderCandidates(
        validUntilFrom first: CivilDate, before end: CivilDate, after cursor: Int64, limit: Int
    )
        async throws -> [SweepCandidate]

    /// Records the reminder of quote `request.number` once, in one transaction: the reminder row,
    /// its e-mail in the outbox (`request`, of kind `.reminder`, with a new customer link), the
    /// `reminded` event and the `quote.reminded` deliveries. Nil when the quote was reminded before
    /// (by this or another instance) or is no longer open.
    func recordReminder(_ request: EmailRequest, validUntil: CivilDate) async throws -> OutboxMessage?

    /// Records that quote `number` expired, once, with its `quote.expired` deliveries, in one
    /// transaction; false when it was recorded before or was decided, voided or replaced meanwhile.
    func recordExpiry(number: String, at: Date) async throws -> Bool

    /// Records attempts and their verdicts in one transaction: each delivery's state and next
    /// time, its endpoint's run of failures, and its disabling.
    func recordWebhookAttempts(_ reports: [WebhookAttemptReport]) async throws
}

extension WebhookRepository {
    /// One body (``fixWebhookBodies(_:)``).
    public func fixWebhookBody(deliveryID: Int64, body: String) async throws -> String {
        try await fixWebhookBodies([deliveryID: body])[deliveryID] ?? body
    }

    /// One attempt (``recordWebhookAttempts(_:)``).
    public func recordWebhookAttempt(_ report: WebhookAttemptReport) async throws {
        try await recordWebhookAttempts([report])
    }
}
