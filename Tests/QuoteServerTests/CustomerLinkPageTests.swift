import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import QuoteCore
import QuoteJSON
import QuoteMailer
import QuoteRendering
import QuoteTestSupport
import Testing

@testable import QuoteServer
@testable import QuoteStore

/// The customer link's pages and the e-mails, from the templates in the customer's language.
@Suite("customer-link pages and e-mails in the customer's language")
struct CustomerLinkPageTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// A server with the real engine and templates, and the path of a Dutch quote's link.
    static func dutchQuote(_ server: TestServer, _ client: any TestClientProtocol) async throws -> String {
        let issued = try await client.issue(try Shipped.example("nl-out-of-warranty.json"))
        let link = try #require(issued.json["customerLink"] as? String)
        return String(link.dropFirst("https://quotes.test".count))
    }

    static func server() throws -> TestServer {
        let (engine, documents) = try DocumentAndMailTests.documents()
        return try TestServer(renderer: documents, engine: engine)
    }

    @Test("the quote page, the confirmation, a second answer and no answer: all in Dutch")
    func dutchFlow() async throws {
        let server = try Self.server()
        try await server.test { client in
            let path = try await Self.dutchQuote(server, client)
            let page = try await client.call(.get, path, key: nil)
            #expect(page.status == .ok && page.text.contains("<html lang=\"nl\">"))
            #expect(
                page.text.contains(
                    "value=\"accepted\" class=\"accept\">Offerte aanvaarden – €\u{00A0}299,96 te betalen</button>"
                ))
            #expect(page.text.contains("(ongerepareerd terug)</button>"))
            let none = try await client.call(.post, path, key: nil, body: "x=1", headers: Self.form)
            #expect(
                none.status == .unprocessableContent && none.text.contains("<h1>Geen antwoord gekozen</h1>"))
            let accepted = try await client.call(
                .post, path, key: nil, body: CustomerForm.acceptDutch, headers: Self.form)
            #expect(accepted.status == .ok)
            #expect(accepted.text.contains("<h1>Dank u: uw antwoord is geregistreerd</h1>"))
            #expect(
                accepted.text.contains("<dd>Aanvaard</dd>")
                    && accepted.text.contains("<dd>€\u{00A0}299,96</dd>"))
            #expect(accepted.text.contains("Geaccepteerd door Anna de Vries op "))
            #expect(accepted.text.contains("(Europe/Amsterdam) via de klantlink."))
            let other = try await client.call(
                .post, path, key: nil, body: "decision=rejected", headers: Self.form)
            #expect(other.status == .conflict && other.text.contains("Op deze offerte is al geantwoord"))
            #expect(other.text.contains("<p><a href=\"\">Terug naar de offerte</a></p>"))
            let after = try await client.call(.get, path, key: nil)
            #expect(after.status == .ok && !after.text.contains("<form"))
            #expect(after.text.contains("<section class=\"decided decided-accepted\">"))
            let number = "NL-2026-000001"
            let document = try await client.call(.get, "/v1/quotes/\(number).txt", key: Key.desk)
            #expect(
                document.text.contains("Uw beslissing")
                    && !document.text.contains("Als u deze offerte weigert"))
        }
    }

    @Test("expired and unknown links get their pages and statuses")
    func expiredAndUnknown() async throws {
        let server = try Self.server()
        let path = try await server.test { client in try await Self.dutchQuote(server, client) }
        try await server.on("2026-03-17").test { client in
            let expired = try await client.call(.get, path, key: nil)
            #expect(expired.status == .gone && expired.text.contains("geldig tot 16 maart 2026"))
            let unknown = try await client.call(.get, "/q/not-a-token", key: nil)
            #expect(unknown.status == .notFound && unknown.text.contains("<h1>Link not recognised</h1>"))
        }
    }

    @Test("replaced and withdrawn quotes: one call each, status 410")
    func supersededAndVoid() async throws {
        let server = try Self.server()
        try await server.test { client in _ = try await Self.dutchQuote(server, client) }
        let record = try #require(try await server.repo.quote(number: "NL-2026-000001"))
        let replaced = server.services.customerPage(record, .superseded(by: "NL-2026-000002"))
        #expect(replaced.status == .gone)
        let void = server.services.customerPage(record, .void)
        #expect(void.status == .gone)
    }

    @Test("a new customer link: the issuer and the service center make one, others cannot; void → 409")
    func newLink() async throws {
        let server = try Self.server()
        try await server.test { client in
            let issued = try await client.issue(try Shipped.example("nl-out-of-warranty.json"), key: Key.shop)
            let first = try #require(issued.json["customerLink"] as? String)
            let path = "/v1/quotes/NL-2026-000001/customer-link"
            let made = try await client.call(.post, path, key: Key.shop)
            #expect(made.status == .created && made.json["number"] as? String == "NL-2026-000001")
            #expect(made.headers[.cacheControl] == "no-store")
            let garbage = try await client.call(.post, path, key: Key.shop, body: #"{"foo":1}"#)
            #expect(garbage.status == .unprocessableContent)
            let link = try #require(made.json["customerLink"] as? String)
            #expect(link.hasPrefix("https://quotes.test/q/") && link != first)
            for url in [link, first] {
                let page = try await client.call(
                    .get, String(url.dropFirst("https://quotes.test".count)), key: nil)
                #expect(page.status == .ok && page.text.contains("NL-2026-000001"))
            }
            #expect(try await client.call(.post, path, key: Key.desk).status == .created)
            #expect(try await client.call(.post, path, key: Key.otherShop).status == .notFound)
            #expect(try await client.call(.post, path, key: Key.finance).status == .forbidden)
            #expect(try await client.call(.post, path, key: nil).status == .unauthorized)
            let unknown = try await client.call(
                .post, "/v1/quotes/NL-2026-000404/customer-link", key: Key.desk)
            #expect(unknown.status == .notFound)
            let void = try await client.call(
                .post, "/v1/quotes/NL-2026-000001/void", key: Key.shop, body: #"{"reason":"withdrawn"}"#)
            #expect(void.status == .ok)
            let refused = try await client.call(.post, path, key: Key.shop)
            #expect(refused.status == .conflict && refused.text.contains("void"))
        }
    }

    @Test(
        "a page the renderer cannot make answers 500 with a page that shows nothing of the error, and is logged"
    )
    func unavailable() {
        let lines = ServiceLogHandlerTests.Lines()
        let services = ServerServices(
            engine: StubEngine(), keys: Key.all, logger: ServiceLogHandlerTests.logger(lines))
        let response = services.customerPage(nil, .unknownLink)
        #expect(response.status == .internalServerError)
        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
        let logged = lines.withLock { $0 }
        #expect(logged.contains { $0.contains("customer page failed") && $0.contains("page=unknown-link") })
    }

    @Test("the tests' plain pages escape what they show")
    func plainPagesEscape() throws {
        let page = try PlainPageRenderer().customerPage(
            .superseded(by: "<b>"), quote: nil, case: nil, languages: [], pdfLink: nil,
            answer: AnswerFormState())
        #expect(page.contains("&lt;b&gt;") && !page.contains("<b>"))
    }

    static func sender() throws -> SMTPMailSender {
        let (engine, documents) = try DocumentAndMailTests.documents()
        return SMTPMailSender(
            configuration: SMTPConfiguration(url: "smtp://127.0.0.1:9", allowPlaintext: true),
            sender: MailAddress("quotes@service.example"), documents: documents, engine: engine)
    }

    static func email(
        _ example: String, language: String?, kind: OutboxMessage.Kind, decision: DocumentDecision?
    )
        throws -> OutboundEmail
    {
        let (engine, _) = try DocumentAndMailTests.documents()
        let caseJSON = try Shipped.example(example)
        let quote = try engine.quote(
            try CaseDecoder.decode(caseJSON, today: { _ in CivilDate("2026-03-02")! }))
        return OutboundEmail(
            messageID: "<outbox-9.X@repairquote>", recipient: "customer@example.com", language: language,
            quoteNumber: "NL-2026-000009", customerLink: "https://quotes.test/q/abc",
            quoteJSON: QuoteEncoder.encode(quote), caseJSON: caseJSON, kind: kind, decision: decision)
    }

    @Test("the quote e-mail's link sentence is in the customer's language")
    func dutchLink() throws {
        let message = try Self.sender().message(
            for: try Self.email("nl-out-of-warranty.json", language: nil, kind: .quote, decision: nil))
        #expect(
            message.textBody.hasPrefix("Deze offerte aanvaarden of weigeren: https://quotes.test/q/abc\n"))
        #expect(message.htmlBody?.contains(">Deze offerte aanvaarden of weigeren</a>") == true)
        #expect(!message.textBody.contains("Accept or reject"))
    }

    @Test("the confirmation e-mail: its subject and the decided documents, no link")
    func confirmation() throws {
        let decision = DocumentDecision(
            decision: .rejected, decidedOn: CivilDate("2026-03-05")!, channel: "phone")
        let message = try Self.sender().message(
            for: try Self.email(
                "nl-out-of-warranty.json", language: nil, kind: .confirmation, decision: decision))
        #expect(message.subject == "Uw beslissing over offerte NL-2026-000009 (Xiaomi 12 Pro): Geweigerd")
        #expect(message.textBody.contains("U hebt deze offerte op 5 maart 2026 geweigerd (telefonisch)."))
        #expect(!message.textBody.contains("https://quotes.test/q/abc"))
        #expect(message.htmlBody?.contains("decided-rejected") == true)
        let missing = try Self.email(
            "nl-out-of-warranty.json", language: nil, kind: .confirmation, decision: nil)
        #expect(throws: MailSendingError.self) { try Self.sender().message(for: missing) }
    }

    @Test("a customer's answer queues a confirmation the outbox sends in Dutch, decided documents attached")
    func confirmationThroughTheOutbox() async throws {
        let server = try Self.server()
        try await server.test { client in
            let path = try await Self.dutchQuote(server, client)
            let answer = try await client.call(
                .post, path, key: nil, body: CustomerForm.acceptDutch, headers: Self.form)
            #expect(answer.status == .ok)
        }
        let mailer = FakeMailer()
        let outbox = OutboxSender(
            repo: server.repo, mailer: mailer, publicBaseURL: "https://quotes.test",
            logger: Logger(label: "t"))
        _ = try await outbox.drainOnce()
        let confirmation = try #require(mailer.sent.first { $0.kind == .confirmation })
        #expect(
            confirmation.decision?.decision == .accepted && confirmation.decision?.channel == "customer-link")
        let message = try Self.sender().message(for: confirmation)
        #expect(message.subject == "Uw beslissing over offerte NL-2026-000001 (Xiaomi 12 Pro): Aanvaard")
        let words = message.textBody.replacingOccurrences(of: "\n", with: " ")
        #expect(words.contains("Geaccepteerd door Anna de Vries op") && words.contains("via de klantlink."))
        #expect(!message.textBody.contains("Als u deze offerte weigert"))
    }

    @Test("a decision is shown on its market's calendar day, with its recorded channel")
    func decisionDay() throws {
        // 2026-03-04 20:00 UTC is 2026-03-05 04:00 in Hong Kong.
        let record = DecisionRecord(
            decision: .accepted, decidedAt: Date(timeIntervalSince1970: 1_772_654_400), decidedBy: "desk-1",
            finalJSON: "{}", role: "service-center", channel: "phone")
        let utc = try #require(DocumentDecision(record))
        #expect(utc.decidedOn == CivilDate("2026-03-04")! && utc.channel == "phone")
        let (_, documents) = try DocumentAndMailTests.documents()
        let zone = try #require(documents.timeZone(of: MarketCode("HK")))
        #expect(DocumentDecision(record, timeZone: zone)?.decidedOn == CivilDate("2026-03-05")!)
        var legacy = record
        legacy.channel = nil
        legacy.decidedBy = "customer"
        #expect(DocumentDecision(legacy)?.channel == "customer-link")
        legacy.decision = .pending
        #expect(DocumentDecision(legacy) == nil)
    }
}
