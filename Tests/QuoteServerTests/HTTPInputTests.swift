import Foundation
import HTTPTypes
import HummingbirdTesting
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// Issue #23, item 8, through the router: the HTTP and input defects found by attacking the
/// service (401 challenges, HEAD, `Idempotency-Key`, the issue limit, one-line texts, amounts).
@Suite("HTTP and input rules found by attacking the service")
struct HTTPInputTests {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    @Test("every 401 carries WWW-Authenticate: Bearer realm=\"repairquote\": API, catalog, console sign-in")
    func challenge() async throws {
        let challenge = #"Bearer realm="repairquote""#
        try await TestServer().test { client in
            for (method, path, key) in [
                (HTTPRequest.Method.get, "/v1/quotes", nil), (.post, "/v1/quotes", "no-such-key"),
                (.get, "/v1/quotes/NL-2026-000001", nil), (.post, "/v1/quotes/preview", nil),
            ] as [(HTTPRequest.Method, String, String?)] {
                let answer = try await client.call(method, path, key: key, body: "{}")
                #expect(answer.status == .unauthorized, "\(path)")
                #expect(answer.headers[.wwwAuthenticate] == challenge, "\(path)")
                #expect(
                    answer.json["error"] as? String == "an API key is required (Authorization: Bearer KEY)")
            }
            // A 403 is not a challenge.
            let forbidden = try await client.call(.post, "/v1/quotes", key: Key.finance, body: "{}")
            #expect(forbidden.status == .forbidden && forbidden.headers[.wwwAuthenticate] == nil)
        }
        try await ConsoleFixture.server().test { client in
            let catalog = try await client.call(.get, "/v1/catalog/NL", key: nil)
            #expect(catalog.status == .unauthorized && catalog.headers[.wwwAuthenticate] == challenge)
            var browser = ConsoleBrowser(client: client)
            let wrong = try await browser.signIn("desk", password: "not the password")
            #expect(wrong.status == .unauthorized && wrong.headers[.wwwAuthenticate] == challenge)
        }
    }

    @Test("HEAD on every GET route answers as GET without a body: API, documents, customer page, console")
    func head() async throws {
        var server = try ConsoleFixture.server()
        server.services.catalog = server.services.console?.catalog
        try await server.test { client in
            let issued = try await client.issue(Fixtures.dutchRepair())
            let token = String(
                (issued.json["customerLink"] as? String ?? "").split(separator: "/").last ?? "")
            for (path, key) in [
                ("/health", nil), ("/metrics", nil), ("/openapi.yaml", nil), ("/v1/quotes", Key.desk),
                ("/v1/quotes/NL-2026-000001", Key.desk), ("/v1/quotes/NL-2026-000001.txt", Key.desk),
                ("/v1/catalog/NL", Key.desk), ("/q/\(token)", nil), ("/console/sign-in", nil),
                ("/console/static/console.css", nil),
            ] as [(String, String?)] {
                let get = try await client.call(.get, path, key: key)
                let head = try await client.call(.head, path, key: key)
                #expect(get.status == .ok && head.status == .ok, "\(path): \(head.status)")
                #expect(get.body.readableBytes > 0 && head.body.readableBytes == 0, "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(path)")
                if path != "/metrics" {  // the metrics grow with every request
                    #expect(head.headers[.contentLength] == String(get.body.readableBytes), "\(path)")
                }
            }
            // A redirect and an error answer the same way, without their bodies.
            let console = try await client.call(.head, "/console", key: nil)
            #expect(console.status == .seeOther && console.headers[.location] == "/console/sign-in")
            let unknown = try await client.call(.head, "/v1/quotes/NL-2026-000009", key: Key.desk)
            #expect(unknown.status == .notFound && unknown.body.readableBytes == 0)
            let noKey = try await client.call(.head, "/v1/quotes", key: nil)
            #expect(noKey.status == .unauthorized && noKey.body.readableBytes == 0)
            let postOnly = try await client.call(.head, "/v1/quotes/preview", key: Key.desk)
            #expect(postOnly.status == .methodNotAllowed && postOnly.headers[.allow] == "POST")
            #expect(postOnly.body.readableBytes == 0)
        }
    }

    @Test("Allow comes from the router: GET routes list GET, HEAD; console paths are known too")
    func allow() async throws {
        try await ConsoleFixture.server().test { client in
            for (method, path, allow) in [
                (HTTPRequest.Method.delete, "/health", "GET, HEAD"),
                (.post, "/v1/quotes/NL-2026-000001", "GET, HEAD"),
                (.put, "/v1/quotes", "GET, HEAD, POST"),
                (.delete, "/q/some-token", "GET, HEAD, POST"),
                (.delete, "/console/quotes", "GET, HEAD"),
                (.put, "/console/sign-in", "GET, HEAD, POST"),
                (.put, "/console/quotes/NL-2026-000001/revise", "GET, HEAD, POST"),
                (.get, "/console/sign-out", "POST"),
            ] as [(HTTPRequest.Method, String, String)] {
                let answer = try await client.call(method, path, key: Key.desk)
                #expect(answer.status == .methodNotAllowed, "\(method) \(path)")
                #expect(answer.headers[.allow] == allow, "\(method) \(path)")
                #expect(answer.json["error"] is String, "\(method) \(path)")
            }
        }
    }

    @Test(
        "Idempotency-Key: empty, blank, spaced, non-ASCII or over 255 characters is 422 naming the header",
        arguments: ["", "   ", "\t", "two words", "a, b", "clé-1", String(repeating: "k", count: 256)])
    func badIdempotencyKey(_ key: String) async throws {
        let server = try TestServer()
        try await server.test { client in
            for _ in 0..<2 {
                let answer = try await client.issue(Fixtures.dutchRepair(), idempotencyKey: key)
                #expect(answer.status == .unprocessableContent)
                #expect(answer.json["field"] as? String == "Idempotency-Key")
            }
            let list = try await client.call(.get, "/v1/quotes", key: Key.desk)
            #expect((list.json["quotes"] as? [Any])?.count == 0)
        }
    }

    @Test("Idempotency-Key: 1 to 255 printable characters are keys; a revision refuses an empty one too")
    func goodIdempotencyKey() async throws {
        let longest = String(repeating: "~", count: 255)
        try await TestServer().test { client in
            let first = try await client.issue(Fixtures.dutchRepair(), idempotencyKey: longest)
            let again = try await client.issue(Fixtures.dutchRepair(), idempotencyKey: longest)
            #expect(first.status == .created && again.status == .ok)
            #expect(again.json["number"] as? String == "NL-2026-000001")
            let short = try await client.issue(Fixtures.dutchRepair(), idempotencyKey: "!")
            #expect(short.status == .created && short.json["number"] as? String == "NL-2026-000002")
            let revise = try await client.call(
                .post, "/v1/quotes/NL-2026-000001/revise", key: Key.desk, body: Fixtures.dutchRepair(),
                headers: [Self.idempotencyKey: ""])
            #expect(revise.status == .unprocessableContent)
            #expect(revise.json["field"] as? String == "Idempotency-Key")
        }
    }

    @Test("refused issues (422) do not spend the issue limit, and the 429 claims nothing was issued")
    func refusedIssuesAreFree() async throws {
        let clock = ManualClock()
        var server = try TestServer()
        server.services.keys = APIKeys([
            "slow-key": Principal(name: "slow", role: .retailer, retailer: "R-300", issuesPerMinute: 2)
        ])
        server.services.issueLimiter = IssueRateLimiter(now: { clock.now })
        try await server.test { client in
            for _ in 0..<5 {
                let bad = try await client.issue(#"{"market": ""}"#, key: "slow-key")
                #expect(bad.status == .unprocessableContent)
                let badKey = try await client.issue(
                    Fixtures.dutchRepair(), key: "slow-key", idempotencyKey: "")
                #expect(badKey.status == .unprocessableContent)
            }
            #expect(try await client.issue(Fixtures.dutchRepair(), key: "slow-key").status == .created)
            let reused = try await client.issue("{}", key: "slow-key")
            #expect(reused.status == .unprocessableContent)
            #expect(try await client.issue(Fixtures.dutchRepair(), key: "slow-key").status == .created)
            let refused = try await client.issue(Fixtures.dutchRepair(), key: "slow-key")
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] == "30")
            let message = refused.json["error"] as? String ?? ""
            #expect(message == "this key may issue 2 quotes a minute; retry in 30 s")
        }
    }

    @Test(
        "U+2028 and U+2029 are refused in one-line fields like other controls, the field named",
        arguments: ["\u{2028}", "\u{2029}"])
    func lineSeparators(_ separator: String) async throws {
        try await TestServer().test { client in
            let name = Fixtures.dutchRepair().replacingOccurrences(
                of: "Anna de Vries", with: "Anna\(separator)de Vries")
            let answer = try await client.issue(name)
            #expect(answer.status == .unprocessableContent)
            #expect(answer.json["field"] as? String == "customer.name")
            let reference = Fixtures.dutchRepair().replacingOccurrences(
                of: #""kind": "repair","#, with: #""kind": "repair", "reference": "JOB\#(separator)77","#)
            let referenced = try await client.issue(reference)
            #expect(referenced.status == .unprocessableContent)
            #expect(referenced.json["field"] as? String == "reference")
            let query = try await client.call(
                .get,
                "/v1/quotes?q=" + "a\(separator)b".addingPercentEncoding(
                    withAllowedCharacters: .alphanumerics)!,
                key: Key.desk)
            #expect(query.status == .unprocessableContent && query.json["field"] as? String == "q")
        }
        #expect(!TextSafety.isClean("a\(separator)b"))
        #expect(
            TextSafety.escaped("a\(separator)b") == (separator == "\u{2028}" ? "a\\u{2028}b" : "a\\u{2029}b"))
    }

    @Test(
        "an amount with more decimals than the currency is refused on a repair too, naming EUR's 2 decimals")
    func amountDecimals() async throws {
        let server = try TestServer(engine: try Shipped.engine())
        try await server.test { client in
            let body = Fixtures.dutchRepair().replacingOccurrences(
                of: #""channel": "mi.com","#, with: #""channel": "mi.com", "amounts": {"price": "0.001"},"#)
            for path in ["/v1/quotes/preview", "/v1/quotes"] {
                let answer = try await client.call(.post, path, key: Key.desk, body: body)
                #expect(answer.status == .unprocessableContent, "\(path)")
                #expect(answer.json["field"] as? String == "purchase.amounts.price")
                #expect(
                    answer.json["error"] as? String
                        == #""0.001" has more than 2 decimals (EUR has 2 decimals)"#)
            }
            let fine = body.replacingOccurrences(of: "0.001", with: "499.90")
            #expect(try await client.call(.post, "/v1/quotes", key: Key.desk, body: fine).status == .created)
        }
    }
}
