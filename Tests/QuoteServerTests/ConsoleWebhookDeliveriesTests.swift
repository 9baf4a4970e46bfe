import Foundation
import HummingbirdTesting
import QuoteStore
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// The console's quote page lists the quote's webhook deliveries to the service center (issue #28).
@Suite("console: a quote's webhook deliveries")
struct ConsoleWebhookDeliveriesTests {
    @Test(
        "the service center sees each delivery's event, endpoint, state and last answer; a retailer does not")
    func deliveriesShown() async throws {
        let server = try ConsoleFixture.server()
        try await server.repo.createWebhookEndpoint(
            WebhookEndpointRecord(
                id: "ep_console", owner: "desk-1", scopeIssuer: nil, url: "https://hooks.example.com/in",
                events: ["quote.issued"], description: "",
                secret: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0",
                createdAt: Date()),
            limit: 10)
        try await server.test { client in
            let number = try #require(
                try await client.issue(Fixtures.dutchRepair(), key: Key.shop).json["number"] as? String)
            let claimed = try #require(
                try await server.repo.claimWebhookDeliveries(
                    limit: 1, now: Date().addingTimeInterval(1), lease: 60
                ).first)
            try await server.repo.recordWebhookAttempt(
                WebhookAttemptReport(
                    deliveryID: claimed.delivery.id,
                    attempt: WebhookAttemptRecord(
                        attempt: 1, startedAt: Date(), status: 503, durationMilliseconds: 40, error: nil),
                    verdict: .retry(at: Date().addingTimeInterval(300))))
            let (desk, _) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let page = try await desk.request(.get, "/console/quotes/\(number)").text
            #expect(page.contains(#"id="webhooks""#))
            #expect(page.contains(#"data-webhook-state="pending""#))
            #expect(
                page.contains("quote.issued · ep_console · <strong>Pending</strong> · 1 attempts · HTTP 503"))
            let (shop, _) = try await ConsoleBrowser.signedIn(client, as: "shop")
            let shopPage = try await shop.request(.get, "/console/quotes/\(number)")
            #expect(shopPage.status == .ok && !shopPage.text.contains(#"id="webhooks""#))
        }
    }
}
