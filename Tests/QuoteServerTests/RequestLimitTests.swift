import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// Issue #23, item 8, over a real socket: a body that dribbles in, a head over the limits, a
/// client that hangs up part-way.
@Suite("request deadlines and limits, over a real socket")
struct RequestLimitTests {
    /// Runs `body` with the port of a live server of `server`'s router with these options.
    func live(_ server: TestServer, _ options: ServerOptions, _ body: @Sendable (Int) async throws -> Void)
        async throws
    {
        let app = Application(router: server.router, server: options.httpServer)
        try await app.test(.live) { client in try await body(try #require(client.port)) }
    }

    static var quickBody: ServerOptions {
        var options = ServerOptions()
        options.bodyTimeout = .seconds(1)
        return options
    }

    @Test(
        "a body not whole within --body-timeout is 408 with the JSON error body, and the connection is closed"
    )
    func slowBody() async throws {
        let server = try TestServer()
        try await live(server, Self.quickBody) { port in
            let slow = try RawConnection(host: "localhost", port: port)
            defer { slow.close() }
            let started = ContinuousClock.now
            slow.send(
                "POST /v1/quotes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(Key.desk)\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"market\":")
            let answer = try #require(await slow.readUntilClosedAsync())
            let waited = ContinuousClock.now - started
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer)")
            #expect(answer.contains("application/json"))
            #expect(answer.hasSuffix(#"{"error":"the request body did not arrive within 1 s"}"#))
            // Loose on purpose: under the whole suite's parallel load the 408 came 5 s late; without the
            // deadline the connection would stay open for the 60-s idle timeout.
            #expect(waited >= .milliseconds(900) && waited < .seconds(15))
        }
        let metrics = try await server.test { client in try await client.call(.get, "/metrics", key: nil).text
        }
        #expect(metrics.contains(#"route="/v1/quotes",method="POST",status="408"} 1"#))
    }

    @Test("the open /q/{token} and /console/sign-in cannot be held by one byte at a time either")
    func slowOpenBodies() async throws {
        let server = try ConsoleFixture.server()
        try await live(server, Self.quickBody) { port in
            for path in ["/q/no-such-token", "/console/sign-in"] {
                let slow = try RawConnection(host: "localhost", port: port)
                defer { slow.close() }
                let started = ContinuousClock.now
                slow.send(
                    "POST \(path) HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nd")
                // One byte every 300 ms would keep the idle timeout from ever firing. The 30-s bound
                // below is loose for a loaded CI machine; without the deadline the connection would
                // stay open for the 60-s idle timeout.
                let dribble = Task.detached {
                    for _ in 0..<20 {
                        try await Task.sleep(for: .milliseconds(300))
                        slow.send("x")
                    }
                }
                let answer = await slow.readUntilClosedAsync()
                dribble.cancel()
                // Wait for the dribble to end before the socket is closed: a send after the close
                // could land on the same descriptor number reused by the next connection (the
                // server's, in this process), as a stray "x" seen once before an answer.
                _ = await dribble.result
                #expect(answer != nil, "\(path): still open")
                #expect(ContinuousClock.now - started < .seconds(30), "\(path)")
                if path == "/console/sign-in" {
                    #expect(answer?.hasPrefix("HTTP/1.1 408") == true, "\(answer ?? "")")
                    #expect(
                        answer?.hasSuffix(#"{"error":"the request body did not arrive within 1 s"}"#) == true)
                }
            }
        }
    }

    @Test("a URI over the head limit is 414, headers over it 431, each with the JSON error body")
    func headLimits() async throws {
        try await live(try TestServer(), ServerOptions()) { port in
            let long = try RawConnection(host: "localhost", port: port)
            defer { long.close() }
            long.send(
                "GET /health?" + String(repeating: "a", count: 90 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n")
            let uri = try #require(await long.readUntilClosedAsync())
            #expect(uri.hasPrefix("HTTP/1.1 414"), "\(uri.prefix(200))")
            #expect(uri.contains("application/json"))
            #expect(
                uri.hasSuffix(
                    #"{"error":"the request URI is longer than this service takes (80 KiB for the request line and headers, 1000 header fields)"}"#
                ))
            for headers in [
                "X-Big: " + String(repeating: "b", count: 90 * 1024) + "\r\n",
                (0..<1001).map { "X-\($0): v\r\n" }.joined(),
            ] {
                let big = try RawConnection(host: "localhost", port: port)
                defer { big.close() }
                big.send("GET /health HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n")
                let answer = try #require(await big.readUntilClosedAsync())
                #expect(answer.hasPrefix("HTTP/1.1 431"), "\(answer.prefix(200))")
                #expect(answer.contains(#"{"error":"the request headers are larger than this service takes"#))
            }
            // Below the limits, the same connection goes on being served. The safety net is wide:
            // under the whole suite's parallel load an answer took longer than 15 s once in CI.
            let fine = try RawConnection(host: "localhost", port: port, safety: 60)
            defer { fine.close() }
            fine.send(
                "GET /health?" + String(repeating: "a", count: 8 * 1024)
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let answer = await fine.readUntilClosedAsync()
            #expect(
                answer?.hasPrefix("HTTP/1.1 200") == true,
                "\(answer.map { String($0.prefix(200)) } ?? "no answer in 60 s")")
        }
    }

    @Test("HEAD over a real socket: GET's status and Content-Length, no body, and the connection goes on")
    func headOnTheWire() async throws {
        try await live(try TestServer(), ServerOptions()) { port in
            let connection = try RawConnection(host: "localhost", port: port)
            defer { connection.close() }
            connection.send(
                "HEAD /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            )
            let answer = try #require(await connection.readUntilClosedAsync())
            let answers = answer.components(separatedBy: "HTTP/1.1 200 OK")
            #expect(answers.count == 3, "\(answer)")
            #expect(answers[1].lowercased().contains("content-length: 15"))
            #expect(answers[1].hasSuffix("\r\n\r\n") && !answers[1].contains(#"{"status":"ok"}"#))
            #expect(answers[2].hasSuffix(#"{"status":"ok"}"#))
        }
    }

    @Test("a client that hangs up part-way through its body is no 500: debug log, counted apart")
    func hangUp() async throws {
        let lines = ServiceLogHandlerTests.Lines()
        var server = try TestServer()
        server.services.logger = ServiceLogHandlerTests.logger(lines)
        try await live(server, ServerOptions()) { port in
            for (path, key) in [
                ("/v1/quotes", Key.desk), ("/q/no-such-token", nil), ("/v1/quotes/preview", Key.desk),
            ] {
                let gone = try RawConnection(host: "localhost", port: port)
                gone.send(
                    "POST \(path) HTTP/1.1\r\nHost: localhost\r\n"
                        + (key.map { "Authorization: Bearer \($0)\r\n" } ?? "")
                        + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"market\":")
                try await Task.sleep(for: .milliseconds(200))
                gone.close()
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        let metrics = try await server.test { client in try await client.call(.get, "/metrics", key: nil).text
        }
        #expect(!metrics.contains(#"status="500""#), "\(metrics)")
        #expect(
            metrics.contains(#"repairquote_http_requests_aborted_total{route="/v1/quotes",method="POST"} 1"#))
        #expect(
            metrics.contains(
                #"repairquote_http_requests_aborted_total{route="/v1/quotes/preview",method="POST"} 1"#))
        let written = lines.withLock { $0 }
        #expect(written.allSatisfy { !$0.contains(" error ") }, "\(written)")
    }
}
