import Foundation
import QuoteCore
import QuoteTestSupport
import QuoteWebhooks
import Testing

@testable import QuoteStore

/// Webhook endpoints and deliveries (issue #28) on each store: rows queued in the change's
/// transaction, owner scope, claim order, attempts, disabling, rotation and redelivery.
@Suite("webhook endpoints and deliveries (each store)")
struct WebhookContractTests {
    static let today = LifecycleContractTests.today
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func endpoint(
        _ id: String, owner: String = "desk-1", scope: String? = nil,
        events: [WebhookEventType] = WebhookEventType.allCases
    ) -> WebhookEndpointRecord {
        WebhookEndpointRecord(
            id: id, owner: owner, scopeIssuer: scope, url: "https://hooks.example.com/\(id)",
            events: events.map(\.rawValue), description: "test",
            secret: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0",
            createdAt: t0)
    }

    static func decide(_ repo: any QuoteRepository, _ number: String) async throws {
        _ = try await repo.decide(
            DecisionRequest(
                number: number, decision: .accepted, decidedBy: "desk-1", finalJSON: "{}", today: today))
    }

    @Test(
        "issue, decide, revise and void each queue one delivery per subscribed endpoint",
        arguments: StoreKind.allCases)
    func queuedWithChanges(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            try await repo.createWebhookEndpoint(Self.endpoint("ep_all"), limit: 10)
            try await repo.createWebhookEndpoint(Self.endpoint("ep_decided", events: [.decided]), limit: 10)
            let first = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
            let second = try await LifecycleContractTests.revise(
                repo, Fixtures.pakistanRepair(), supersedes: first.number)
            try await Self.decide(repo, second.number)
            let third = try await Store.issue(repo, Fixtures.dutchRepair()).issued.record
            _ = try await repo.void(
                VoidRequest(number: third.number, reason: "x", voidedBy: "desk-1", today: Self.today))
            let all = try await repo.webhookDeliveries(endpointID: "ep_all", before: nil, limit: 50)
                .reversed()
            #expect(
                all.map(\.eventType) == [
                    "quote.issued", "quote.revised", "quote.issued", "quote.decided", "quote.issued",
                    "quote.voided",
                ])
            #expect(
                all.map(\.quoteNumber) == [
                    first.number, first.number, second.number, second.number, third.number, third.number,
                ])
            let decided = try await repo.webhookDeliveries(endpointID: "ep_decided", before: nil, limit: 50)
            #expect(decided.map(\.quoteNumber) == [second.number])
            // One event, one id, whatever the number of endpoints.
            #expect(decided.first?.eventID == all.first { $0.eventType == "quote.decided" }?.eventID)
            #expect(Set(all.map(\.eventID)).count == all.count)
        }
    }

    @Test("a retailer's endpoint gets only its own quotes' events", arguments: StoreKind.allCases)
    func retailerScope(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            try await repo.createWebhookEndpoint(
                Self.endpoint("ep_r1", owner: "shop-1", scope: "R-1"), limit: 10)
            try await repo.createWebhookEndpoint(
                Self.endpoint("ep_r2", owner: "shop-2", scope: "R-2"), limit: 10)
            let mine = try await Store.issue(repo, Fixtures.pakistanRepair(), issuer: "R-1").issued.record
            _ = try await Store.issue(repo, Fixtures.dutchRepair(), issuer: "R-2")
            _ = try await Store.issue(repo, Fixtures.dutchRepair(), issuer: "desk-1")
            let r1 = try await repo.webhookDeliveries(endpointID: "ep_r1", before: nil, limit: 50)
            #expect(r1.map(\.quoteNumber) == [mine.number])
            #expect(try await repo.webhookDeliveries(endpointID: "ep_r2", before: nil, limit: 50).count == 1)
            #expect(try await repo.webhookEndpoint(id: "ep_r1", owner: "shop-2") == nil)
            #expect(try await repo.webhookEndpoints(owner: "shop-1").map(\.id) == ["ep_r1"])
        }
    }

    @Test(
        "the eleventh endpoint of a key is refused; a deleted one frees its place",
        arguments: StoreKind.allCases)
    func limit(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            for n in 0..<3 { try await repo.createWebhookEndpoint(Self.endpoint("ep_\(n)"), limit: 3) }
            await #expect(throws: WebhookStoreError.tooManyEndpoints(limit: 3)) {
                try await repo.createWebhookEndpoint(Self.endpoint("ep_x"), limit: 3)
            }
            #expect(try await repo.deleteWebhookEndpoint(id: "ep_0", owner: "desk-1", at: Self.t0))
            #expect(try await repo.deleteWebhookEndpoint(id: "ep_0", owner: "desk-1", at: Self.t0) == false)
            try await repo.createWebhookEndpoint(Self.endpoint("ep_x"), limit: 3)
            #expect(try await repo.webhookEndpoints(owner: "desk-1").map(\.id) == ["ep_1", "ep_2", "ep_x"])
        }
    }

    @Test(
        "claims take the earliest pending event of a quote; retries, success and failure are logged",
        arguments: StoreKind.allCases)
    func claimOrderAndAttempts(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            try await repo.createWebhookEndpoint(Self.endpoint("ep_a"), limit: 10)
            let first = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
            try await Self.decide(repo, first.number)
            let now = Date().addingTimeInterval(60)
            let claimed = try await repo.claimWebhookDeliveries(limit: 10, now: now, lease: 30)
            #expect(claimed.map(\.delivery.eventType) == ["quote.issued"])
            #expect(claimed.first?.delivery.attempts == 1 && claimed.first?.endpoint.id == "ep_a")
            let issued = try #require(claimed.first).delivery
            #expect(try await repo.fixWebhookBody(deliveryID: issued.id, body: "one") == "one")
            #expect(try await repo.fixWebhookBody(deliveryID: issued.id, body: "two") == "one")
            // Under its lease nothing more: the decision waits for the issue.
            #expect(try await repo.claimWebhookDeliveries(limit: 10, now: now, lease: 30).isEmpty)
            try await repo.recordWebhookAttempt(
                WebhookAttemptReport(
                    deliveryID: issued.id,
                    attempt: WebhookAttemptRecord(
                        attempt: 1, startedAt: now, status: 500, durationMilliseconds: 12, error: nil),
                    verdict: .retry(at: now.addingTimeInterval(5))))
            #expect(try await repo.claimWebhookDeliveries(limit: 10, now: now, lease: 30).isEmpty)
            let failingSince = try #require(
                try await repo.webhookEndpoint(id: "ep_a", owner: nil)?.failingSince)
            #expect(abs(failingSince.timeIntervalSince(now)) < 0.001)
            let again = try await repo.claimWebhookDeliveries(
                limit: 10, now: now.addingTimeInterval(6), lease: 30)
            #expect(again.map(\.delivery.id) == [issued.id] && again.first?.delivery.attempts == 2)
            try await repo.recordWebhookAttempt(
                WebhookAttemptReport(
                    deliveryID: issued.id,
                    attempt: WebhookAttemptRecord(
                        attempt: 2, startedAt: now.addingTimeInterval(6), status: 204,
                        durationMilliseconds: 3,
                        error: nil),
                    verdict: .succeeded))
            let next = try await repo.claimWebhookDeliveries(
                limit: 10, now: now.addingTimeInterval(7), lease: 30)
            #expect(next.map(\.delivery.eventType) == ["quote.decided"])
            #expect(try await repo.webhookEndpoint(id: "ep_a", owner: nil)?.failingSince == nil)
            let log = try await repo.webhookDeliveries(quoteNumber: first.number, owners: ["desk-1"])
            #expect(log.first?.state == .succeeded)
            #expect(log.first?.log.map(\.status) == [500, 204])
            #expect(try await repo.webhookDeliveries(quoteNumber: first.number, owners: ["other"]).isEmpty)
        }
    }

    @Test(
        "410 disables the endpoint until it is enabled; a redelivery keeps the event id",
        arguments: StoreKind.allCases)
    func disableEnableRedeliver(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            try await repo.createWebhookEndpoint(Self.endpoint("ep_a"), limit: 10)
            let first = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
            let now = Date().addingTimeInterval(60)
            let delivery = try #require(
                try await repo.claimWebhookDeliveries(limit: 10, now: now, lease: 30).first)
            try await repo.recordWebhookAttempt(
                WebhookAttemptReport(
                    deliveryID: delivery.delivery.id,
                    attempt: WebhookAttemptRecord(
                        attempt: 1, startedAt: now, status: 410, durationMilliseconds: 1, error: nil),
                    verdict: .disableEndpoint(reason: "gone")))
            let disabled = try await repo.webhookEndpoint(id: "ep_a", owner: "desk-1")
            #expect(disabled?.enabled == false && disabled?.disabledReason == "gone")
            try await Self.decide(repo, first.number)
            #expect(try await repo.claimWebhookDeliveries(limit: 10, now: now, lease: 30).isEmpty)
            let resent = try #require(
                try await repo.redeliverWebhook(endpointID: "ep_a", deliveryID: delivery.delivery.id, at: now)
            )
            #expect(
                resent.eventID == delivery.delivery.eventID && resent.state == .pending
                    && resent.attempts == 0)
            #expect(
                try await repo.redeliverWebhook(endpointID: "ep_b", deliveryID: delivery.delivery.id, at: now)
                    == nil)
            #expect(try await repo.enableWebhookEndpoint(id: "ep_a", owner: "desk-1")?.enabled == true)
            // An endpoint disabled when the decision came gets no delivery of it.
            let claimed = try await repo.claimWebhookDeliveries(limit: 10, now: now, lease: 30)
            #expect(claimed.map(\.delivery.eventType) == ["quote.issued"])
            #expect(try await repo.webhookDeliveries(endpointID: "ep_a", before: nil, limit: 10).count == 2)
        }
    }

    @Test("a rotation keeps the old secret for its overlap", arguments: StoreKind.allCases)
    func rotation(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            let original = Self.endpoint("ep_a")
            try await repo.createWebhookEndpoint(original, limit: 10)
            let rotated = try #require(
                try await repo.rotateWebhookSecret(
                    id: "ep_a", owner: "desk-1", to: "whsec_bmV3", at: Self.t0, overlap: 86400))
            #expect(
                rotated.activeSecrets(at: Self.t0.addingTimeInterval(3600)) == [
                    "whsec_bmV3", original.secret,
                ])
            #expect(rotated.activeSecrets(at: Self.t0.addingTimeInterval(86400)) == ["whsec_bmV3"])
            #expect(
                try await repo.rotateWebhookSecret(
                    id: "ep_a", owner: "shop", to: "x", at: Self.t0, overlap: 1) == nil)
        }
    }

    @Test(
        "an expiry is recorded once, only for an open quote, with its webhook", arguments: StoreKind.allCases)
    func expiry(kind: StoreKind) async throws {
        try await kind.with { store in
            let repo = store.repo
            try await repo.createWebhookEndpoint(Self.endpoint("ep_a", events: [.expired]), limit: 10)
            let open = try await Store.issue(repo, Fixtures.pakistanRepair()).issued.record
            let decided = try await Store.issue(repo, Fixtures.dutchRepair()).issued.record
            try await Self.decide(repo, decided.number)
            let later = open.validUntil.adding(days: 1)
            #expect(
                try await repo.expiryCandidates(validUntilBefore: open.validUntil, after: 0, limit: 10) == [])
            #expect(
                try await repo.expiryCandidates(validUntilBefore: later, after: 0, limit: 10).map(\.number)
                    == [open.number])
            #expect(
                try await repo.expiryCandidates(validUntilBefore: later, after: 0, limit: 10).first?
                    .validUntil == open.validUntil)
            #expect(try await repo.recordExpiry(number: open.number, at: Self.t0))
            #expect(try await repo.recordExpiry(number: open.number, at: Self.t0) == false)
            #expect(try await repo.recordExpiry(number: decided.number, at: Self.t0) == false)
            #expect(try await repo.expiryCandidates(validUntilBefore: later, after: 0, limit: 10) == [])
            let deliveries = try await repo.webhookDeliveries(endpointID: "ep_a", before: nil, limit: 10)
            #expect(deliveries.map(\.quoteNumber) == [open.number])
        }
    }
}
