import Foundation
import HummingbirdTesting
import QuoteCore
import QuoteJSON
import QuoteMailer
import QuoteRendering
import Testing

@testable import QuoteServer

/// The service with the real templates and the SMTP sender's message building.
@Suite("documents from the templates, e-mails from the outbox")
struct DocumentAndMailTests {
    static func documents() throws -> (QuoteCalculator, TemplateDocumentRenderer) {
        let engine = try Shipped.engine()
        let renderer = try QuoteRenderer(templatesDirectory: Shipped.root.appendingPathComponent("Templates"))
        return (engine, TemplateDocumentRenderer(renderer: renderer, catalog: engine.catalog))
    }

    @Test("GET .html and .txt render the issued quote in the customer's language, number included")
    func documentsFromTemplates() async throws {
        let (engine, documents) = try Self.documents()
        let server = try TestServer(renderer: documents, engine: engine)
        try await server.test { client in
            let issued = try await client.issue(try Shipped.example("nl-out-of-warranty.json"))
            let number = try #require((issued.json["quote"] as? [String: Any])?["number"] as? String)
            let html = try await client.call(.get, "/v1/quotes/\(number).html", key: Key.desk)
            #expect(html.status == .ok)
            #expect(html.text.contains("<html lang=\"nl\">"))
            #expect(html.text.contains(number))
            let text = try await client.call(.get, "/v1/quotes/\(number).txt", key: Key.desk)
            #expect(text.status == .ok)
            #expect(text.text.contains("Offertenummer"))
        }
    }

