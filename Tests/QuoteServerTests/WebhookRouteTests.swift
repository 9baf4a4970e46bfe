import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteTestSupport
import QuoteWebhooks
import Testing

@testable import QuoteServer

/// Names that resolve without the network: a public address, and a name that points at loopback.
struct FixedResolver: HostResolving {
    func addresses(of host: String) async throws -> [IPAddress] {
        switch host {
        case "hooks.example.com": [IPAddress(literal: "93.184.216.34")!]
        case "loopback.example.com": [IPAddress(literal: "127.0.0.1")!]
        default: throw Unknown()
        }
    }

    struct Unknown: Error {}
}

extension TestServer {
    /// A server whose webhook policy resolves names with ``FixedResolver``.
    static func withWebhooks() throws -> TestServer {
        var server = try TestServer()
        server.services.webhooks.policy = EndpointURLPolicy(resolver: FixedResolver())
        return server
    }
}

/// `/v1/webhooks` (issue #28): a caller's own endpoints, their secret shown once, the SSRF and
/// input refusals named by field, the delivery log with a cursor, and a redelivery.
@Suite("webhook endpoints through the API")
struct WebhookRouteTests {
    static let body =
        #"{"url":"https://hooks.example.com/in","events":["quote.issued","quote.decided"],"description":"shop"}"#

    static func register(_ client: any TestClientProtocol, key: String, body: String = body) async throws
        -> TestResponse
    {
        try await client.call(.post, "/v1/webhooks", key: key, body: body)
    }

