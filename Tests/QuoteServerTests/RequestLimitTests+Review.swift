import Foundation
import Hummingbird
import HummingbirdTesting
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// The review of #23 item 8: an early 413 from `Content-Length`, HEAD's 414/431 without a body,
/// pipelined heads counted apart, a malformed body a 400 (not a hang-up), and the customer
/// link's 408 and 400 as its styled pages.
extension RequestLimitTests {
    /// Runs `body` with a live server of `server`'s router and a client of it.
    func live(
        _ server: TestServer, _ options: ServerOptions,
        _ body: @Sendable (Int, any TestClientProtocol) async throws -> Void
    ) async throws {
        let app = Application(router: server.router, server: options.httpServer)
        try await app.test(.live) { client in try await body(try #require(client.port), client) }
    }

    /// What the server answers `request` on a new connection, and how long it took.
    static func answer(_ port: Int, _ request: String) async throws -> (String, Duration) {
        let connection = try RawConnection(host: "localhost", port: port)
        defer { connection.close() }
        let started = ContinuousClock.now
        connection.send(request)
        let answer = try #require(await connection.readUntilClosedAsync())
        return (answer, ContinuousClock.now - started)
    }

    static var slowBody: ServerOptions {
        var options = ServerOptions()
        // Far longer than the bound below, so "at once" is told from "at the deadline" even on a
        // loaded CI machine.
        options.bodyTimeout = .seconds(90)
        return options
    }

    @Test("a declared body over the limit is 413 at once, from Content-Length: JSON on /v1, the page on /q")
    func earlyTooLarge() async throws {
        let server = try CustomerLinkPageTests.server()
        try await live(server, Self.slowBody) { port, client in
            let path = try await CustomerLinkPageTests.dutchQuote(server, client)
            let head = "Content-Length: 99999999999\r\nConnection: keep-alive\r\n\r\n"
            let (api, apiTook) = try await Self.answer(
                port,
                "POST /v1/quotes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(Key.desk)\r\n"
                    + "Content-Type: application/json\r\n\(head){\"m")
            #expect(api.hasPrefix("HTTP/1.1 413"), "\(api)")
            #expect(api.lowercased().contains("connection: close"))
            #expect(api.hasSuffix(#"{"error":"the body is larger than this endpoint takes"}"#))
            #expect(apiTook < .seconds(30), "\(apiTook)")
            let (page, pageTook) = try await Self.answer(
                port,
                "POST \(path) HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n\(head)dec")
            #expect(page.hasPrefix("HTTP/1.1 413"), "\(page)")
            #expect(page.contains("text/html") && page.contains("<h1>Antwoord te groot</h1>"))
            #expect(pageTook < .seconds(30), "\(pageTook)")
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            #expect(stored.json["decision"] as? [String: Any] == nil)
        }
    }

    @Test("the console's forms are 413 at once too")
    func earlyTooLargeConsole() async throws {
        try await live(try ConsoleFixture.server(), Self.slowBody) { port, _ in
            let (signIn, took) = try await Self.answer(
                port,
                "POST /console/sign-in HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 99999999999\r\n\r\nuse"
            )
            #expect(signIn.hasPrefix("HTTP/1.1 413"), "\(signIn)")
            #expect(took < .seconds(30), "\(took)")
        }
    }

    @Test("a HEAD over the head limits is 414 or 431 with the JSON body's length and no body")
    func headOverLimits() async throws {
        try await live(try TestServer(), ServerOptions()) { port, _ in
            let (uri, _) = try await Self.answer(
                port,
                "HEAD /health?" + String(repeating: "a", count: 90 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(uri.hasPrefix("HTTP/1.1 414"), "\(uri.prefix(300))")
            #expect(uri.lowercased().contains("content-length: "))
            #expect(uri.hasSuffix("\r\n\r\n") && !uri.contains("{"), "\(uri)")
            let (fields, _) = try await Self.answer(
                port,
                "HEAD /health HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 90 * 1024)
                    + "\r\n\r\n")
            #expect(fields.hasPrefix("HTTP/1.1 431"), "\(fields.prefix(300))")
            #expect(fields.hasSuffix("\r\n\r\n") && !fields.contains("{"), "\(fields)")
            // A GET's answer keeps its body.
            let (get, _) = try await Self.answer(
                port,
                "GET /health?" + String(repeating: "a", count: 90 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(get.hasPrefix("HTTP/1.1 414") && get.hasSuffix("}"), "\(get.prefix(300))")
        }
    }

    @Test("a pipelined head over the limit is judged by its own bytes: 431 after a GET in the same packet")
    func pipelinedHead() async throws {
        try await live(try TestServer(), ServerOptions()) { port, _ in
            let big = "X-Big: " + String(repeating: "b", count: 100 * 1024) + "\r\n"
            let (answer, _) = try await Self.answer(
                port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\(big)\r\n")
            let answers = answer.components(separatedBy: "HTTP/1.1 ")
            #expect(answers.count == 3, "\(answer)")
            #expect(answers.dropFirst().first?.hasPrefix("200") == true, "the GET is answered first")
            #expect(answers.last?.hasPrefix("431") == true, "\(answer)")
            #expect(answer.contains(#"{"error":"the request headers are larger than this service takes"#))
            // A long URI after a GET in the same packet is still the URI's.
            let long =
                "GET /health?" + String(repeating: "a", count: 90 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n"
            let (uri, _) = try await Self.answer(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + long)
            #expect(
                uri.components(separatedBy: "HTTP/1.1 ").last?.hasPrefix("414") == true, "\(uri.prefix(400))")
        }
    }

    @Test("a malformed chunked body is a 400 with the JSON body, not a hang-up")
    func malformedBody() async throws {
        let server = try TestServer()
        try await live(server, ServerOptions()) { port, _ in
            let (answer, took) = try await Self.answer(
                port,
                "POST /v1/quotes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(Key.desk)\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\ndecis\r\nZZ\r\n"
            )
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer)")
            #expect(answer.contains("application/json"))
            #expect(
                answer.contains(#"{"error":"the request body is not valid HTTP/1.1 framing"#), "\(answer)")
            #expect(answer.components(separatedBy: "HTTP/1.1 4").count == 2, "one answer: \(answer)")
            #expect(took < .seconds(15))  // not the 30-s body deadline, even on a loaded machine
        }
        let metrics = try await server.test { client in try await client.call(.get, "/metrics", key: nil).text
        }
        #expect(!metrics.contains("repairquote_http_requests_aborted_total{"), "\(metrics)")
        #expect(metrics.contains(#"route="/v1/quotes",method="POST",status="400"} 1"#), "\(metrics)")
    }

    @Test("on /q/{token} a form too late is the styled 408 page, a malformed one the 400 page")
    func customerPages() async throws {
        let server = try CustomerLinkPageTests.server()
        var options = ServerOptions()
        options.bodyTimeout = .seconds(1)
        try await live(server, options) { port, client in
            let path = try await CustomerLinkPageTests.dutchQuote(server, client)
            let form = "Host: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            let (late, took) = try await Self.answer(
                port, "POST \(path) HTTP/1.1\r\n\(form)Content-Length: 100\r\n\r\ndecision=acc")
            #expect(late.hasPrefix("HTTP/1.1 408"), "\(late)")
            #expect(late.lowercased().contains("connection: close"))
            #expect(late.contains("text/html") && late.contains("<html lang=\"nl\">"), "\(late)")
            #expect(
                late.contains("<h1>Antwoord kwam te traag aan</h1>")
                    && late.contains("message-refused-too-late"))
            #expect(late.contains("Terug naar de offerte") && !late.contains("{\"error\""))
            #expect(took < .seconds(15))  // the 1-s deadline, not the 60-s idle timeout
            let (broken, _) = try await Self.answer(
                port, "POST \(path) HTTP/1.1\r\n\(form)Transfer-Encoding: chunked\r\n\r\n5\r\ndecis\r\nZZ\r\n"
            )
            #expect(broken.hasPrefix("HTTP/1.1 400"), "\(broken)")
            #expect(broken.contains("<h1>Antwoord beschadigd aangekomen</h1>"), "\(broken)")
            #expect(broken.contains("message-refused-malformed") && !broken.contains("{\"error\""))
            let stored = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            #expect(stored.json["decision"] as? [String: Any] == nil)
        }
    }
}
