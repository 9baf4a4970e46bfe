import Foundation
import QuoteFinance
import QuoteStore
import QuoteTestSupport
import QuoteWebhooks
import Synchronization
import Testing

@testable import QuoteServer

/// A clock the test moves by hand (the sender's and the retry schedule's `now`).
final class HandClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// The service's webhook sender end to end (issue #28): quotes changed through the API, delivered
/// over HTTP to the Python receiver, which verifies every delivery with the `standardwebhooks`
/// reference package. The queue's clock is injected and moved by hand; no test sleeps for a retry.
@Suite("webhook sender to a standardwebhooks receiver", .serialized)
struct WebhookSenderTests {
    /// An hour ahead of the wall clock, so what the API queues (at the wall clock's time) is due at
    /// once, however long a loaded machine takes between making the clock and issuing: a minute
    /// was once not enough in a CI rehearsal, and the first attempt was not yet due.
    let clock = HandClock(Date().addingTimeInterval(3600))
    var server: TestServer

    init() throws {
        server = try TestServer()
        server.services.webhooks.policy = EndpointURLPolicy(allowInsecure: true)
        server.services.webhooks.now = { [clock] in clock.now }
    }

    var sender: WebhookSender<SQLiteQuoteRepository> {
        WebhookSender(
            repo: server.repo, services: server.services,
            deliverer: WebhookDeliverer(policy: server.services.webhooks.policy, timeout: .seconds(5)))
    }

    /// An endpoint stored with a known secret (the API's registration is tested on its own).
    func endpoint(
        _ id: String, url: String, secret: String, owner: String = "desk-1", scope: String? = nil
    ) async throws {
        try await server.repo.createWebhookEndpoint(
            WebhookEndpointRecord(
                id: id, owner: owner, scopeIssuer: scope, url: url,
                events: WebhookEventType.allCases.map(\.rawValue),
                description: "", secret: secret, createdAt: clock.now),
            limit: 10)
    }

    static func secret(_ seed: UInt64) -> String {
        var generator = SplitMix64(seed: seed)
        return WebhookSecret.generate(using: &generator).revealed
    }

    func issue(key: String = Key.desk) async throws -> String {
        try await server.test { client in
            let answer = try await client.issue(Fixtures.dutchRepair(), key: key)
            return try #require(answer.json["number"] as? String)
        }
    }

    @Test("500, 500, then 204: three attempts of one webhook-id on the schedule, each verified")
    func retries() async throws {
        let secret = Self.secret(1)
        let receiver = try WebhookReceiver(secrets: [secret], script: "500,500,204")
        defer { receiver.stop() }
        try await endpoint("ep_a", url: receiver.url, secret: secret)
        let number = try await issue()
        #expect(try await sender.sendDue() == 1)
        clock.advance(4)
        #expect(try await sender.sendDue() == 0)  // 5 s ± 10 % not yet over
        clock.advance(2)
        #expect(try await sender.sendDue() == 1)
        clock.advance(269)
        #expect(try await sender.sendDue() == 0)  // 5 min ± 10 %
        clock.advance(62)
        #expect(try await sender.sendDue() == 1)
        let records = try receiver.records()
        #expect(records.map(\.status) == [500, 500, 204])
        #expect(Set(records.map(\.id)).count == 1 && records.allSatisfy { $0.verified == [true] })
        #expect(records.map(\.type) == ["quote.issued", "quote.issued", "quote.issued"])
        let log = try await server.repo.webhookDeliveries(quoteNumber: number, owners: ["desk-1"])
        #expect(log.map(\.state) == [.succeeded] && log.first?.log.map(\.status) == [500, 500, 204])
        #expect(log.first?.eventID == records.first?.id)
    }

    @Test("Retry-After on 429 is honoured, and on 503 capped at one hour")
    func retryAfter() async throws {
        let secret = Self.secret(2)
        let receiver = try WebhookReceiver(secrets: [secret], script: "429:7,503:86400,204")
        defer { receiver.stop() }
        try await endpoint("ep_a", url: receiver.url, secret: secret)
        let number = try await issue()
        let start = clock.now
        try await sender.sendDue()
        var pending = try await server.repo.webhookDeliveries(quoteNumber: number, owners: ["desk-1"])
        // Times are stored as seconds in a double: equal to the microsecond.
        #expect(abs(try #require(pending.first).nextAttemptAt.timeIntervalSince(start) - 7) < 0.001)
        clock.advance(7)
        try await sender.sendDue()
        pending = try await server.repo.webhookDeliveries(quoteNumber: number, owners: ["desk-1"])
        #expect(abs(try #require(pending.first).nextAttemptAt.timeIntervalSince(start) - 7 - 3600) < 0.001)
        clock.advance(3600)
        try await sender.sendDue()
        #expect(try receiver.records().map(\.status) == [429, 503, 204])
    }