    @Test("the secret is shown once; another caller's endpoint answers 404; a delete removes it")
    func lifecycle() async throws {
        let server = try TestServer.withWebhooks()
        try await server.test { client in
            let made = try await Self.register(client, key: Key.desk)
            #expect(made.status == .created)
            let secret = try #require(made.json["secret"] as? String)
            #expect(
                secret.hasPrefix("whsec_") && Data(base64Encoded: String(secret.dropFirst(6)))?.count == 32)
            let id = try #require(made.json["id"] as? String)
            #expect(made.json["events"] as? [String] == ["quote.issued", "quote.decided"])
            let list = try await client.call(.get, "/v1/webhooks", key: Key.desk)
            #expect(list.status == .ok && !list.text.contains(secret) && list.text.contains(id))
            let one = try await client.call(.get, "/v1/webhooks/\(id)", key: Key.desk)
            #expect(
                one.status == .ok && one.json["secret"] == nil
                    && one.json["url"] as? String == "https://hooks.example.com/in")
            for key in [Key.shop, Key.finance] {
                #expect(try await client.call(.get, "/v1/webhooks/\(id)", key: key).status == .notFound)
                #expect(try await client.call(.delete, "/v1/webhooks/\(id)", key: key).status == .notFound)
            }
            #expect(
                try await client.call(.get, "/v1/webhooks", key: Key.shop).json["webhooks"] as? [Any] != nil)
            #expect(try await client.call(.delete, "/v1/webhooks/\(id)", key: Key.desk).status == .noContent)
            #expect(try await client.call(.get, "/v1/webhooks/\(id)", key: Key.desk).status == .notFound)
            #expect(try await client.call(.get, "/v1/webhooks", key: nil).status == .unauthorized)
        }
    }

    @Test(
        "bad input is 422 naming the field",
        arguments: [
            (#"{"url":"http://hooks.example.com/in","events":["quote.issued"]}"#, "url"),
            (#"{"url":"https://127.0.0.1/in","events":["quote.issued"]}"#, "url"),
            (#"{"url":"https://10.0.0.1/in","events":["quote.issued"]}"#, "url"),
            (#"{"url":"https://169.254.169.254/latest","events":["quote.issued"]}"#, "url"),
            (#"{"url":"https://loopback.example.com/in","events":["quote.issued"]}"#, "url"),
            (#"{"url":"https://hooks.example.com/in","events":["quote.paid"]}"#, "events[0]"),
            (#"{"url":"https://hooks.example.com/in","events":[]}"#, "events"),
            (#"{"url":"https://hooks.example.com/in","events":"quote.issued"}"#, "events"),
            (
                #"{"url":"https://hooks.example.com/in","events":["quote.issued"],"description":7}"#,
                "description"
            ),
            (#"{"url":"https://hooks.example.com/in","events":["quote.issued"],"secret":"x"}"#, "secret"),
        ])
    func badInput(body: String, field: String) async throws {
        let server = try TestServer.withWebhooks()
        try await server.test { client in
            let answer = try await Self.register(client, key: Key.desk, body: body)
            #expect(answer.status == .unprocessableContent)
            #expect(answer.json["field"] as? String == field)
        }
    }

    @Test("the eleventh endpoint of a key is 422 naming url; another key still registers")
    func limit() async throws {
        let server = try TestServer.withWebhooks()
        try await server.test { client in
            for _ in 0..<10 { #expect(try await Self.register(client, key: Key.shop).status == .created) }
            let refused = try await Self.register(client, key: Key.shop)
            #expect(refused.status == .unprocessableContent && refused.json["field"] as? String == "url")
            #expect(try await Self.register(client, key: Key.otherShop).status == .created)
        }
    }

    @Test(
        "a retailer's endpoint logs only its own quotes; the log pages with a cursor; redeliver keeps the id")
    func deliveriesLog() async throws {
        let server = try TestServer.withWebhooks()
        try await server.test { client in
            let made = try await Self.register(client, key: Key.shop)
            let id = try #require(made.json["id"] as? String)
            for _ in 0..<3 { _ = try await client.issue(Fixtures.dutchRepair(), key: Key.shop) }
            _ = try await client.issue(Fixtures.dutchRepair(), key: Key.otherShop)
            let first = try await client.call(.get, "/v1/webhooks/\(id)/deliveries?limit=2", key: Key.shop)
            #expect(first.status == .ok)
            let page = try #require(first.json["deliveries"] as? [[String: Any]])
            #expect(page.map { $0["quote"] as? String } == ["NL-2026-000003", "NL-2026-000002"])
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await client.call(
                .get, "/v1/webhooks/\(id)/deliveries?limit=2&cursor=\(cursor)", key: Key.shop)
            let rest = try #require(second.json["deliveries"] as? [[String: Any]])
            #expect(rest.map { $0["quote"] as? String } == ["NL-2026-000001"])
            #expect(second.json["nextCursor"] is NSNull)
            let delivery = try #require(rest.first?["id"] as? String)
            let again = try await client.call(
                .post, "/v1/webhooks/\(id)/deliveries/\(delivery)/redeliver", key: Key.shop)
            #expect(again.status == .accepted)
            #expect(again.json["webhookId"] as? String == rest.first?["webhookId"] as? String)
            #expect(
                try await client.call(
                    .post, "/v1/webhooks/\(id)/deliveries/\(delivery)/redeliver", key: Key.otherShop
                )
                .status == .notFound)
            #expect(
                try await client.call(.get, "/v1/webhooks/\(id)/deliveries?limit=0", key: Key.shop).json[
                    "field"]
                    as? String == "limit")
        }
    }

    @Test("rotate-secret shows a new secret once; enable answers the endpoint enabled")
    func rotateAndEnable() async throws {
        let server = try TestServer.withWebhooks()
        try await server.test { client in
            let made = try await Self.register(client, key: Key.finance)
            let id = try #require(made.json["id"] as? String)
            let rotated = try await client.call(.post, "/v1/webhooks/\(id)/rotate-secret", key: Key.finance)
            #expect(rotated.status == .ok)
            let secret = try #require(rotated.json["secret"] as? String)
            #expect(secret.hasPrefix("whsec_") && secret != made.json["secret"] as? String)
            let endpoint = try #require(try await server.repo.webhookEndpoint(id: id, owner: "finance"))
            let original = try #require(made.json["secret"] as? String)
            #expect(endpoint.activeSecrets(at: Date()) == [secret, original])
            let enabled = try await client.call(.post, "/v1/webhooks/\(id)/enable", key: Key.finance)
            #expect(enabled.status == .ok && enabled.json["enabled"] as? Bool == true)
            #expect(
                try await client.call(.post, "/v1/webhooks/\(id)/enable", key: Key.desk).status == .notFound)
        }
    }
}
