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

    /// The page headers; `referrer` is `same-origin` on the customer link's pages (so that
    /// Chromium posts its form with the page's `Origin`, not `null`), `no-referrer` on documents.
    func expectPageHeaders(_ response: TestResponse, referrer: String = "same-origin") {
        #expect(response.headers[.contentSecurityPolicy] == Self.policy)
        #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == referrer)
        #expect(response.headers[.cacheControl] == "no-store")
        #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
    }

    @Test("the customer page and the documents forbid scripts, framing, referrers to other sites and caching")
    func headers() async throws {
        try await TestServer(renderer: EchoRenderer()).test { client in
            let token = try await token(client)
            expectPageHeaders(try await client.call(.get, "/q/\(token)", key: nil))
            expectPageHeaders(try await client.call(.get, "/q/unknown-token", key: nil))
            var evil = Self.form
            evil[.origin] = "https://evil.example"
            expectPageHeaders(
                try await client.call(
                    .post, "/q/\(token)", key: nil, body: "decision=accepted", headers: evil))
            let html = try await client.call(.get, "/v1/quotes/NL-2026-000001.html", key: Key.desk)
            expectPageHeaders(html, referrer: "no-referrer")
            let text = try await client.call(.get, "/v1/quotes/NL-2026-000001.txt", key: Key.desk)
            expectPageHeaders(text, referrer: "no-referrer")
        }
    }

    /// What a browser sends with the customer's form post, and whether it is taken.
    struct Post: Sendable, CustomTestStringConvertible {
        var origin: String?
        var site: String?
        var taken: Bool
        var testDescription: String { "Origin \(origin ?? "-"), Sec-Fetch-Site \(site ?? "-")" }
    }

    static let posts: [Post] = [
        // Chromium, the page served with `Referrer-Policy: no-referrer` (before #23): its own click.
        Post(origin: "null", site: "same-origin", taken: true),
        // Chromium or Firefox under `same-origin`, and a reverse proxy's public URL.
        Post(origin: "https://quotes.test", site: "same-origin", taken: true),
        // Not a browser (curl, a test client).
        Post(origin: nil, site: nil, taken: true),
        // A sandboxed or referrer-hiding page elsewhere, with and without fetch metadata.
        Post(origin: "null", site: nil, taken: false),
        Post(origin: "null", site: "cross-site", taken: false),
        // Another port of the same host is the same site, not the same origin.
        Post(origin: "null", site: "same-site", taken: false),
        Post(origin: "https://quotes.test:8443", site: "same-site", taken: false),
        // A browser that names no origin but says where the post comes from.
        Post(origin: nil, site: "cross-site", taken: false),
        Post(origin: nil, site: "none", taken: false),
        // A foreign origin is refused whatever else is said.
        Post(origin: "https://evil.example", site: "same-origin", taken: false),
        Post(origin: "https://evil.example", site: nil, taken: false),
    ]

    @Test(
        "the customer's own post in Chromium is taken; a post from elsewhere is 403 and decides nothing",
        arguments: posts)
    func chromiumPost(_ post: Post) async throws {
        try await TestServer().test { client in
            let token = try await token(client)
            var headers = Self.form
            if let origin = post.origin { headers[.origin] = origin }
            if let site = post.site { headers[HTTPField.Name("Sec-Fetch-Site")!] = site }
            let answer = try await client.call(
                .post, "/q/\(token)", key: nil, body: CustomerForm.accept(), headers: headers)
            #expect(answer.status == (post.taken ? .ok : .forbidden))
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            #expect((stored.json["decision"] is NSNull) != post.taken)
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
                .post, "/q/\(token)", key: nil, body: CustomerForm.accept(), headers: own)
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