    @Test("410 disables the endpoint: no events while disabled, delivered again once enabled")
    func gone() async throws {
        let secret = Self.secret(3)
        let receiver = try WebhookReceiver(secrets: [secret], script: "410,204")
        defer { receiver.stop() }
        try await endpoint("ep_a", url: receiver.url, secret: secret)
        _ = try await issue()
        try await sender.sendDue()
        let endpoint = try await server.repo.webhookEndpoint(id: "ep_a", owner: nil)
        #expect(endpoint?.enabled == false && endpoint?.disabledReason == "gone")
        _ = try await issue()
        clock.advance(60)
        #expect(try await sender.sendDue() == 0)
        _ = try await server.repo.enableWebhookEndpoint(id: "ep_a", owner: "desk-1")
        _ = try await issue()
        #expect(try await sender.sendDue() == 1)
        #expect(try receiver.records().map(\.status) == [410, 204])
    }

    @Test("during a rotation both secrets sign, and the reference verifies each")
    func rotation() async throws {
        let old = Self.secret(4)
        let new = Self.secret(5)
        let receiver = try WebhookReceiver(secrets: [old, new], script: "204")
        defer { receiver.stop() }
        try await endpoint("ep_a", url: receiver.url, secret: old)
        _ = try await server.repo.rotateWebhookSecret(
            id: "ep_a", owner: "desk-1", to: new, at: clock.now, overlap: SecretRotation.overlap)
        _ = try await issue()
        try await sender.sendDue()
        let records = try receiver.records()
        #expect(
            records.count == 1 && records.first?.signatures == 2 && records.first?.verified == [true, true])
    }

    @Test("events of one quote arrive in order: the decision waits for the issue's retries")
    func inOrder() async throws {
        let secret = Self.secret(6)
        let receiver = try WebhookReceiver(secrets: [secret], script: "500,204")
        defer { receiver.stop() }
        try await endpoint("ep_a", url: receiver.url, secret: secret)
        let number = try await issue()
        _ = try await server.test { client in
            try await client.call(
                .post, "/v1/quotes/\(number)/decision", key: Key.desk,
                body: #"{"decision":"accepted","channel":"phone"}"#)
        }
        #expect(try await sender.sendDue() == 1)
        clock.advance(10)
        #expect(try await sender.sendDue() == 1)
        #expect(try await sender.sendDue() == 1)
        #expect(try receiver.records().map(\.type) == ["quote.issued", "quote.issued", "quote.decided"])
    }

    @Test(
        "a delivery to a refused address is not made, even to an endpoint stored before",
        arguments: [
            "https://127.0.0.1/in", "https://10.0.0.1/in", "https://169.254.169.254/in",
            "https://loopback.example.com/in",
        ])
    func ssrfAtDelivery(url: String) async throws {
        var strict = self
        strict.server.services.webhooks.policy = EndpointURLPolicy(resolver: FixedResolver())
        try await strict.endpoint("ep_a", url: url, secret: Self.secret(7))
        let number = try await strict.issue()
        try await strict.sender.sendDue()
        let log = try await strict.server.repo.webhookDeliveries(quoteNumber: number, owners: ["desk-1"])
        let attempt = try #require(log.first?.log.first)
        #expect(attempt.status == nil && attempt.error?.hasPrefix("refused") == true)
    }

    @Test("a retailer's endpoint never receives another retailer's quote")
    func retailerIsolation() async throws {
        let secret = Self.secret(8)
        let mine = try WebhookReceiver(secrets: [secret], script: "204")
        let theirs = try WebhookReceiver(secrets: [secret], script: "204")
        defer {
            mine.stop()
            theirs.stop()
        }
        try await endpoint("ep_shop", url: mine.url, secret: secret, owner: "shop", scope: "R-100")
        try await endpoint("ep_other", url: theirs.url, secret: secret, owner: "other-shop", scope: "R-200")
        let shopQuote = try await issue(key: Key.shop)
        _ = try await issue(key: Key.otherShop)
        _ = try await issue(key: Key.desk)
        try await sender.sendDue()
        let shopLog = try await server.repo.webhookDeliveries(quoteNumber: shopQuote, owners: ["shop"])
        #expect(try mine.records().map(\.id) == shopLog.map(\.eventID))
        #expect(try theirs.records().count == 1)
    }
}
