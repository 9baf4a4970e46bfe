import Foundation
import QuoteCore
import QuoteStore
import QuoteWebhooks

/// The webhook use cases (issue #28): a caller's own endpoints, for the events of the quotes it
/// may read (a retailer's endpoints get only its own quotes). Another caller's endpoint is
/// answered as missing.
extension QuoteDesk {
    /// A new endpoint and its secret, shown once.
    struct Registration: Sendable {
        var endpoint: WebhookEndpointRecord
        var secret: String
    }

    /// Checks `url` (SSRF rules), `events` and `description` field by field, then stores the
    /// endpoint with a new secret. 422 naming `url` past the limit of endpoints per key.
    func registerWebhook(url: String, events: [String], description: String?, by principal: Principal)
        async throws -> Registration
    {
        try principal.authorize(.manageWebhooks)
        let settings = services.webhooks
        let limit = settings.maxEndpointsPerKey
        let existing = try await repo.webhookEndpoints(owner: principal.name)
        guard existing.count < limit else { throw Self.overLimit(limit) }
        let checked = try await WebhookEndpointRequest.validated(
            url: url, events: events, description: description, policy: settings.policy)
        let secret = WebhookSecret.generate().revealed
        let endpoint = WebhookEndpointRecord(
            id: WebhookIDs.endpoint(), owner: principal.name, scopeIssuer: principal.listIssuer,
            url: checked.url.url.text, events: checked.events.map(\.rawValue),
            description: checked.description,
            secret: secret, createdAt: settings.now())
        do { try await repo.createWebhookEndpoint(endpoint, limit: limit) } catch WebhookStoreError
            .tooManyEndpoints
        {
            throw Self.overLimit(limit)
        }
        return Registration(endpoint: endpoint, secret: secret)
    }

    static func overLimit(_ limit: Int) -> DeskError {
        .invalid(field: "url", "this key already has \(limit) endpoints, the most allowed; delete one first")
    }

    /// The caller's endpoints, oldest first.
    func webhooks(by principal: Principal) async throws -> [WebhookEndpointRecord] {
        try principal.authorize(.manageWebhooks)
        return try await repo.webhookEndpoints(owner: principal.name)
    }

    /// One of the caller's endpoints.
    func webhook(_ id: String, by principal: Principal) async throws -> WebhookEndpointRecord {
        try principal.authorize(.manageWebhooks)
        guard let endpoint = try await repo.webhookEndpoint(id: id, owner: principal.name) else {
            throw DeskError.missing("webhook endpoint")
        }
        return endpoint
    }

    func deleteWebhook(_ id: String, by principal: Principal) async throws {
        try principal.authorize(.manageWebhooks)
        guard try await repo.deleteWebhookEndpoint(id: id, owner: principal.name, at: services.webhooks.now())
        else {
            throw DeskError.missing("webhook endpoint")
        }
    }

    /// A new secret, shown once; the old one is still signed with for 24 hours.
    func rotateWebhookSecret(_ id: String, by principal: Principal) async throws -> Registration {
        try principal.authorize(.manageWebhooks)
        let secret = WebhookSecret.generate().revealed
        guard
            let endpoint = try await repo.rotateWebhookSecret(
                id: id, owner: principal.name, to: secret, at: services.webhooks.now(),
                overlap: SecretRotation.overlap)
        else { throw DeskError.missing("webhook endpoint") }
        return Registration(endpoint: endpoint, secret: secret)
    }

    func enableWebhook(_ id: String, by principal: Principal) async throws -> WebhookEndpointRecord {
        try principal.authorize(.manageWebhooks)
        guard let endpoint = try await repo.enableWebhookEndpoint(id: id, owner: principal.name) else {
            throw DeskError.missing("webhook endpoint")
        }
        return endpoint
    }

    /// A page of the endpoint's deliveries, newest first, below `cursor`.
    func webhookDeliveries(_ id: String, before cursor: Int64?, limit: Int, by principal: Principal)
        async throws -> [WebhookDeliveryRecord]
    {
        let endpoint = try await webhook(id, by: principal)
        return try await repo.webhookDeliveries(endpointID: endpoint.id, before: cursor, limit: limit)
    }

    /// Queues a delivery again (same `webhook-id`).
    func redeliverWebhook(_ id: String, delivery: Int64, by principal: Principal) async throws
        -> WebhookDeliveryRecord
    {
        let endpoint = try await webhook(id, by: principal)
        guard
            let queued = try await repo.redeliverWebhook(
                endpointID: endpoint.id, deliveryID: delivery, at: services.webhooks.now())
        else { throw DeskError.missing("delivery") }
        return queued
    }

    /// The deliveries of a quote to the service center's endpoints (the console's quote page).
    func serviceCenterDeliveries(of record: QuoteRecord) async throws -> [WebhookDeliveryRecord] {
        try await repo.webhookDeliveries(quoteNumber: record.number, owners: services.keys.serviceCenterNames)
    }
}
