import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import QuoteCore
import QuoteRendering
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// A renderer that fails with an error the service does not know.
struct BrokenRenderer: PlainCustomerPages {
    struct Broken: Error {}
    func render(quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?) throws
        -> String
    { throw Broken() }
    func renderPDF(quote: Quote, case serviceCase: ServiceCase, decision: DocumentDecision?) throws
        -> [UInt8]?
    { throw Broken() }
}

@Suite("error answers: JSON bodies, request ids, logged 5xx")
struct ErrorAnswerTests {
    @Test("an unknown path is 404 with a JSON body, a request id and nosniff")
    func unknownPath() async throws {
        try await TestServer().test { client in
            let answer = try await client.call(.get, "/v2/nothing", key: Key.desk)
            #expect(answer.status == .notFound)
            #expect(answer.json["error"] as? String == "no such path")
            let id = answer.headers[HTTPField.Name("X-Request-Id")!] ?? ""
            #expect(id.count == 16 && id.allSatisfy(\.isHexDigit))
            #expect(answer.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test("a known path with another method is 405 with Allow and a JSON body")
    func methodNotAllowed() async throws {
        try await TestServer().test { client in
            let answer = try await client.call(.delete, "/v1/quotes/NL-2026-000001", key: Key.desk)
            #expect(answer.status == .methodNotAllowed)
            #expect(answer.headers[.allow] == "GET, HEAD")
            #expect(answer.json["error"] is String)
            let list = try await client.call(.put, "/v1/quotes", key: Key.desk)
            #expect(list.status == .methodNotAllowed && list.headers[.allow] == "GET, HEAD, POST")
            let preview = try await client.call(.get, "/v1/quotes/preview", key: Key.desk)
            #expect(preview.status == .methodNotAllowed && preview.headers[.allow] == "POST")
        }
    }

    @Test("a body over the endpoint's limit is 413 with a JSON body")
    func tooLarge() async throws {
        try await TestServer().test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            let body = #"{"decision":""# + String(repeating: "x", count: 70_000) + #""}"#
            let answer = try await client.call(
                .post, "/v1/quotes/NL-2026-000001/decision", key: Key.desk, body: body)
            #expect(answer.status == .contentTooLarge)
            #expect(answer.json["error"] as? String == "the body is larger than this endpoint takes")
        }
    }

    @Test(
        "an unexpected error (a document or PDF that fails to render) is 500 with a JSON body, logged at error level with the request id",
        arguments: ["html", "pdf"])
    func unexpected(_ document: String) async throws {
        let lines = ServiceLogHandlerTests.Lines()
        var server = try TestServer(renderer: BrokenRenderer())
        server.services.logger = ServiceLogHandlerTests.logger(lines)
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            let answer = try await client.call(
                .get, "/v1/quotes/NL-2026-000001.\(document)", key: Key.desk,
                headers: [HTTPField.Name("X-Request-Id")!: "trace-42_a"])
            #expect(answer.status == .internalServerError)
            #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect((answer.json["error"] as? String)?.hasPrefix("unexpected error") == true)
            #expect(answer.headers[HTTPField.Name("X-Request-Id")!] == "trace-42_a")
        }
        let errors = lines.withLock { $0 }.filter { $0.contains(" error ") }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("requestId=trace-42_a") == true)
        #expect(errors.first?.contains("status=500") == true)
        #expect(errors.first?.contains("Broken") == true)
    }

    @Test("a malformed incoming X-Request-Id is replaced by a fresh one")
    func malformedRequestID() async throws {
        try await TestServer().test { client in
            let answer = try await client.call(
                .get, "/health", key: nil, headers: [HTTPField.Name("X-Request-Id")!: "has spaces;and more"])
            let id = answer.headers[HTTPField.Name("X-Request-Id")!] ?? ""
            #expect(answer.status == .ok && id.count == 16 && id != "has spaces;and more")
        }
    }
}