    @Test("the customer link shows the rendered quote with the decision form in the customer's language")
    func customerPage() async throws {
        let (engine, documents) = try Self.documents()
        let server = try TestServer(renderer: documents, engine: engine)
        try await server.test { client in
            let issued = try await client.issue(try Shipped.example("nl-out-of-warranty.json"))
            let link = try #require(issued.json["customerLink"] as? String)
            let path = String(link.dropFirst("https://quotes.test".count))
            let page = try await client.call(.get, path, key: nil)
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"nl\">"))
            #expect(page.text.contains(">Offerte aanvaarden – €\u{00A0}299,96 te betalen</button>"))
            #expect(page.text.contains("Reparatieofferte"))
            let decided = try await client.call(
                .post, path, key: nil, body: "decision=rejected",
                headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(decided.status == .ok)
            let after = try await client.call(.get, path, key: nil)
            #expect(after.text.contains("geweigerd (via de link in onze e-mail)."))
            #expect(!after.text.contains("<button"))
        }
    }

    @Test(
        "the outbox e-mail carries the link, the localized subject, both documents and its fixed Message-ID")
    func mailMessage() throws {
        let (engine, documents) = try Self.documents()
        let sender = SMTPMailSender(
            configuration: SMTPConfiguration(url: "smtp://127.0.0.1:9", allowPlaintext: true),
            sender: MailAddress("quotes@service.example"), documents: documents, engine: engine)
        let caseJSON = try Shipped.example("hk-doa-swap.json")
        let quote = try engine.quote(
            try CaseDecoder.decode(caseJSON, today: { _ in CivilDate("2026-03-02")! }))
        let email = OutboundEmail(
            messageID: "<outbox-7.HK-2026-000007@repairquote>", recipient: "customer@example.com",
            language: "zh-Hant",
            quoteNumber: "HK-2026-000007", customerLink: "https://quotes.test/q/abc",
            quoteJSON: QuoteEncoder.encode(quote),
            caseJSON: caseJSON)
        let message = try sender.message(for: email)
        #expect(message.subject == "維修報價單 HK-2026-000007 – Xiaomi 12 Pro")
        #expect(message.messageID == "<outbox-7.HK-2026-000007@repairquote>")
        #expect(message.textBody.hasPrefix("接受或拒絕本報價：https://quotes.test/q/abc"))
        #expect(message.htmlBody?.contains("href=\"https://quotes.test/q/abc\"") == true)
        #expect(message.textBody.contains("HK-2026-000007"))
    }

    @Test(
        "a customer language without labels (de), or one the market does not list (es), falls back to its base language, then the market's, for documents, page and e-mail",
        arguments: [
            ("de", "nl"), ("de-BE", "nl"), ("fr-BE", "fr"), ("nl", "nl"), ("es", "nl"), ("zh-HK", "nl"),
        ])
    func languageFallback(requested: String, shown: String) async throws {
        let (engine, documents) = try Self.documents()
        let server = try TestServer(renderer: documents, engine: engine)
        let caseJSON = try Shipped.example("be-out-of-warranty.json").replacingOccurrences(
            of: #""language": "fr""#, with: #""language": "\#(requested)""#)
        try await server.test { client in
            let issued = try await client.issue(caseJSON)
            #expect(issued.status == .created)
            #expect(issued.json["language"] as? String == shown)
            let number = try #require((issued.json["quote"] as? [String: Any])?["number"] as? String)
            let shownJSON = try await client.call(.get, "/v1/quotes/\(number)", key: Key.desk)
            #expect(shownJSON.json["language"] as? String == shown)
            for suffix in [".html", ".txt"] {
                let document = try await client.call(.get, "/v1/quotes/\(number)\(suffix)", key: Key.desk)
                #expect(document.status == .ok, "\(suffix): \(document.text)")
            }
            let html = try await client.call(.get, "/v1/quotes/\(number).html", key: Key.desk)
            #expect(html.text.contains("<html lang=\"\(shown)\">"))
            let link = try #require(issued.json["customerLink"] as? String)
            let page = try await client.call(
                .get, String(link.dropFirst("https://quotes.test".count)), key: nil)
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"\(shown)\">"))
        }
        let sender = SMTPMailSender(
            configuration: SMTPConfiguration(url: "smtp://127.0.0.1:9", allowPlaintext: true),
            sender: MailAddress("quotes@service.example"), documents: documents, engine: engine)
        let quote = try engine.quote(
            try CaseDecoder.decode(caseJSON, today: { _ in CivilDate("2026-03-02")! }))
        let message = try sender.message(
            for: OutboundEmail(
                messageID: "<outbox-1.BE-2026-000001@repairquote>", recipient: "lucas@example.be",
                language: requested, quoteNumber: "BE-2026-000001", customerLink: nil,
                quoteJSON: QuoteEncoder.encode(quote), caseJSON: caseJSON))
        #expect(message.htmlBody?.contains("<html lang=\"\(shown)\">") == true)
    }

    @Test("the issuer's reference is printed on the documents, in the customer's language")
    func referenceOnDocuments() async throws {
        let (engine, documents) = try Self.documents()
        let server = try TestServer(renderer: documents, engine: engine)
        let caseJSON = try Shipped.example("nl-out-of-warranty.json").replacingOccurrences(
            of: #""market": "NL","#, with: #""market": "NL", "reference": "JOB-2026-0042 <b>","#)
        try await server.test { client in
            let issued = try await client.issue(caseJSON)
            #expect(issued.status == .created && issued.json["reference"] as? String == "JOB-2026-0042 <b>")
            let number = try #require(issued.json["number"] as? String)
            let text = try await client.call(.get, "/v1/quotes/\(number).txt", key: Key.desk)
            #expect(text.text.contains("Referentie") && text.text.contains("JOB-2026-0042 <b>"))
            let html = try await client.call(.get, "/v1/quotes/\(number).html", key: Key.desk)
            #expect(html.text.contains("<dt>Referentie</dt><dd>JOB-2026-0042 &lt;b&gt;</dd>"))
        }
    }

    @Test("an unreachable SMTP server is a transient failure (retried by the outbox)")
    func unreachableIsTransient() async throws {
        let (engine, documents) = try Self.documents()
        let sender = SMTPMailSender(
            configuration: SMTPConfiguration(url: "smtp://127.0.0.1:9", allowPlaintext: true),
            sender: MailAddress("quotes@service.example"), documents: documents, engine: engine)
        let caseJSON = try Shipped.example("nl-in-warranty.json")
        let quote = try engine.quote(
            try CaseDecoder.decode(caseJSON, today: { _ in CivilDate("2026-03-02")! }))
        let email = OutboundEmail(
            messageID: "<outbox-1.NL-2026-000001@repairquote>", recipient: "jan@example.com", language: nil,
            quoteNumber: "NL-2026-000001", customerLink: nil, quoteJSON: QuoteEncoder.encode(quote),
            caseJSON: caseJSON)
        await #expect {
            try await sender.send(email)
        } throws: { error in
            if case MailSendingError.transient = error { return true }
            return false
        }
    }
}
