import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteServer
import QuoteTestSupport
import Testing

@Suite("customer pages and documents: browser headers, cross-site posts, the auth scheme")
struct PageSecurityTests {
    static let policy =
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    func token(_ client: any TestClientProtocol) async throws -> String {
        let link = try await client.issue(Fixtures.dutchRepair()).json["customerLink"] as? String ?? ""
        return String(link.split(separator: "/").last ?? "")
    }

    func expectPageHeaders(_ response: TestResponse) {
        #expect(response.headers[.contentSecurityPolicy] == Self.policy)
        #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
        #expect(response.headers[.cacheControl] == "no-store")
        #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
    }

    @Test("the customer page and the documents forbid scripts, framing, referrers and caching")
    func headers() async throws {
        try await TestServer(renderer: EchoRenderer()).test { client in
            let token = try await token(client)
            expectPageHeaders(try await client.call(.get, "/q/\(token)", key: nil))
            expectPageHeaders(try await client.call(.get, "/q/unknown-token", key: nil))
            expectPageHeaders(try await client.call(.get, "/v1/quotes/NL-2026-000001.html", key: Key.desk))
            expectPageHeaders(try await client.call(.get, "/v1/quotes/NL-2026-000001.txt", key: Key.desk))
        }
    }

    @Test("a post from another site's page is 403, a body that is not a form 415; neither decides")
    func crossSite() async throws {
        try await TestServer().test { client in
            let token = try await token(client)
            var evil = Self.form
            evil[.origin] = "https://evil.example"
            let forged = try await client.call(
                .post, "/q/\(token)", key: nil, body: "decision=accepted", headers: evil)
            #expect(forged.status == .forbidden)
            let json = try await client.call(
                .post, "/q/\(token)", key: nil, body: #"{"decision":"accepted"}"#,
                headers: [.contentType: "application/json"])
            #expect(json.status == .unsupportedMediaType)
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            #expect(stored.json["decision"] is NSNull)
            var own = Self.form
            own[.origin] = "https://quotes.test"
            let answered = try await client.call(
                .post, "/q/\(token)", key: nil, body: "decision=accepted", headers: own)
            #expect(answered.status == .ok)
        }
    }

    @Test("the auth scheme is case-insensitive; another scheme is 401")
    func bearerScheme() async throws {
        try await TestServer().test { client in
            for value in ["bearer \(Key.desk)", "BEARER  \(Key.desk)", "Bearer \(Key.desk)"] {
                let answer = try await client.call(
                    .get, "/v1/quotes", key: nil, headers: [.authorization: value])
                #expect(answer.status == .ok, "\(value)")
            }
            let basic = try await client.call(
                .get, "/v1/quotes", key: nil, headers: [.authorization: "Basic \(Key.desk)"])
            #expect(basic.status == .unauthorized)
        }
    }
}
