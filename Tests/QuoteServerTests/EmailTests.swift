import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import QuoteServer
import QuoteStore
import QuoteTestSupport
import Synchronization
import Testing

/// Fails the first `failures` sends of each message (transiently, or permanently), then succeeds.
final class FakeMailer: MailSending {
    let failures: Int
    let permanent: Bool
    let log = Mutex<[OutboundEmail]>([])
    let attempts = Mutex<[String: Int]>([:])

    init(failures: Int = 0, permanent: Bool = false) {
        self.failures = failures
        self.permanent = permanent
    }

    func send(_ email: OutboundEmail) async throws {
        let attempt = attempts.withLock { counts -> Int in
            counts[email.messageID, default: 0] += 1
            return counts[email.messageID]!
        }
        if attempt <= failures {
            throw permanent
                ? MailSendingError.permanent("550 no such user") : MailSendingError.transient("421 try later")
        }
        log.withLock { $0.append(email) }
    }

    var sent: [OutboundEmail] { log.withLock { $0 } }
}

@Suite("POST /v1/quotes/{number}/email and the outbox sender")
struct EmailTests {
    @Test("queued 202 with a fixed Message-ID; only the service center may send")
    func enqueue() async throws {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair(), key: Key.shop)
            let uri = "/v1/quotes/NL-2026-000001/email"
            let queued = try await client.call(.post, uri, key: Key.desk)
            #expect(queued.status == .accepted)
            #expect(queued.json["messageId"] as? String == "<outbox-1.NL-2026-000001@repairquote>")
            #expect(try await client.call(.post, uri, key: Key.shop).status == .forbidden)
            #expect(try await client.call(.post, uri, key: Key.finance).status == .forbidden)
            #expect(
                try await client.call(.post, "/v1/quotes/NL-2026-000002/email", key: Key.desk).status
                    == .notFound)
            let bad = try await client.call(.post, uri, key: Key.desk, body: #"{"to":"nobody"}"#)
            #expect(bad.status == .unprocessableContent && bad.json["field"] as? String == "to")
        }
    }

    /// A server with NL-2026-000001 issued and its e-mail to x@example.nl queued.
    static func serverWithQueuedEmail() async throws -> TestServer {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            _ = try await client.call(
                .post, "/v1/quotes/NL-2026-000001/email", key: Key.desk, body: #"{"to":"x@example.nl"}"#)
        }
        return server
    }

    @Test("a transient failure is retried after a backoff; the message is sent once, with its link")
    func retries() async throws {
        let server = try await Self.serverWithQueuedEmail()
        let mailer = FakeMailer(failures: 1)
        let sender = OutboxSender(
            repo: server.repo, mailer: mailer, publicBaseURL: "https://quotes.test",
            logger: Logger(label: "t"))
        let start = Date()
        #expect(try await sender.drainOnce(now: start) == 0)
        #expect(try await sender.drainOnce(now: start.addingTimeInterval(4)) == 0)
        #expect(try await sender.drainOnce(now: start.addingTimeInterval(5)) == 1)
        #expect(try await sender.drainOnce(now: start.addingTimeInterval(600)) == 0)
        #expect(mailer.sent.map(\.messageID) == ["<outbox-1.NL-2026-000001@repairquote>"])
        #expect(mailer.sent.first?.recipient == "x@example.nl")
        #expect(mailer.sent.first?.customerLink?.hasPrefix("https://quotes.test/q/") == true)
        let row = try await server.repo.outboxMessage(id: 1)
        #expect(row?.state == "sent" && row?.attempts == 2 && row?.customerToken == nil)
    }

    @Test("a permanent failure gives the message up, recorded with its error")
    func permanentFailure() async throws {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            _ = try await client.call(.post, "/v1/quotes/NL-2026-000001/email", key: Key.desk)
        }
        let sender = OutboxSender(
            repo: server.repo, mailer: FakeMailer(failures: 9, permanent: true), publicBaseURL: "",
            logger: Logger(label: "t"))
        #expect(try await sender.drainOnce() == 0)
        let row = try await server.repo.outboxMessage(id: 1)
        #expect(row?.state == "failed" && row?.lastError?.contains("550") == true)
    }

    /// 265 characters: over RFC 5321's 254 for a whole path, each label within 63.
    static let longDomain =
        ["b", "c", "d", "e"].map { String(repeating: $0, count: 63) }.joined(separator: ".")
        + ".example"

    @Test(
        "an address that could never be sent to, a list, a number, an unknown field or a non-object body is refused 422",
        arguments: [
            (#"{"to": "a@b.example\r\nRCPT TO:<x@y.example>"}"#, "to"),
            (#"{"to": "a@x.example,b@y.example"}"#, "to"), (#"{"to": 5}"#, "to"),
            (#"{"to": "a@b.example", "bcc": "c@d.example"}"#, "bcc"),
            ("{\"to\": \"" + String(repeating: "a", count: 65) + "@b.example\"}", "to"),
            ("{\"to\": \"a@" + EmailTests.longDomain + "\"}", "to"),
            ("[\"a@b.example\"]", nil), ("not json", nil),
        ] as [(String, String?)])
    func refusesUnsendable(body: String, field: String?) async throws {
        let server = try TestServer()
        try await server.test { client in
            _ = try await client.issue(Fixtures.dutchRepair())
            let answer = try await client.call(
                .post, "/v1/quotes/NL-2026-000001/email", key: Key.desk, body: body)
            #expect(answer.status == .unprocessableContent)
            #expect(answer.json["field"] as? String == field)
            #expect(answer.json["error"] is String)
        }
        #expect(try await server.repo.outbox(quoteNumber: "NL-2026-000001").isEmpty)
    }

    @Test(
        "a permanent failure is logged at error level and shown, with its reason, in GET /v1/quotes/{number}")
    func statesInTheQuote() async throws {
        let server = try await Self.serverWithQueuedEmail()
        let lines = ServiceLogHandlerTests.Lines()
        let sender = OutboxSender(
            repo: server.repo, mailer: FakeMailer(failures: 9, permanent: true), publicBaseURL: "",
            logger: ServiceLogHandlerTests.logger(lines))
        #expect(try await sender.drainOnce() == 0)
        let logged = lines.withLock { $0 }
        #expect(logged.count == 1)
        #expect(logged.first?.contains(" error repairquote.server: ") == true)
        #expect(logged.first?.contains("reason=550 no such user") == true)
        #expect(logged.first?.contains("to=x***@example.nl") == true)
        #expect(logged.first?.hasSuffix("e-mail given up\n") == true)
        try await server.test { client in
            _ = try await client.call(
                .post, "/v1/quotes/NL-2026-000001/email", key: Key.desk, body: #"{"to":"y@example.nl"}"#)
            let shown = try await client.call(.get, "/v1/quotes/NL-2026-000001", key: Key.desk)
            let emails = shown.json["emails"] as? [[String: Any]] ?? []
            #expect(emails.map { $0["to"] as? String } == ["x@example.nl", "y@example.nl"])
            #expect(emails.map { $0["state"] as? String } == ["failed", "pending"])
            #expect(emails.first?["reason"] as? String == "550 no such user")
            #expect(emails.last?["reason"] == nil && emails.last?["sentAt"] is NSNull)
            #expect((emails.first?["queuedAt"] as? String)?.hasPrefix("20") == true)
        }
    }
}
