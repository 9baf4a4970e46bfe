import Foundation
import QuoteStore
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// The expiry sweep (issue #28) with injected days: `expired` is recorded once for undecided
/// quotes past `validUntil` in their market, with its `quote.expired` delivery.
@Suite("the expiry sweep")
struct ExpirySweepTests {
    @Test(
        "an undecided quote past validUntil is recorded expired once, with its webhook; a decided one is not")
    func expiresOnce() async throws {
        let server = try TestServer()  // 2026-03-02; the stub's quotes are valid 14 days
        try await server.repo.createWebhookEndpoint(
            WebhookEndpointRecord(
                id: "ep_a", owner: "desk-1", scopeIssuer: nil, url: "https://hooks.example.com/in",
                events: ["quote.expired"], description: "",
                secret: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0",
                createdAt: Date()),
            limit: 10)
        let (open, decided) = try await server.test { client in
            let open = try await client.issue(Fixtures.dutchRepair()).json["number"] as? String
            let decided = try await client.issue(Fixtures.dutchRepair()).json["number"] as? String
            _ = try await client.call(
                .post, "/v1/quotes/\(decided ?? "")/decision", key: Key.desk,
                body: #"{"decision":"accepted","channel":"phone"}"#)
            return (try #require(open), try #require(decided))
        }
        let onLastDay = ExpirySweep(repo: server.repo, services: server.on("2026-03-16").services)
        #expect(try await onLastDay.sweepOnce() == 0)
        let dayAfter = ExpirySweep(repo: server.repo, services: server.on("2026-03-17").services)
        #expect(try await dayAfter.sweepOnce() == 1)
        #expect(try await dayAfter.sweepOnce() == 0)
        let deliveries = try await server.repo.webhookDeliveries(endpointID: "ep_a", before: nil, limit: 10)
        #expect(deliveries.map(\.quoteNumber) == [open] && deliveries.map(\.eventType) == ["quote.expired"])
        #expect(try await server.repo.recordExpiry(number: decided, at: Date()) == false)
        #expect(try await server.repo.recordExpiry(number: open, at: Date()) == false)
    }
}
