import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QuoteCore
import QuoteMailer
import QuotePDF
import QuoteRendering
import Testing

@testable import QuoteServer

/// `GET /v1/quotes/{number}.pdf` and `/q/{token}.pdf` through the router, with the real templates
/// and fonts.
@Suite("PDF documents over HTTP")
struct PDFDocumentRouteTests {
    static func documents() throws -> (QuoteCalculator, TemplateDocumentRenderer) {
        let engine = try Shipped.engine()
        let templates = Shipped.root.appendingPathComponent("Templates")
        let renderer = try QuoteRenderer(templatesDirectory: templates)
        let pdf = try QuotePDFRenderer(templatesDirectory: templates, renderer: renderer)
        return (engine, TemplateDocumentRenderer(renderer: renderer, catalog: engine.catalog, pdf: pdf))
    }

    static func bytes(_ response: TestResponse) -> [UInt8] { Array(response.body.readableBytesView) }

    /// The SMTP sender's message building over `documents` (nothing is sent).
    static func smtpSender(_ documents: TemplateDocumentRenderer, _ engine: QuoteCalculator) -> SMTPMailSender
    {
        SMTPMailSender(
            configuration: SMTPConfiguration(url: "smtp://127.0.0.1:9", allowPlaintext: true),
            sender: MailAddress("quotes@service.example"), documents: documents, engine: engine)
    }

    @Test(
        "the PDF answers the callers of .html: desk, finance, the issuing retailer; 404 another retailer, 401 no key"
    )
    func roles() async throws {
        let (engine, documents) = try Self.documents()
        let server = try TestServer(renderer: documents, engine: engine)
        try await server.test { client in
            let issued = try await client.issue(try Shipped.example("nl-out-of-warranty.json"), key: Key.shop)
            let number = try #require((issued.json["quote"] as? [String: Any])?["number"] as? String)
            for key in [Key.desk, Key.finance, Key.shop] {
                let pdf = try await client.call(.get, "/v1/quotes/\(number).pdf", key: key)
                #expect(pdf.status == .ok)
                #expect(pdf.headers[.contentType] == "application/pdf")
                #expect(pdf.headers[.contentDisposition] == "inline; filename=\"\(number).pdf\"")
                #expect(pdf.headers[.cacheControl] == "no-store")
                #expect(Self.bytes(pdf).starts(with: Array("%PDF-".utf8)))
            }
            let first = try await client.call(.get, "/v1/quotes/\(number).pdf", key: Key.desk)
            let again = try await client.call(.get, "/v1/quotes/\(number).pdf", key: Key.finance)
            #expect(
                Self.bytes(first) == Self.bytes(again), "the same quote in the same state, the same bytes")
            let other = try await client.call(.get, "/v1/quotes/\(number).pdf", key: Key.otherShop)
            #expect(other.status == .notFound)
            #expect(!Self.bytes(other).starts(with: Array("%PDF-".utf8)))
            let anonymous = try await client.call(.get, "/v1/quotes/\(number).pdf", key: nil)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("the customer's /q/{token}.pdf is the same PDF, and 410 once the quote is revised")
    func customerLink() async throws {
        let (engine, documents) = try Self.documents()
        let server = try TestServer(renderer: documents, engine: engine)
        try await server.test { client in
            let caseJSON = try Shipped.example("nl-out-of-warranty.json")
            let issued = try await client.issue(caseJSON)
            let number = try #require((issued.json["quote"] as? [String: Any])?["number"] as? String)
            let link = try #require(issued.json["customerLink"] as? String)
            let path = String(link.dropFirst("https://quotes.test".count))
            let page = try await client.call(.get, path, key: nil)
            let token = try #require(path.split(separator: "/").last)
            #expect(page.text.contains("<a href=\"\(token).pdf\">PDF downloaden (afdrukken)</a>"))
            let customer = try await client.call(.get, path + ".pdf", key: nil)
            #expect(customer.status == .ok)
            #expect(customer.headers[.contentType] == "application/pdf")
            let staff = try await client.call(.get, "/v1/quotes/\(number).pdf", key: Key.desk)
            #expect(Self.bytes(customer) == Self.bytes(staff))
            let unknown = try await client.call(.get, "/q/no-such-token.pdf", key: nil)
            #expect(unknown.status == .notFound)
            var headers: HTTPFields = [:]
            headers[HTTPField.Name("Idempotency-Key")!] = "pdf-revise-1"
            let revised = try await client.call(
                .post, "/v1/quotes/\(number)/revise", key: Key.desk, body: caseJSON, headers: headers)
            #expect(revised.status == .created)
            let gone = try await client.call(.get, path + ".pdf", key: nil)
            #expect(gone.status == .gone)
            #expect(gone.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test("an outbox e-mail attaches the PDF named like the download, the same bytes")
    func emailAttachment() async throws {
        let (engine, documents) = try Self.documents()
        let server = try TestServer(renderer: documents, engine: engine)
        let caseJSON = try Shipped.example("nl-out-of-warranty.json")
        let (number, download, quoteJSON) = try await server.test { client in
            let issued = try await client.issue(caseJSON)
            let number = try #require((issued.json["quote"] as? [String: Any])?["number"] as? String)
            let pdf = try await client.call(.get, "/v1/quotes/\(number).pdf", key: Key.desk)
            let quote = try #require(issued.json["quote"])
            let json = String(decoding: try JSONSerialization.data(withJSONObject: quote), as: UTF8.self)
            return (number, Self.bytes(pdf), json)
        }
        let sender = SMTPMailSender(
            configuration: SMTPConfiguration(url: "smtp://127.0.0.1:9", allowPlaintext: true),
            sender: MailAddress("quotes@service.example"), documents: documents, engine: engine)
        let message = try sender.message(
            for: OutboundEmail(
                messageID: "<outbox-1.\(number)@repairquote>", recipient: "anna@example.nl", language: nil,
                quoteNumber: number, customerLink: "https://quotes.test/q/abc", quoteJSON: quoteJSON,
                caseJSON: caseJSON))
        let attachment = try #require(message.attachments.first)
        #expect(attachment.fileName == "\(number).pdf")
        #expect(attachment.contentType == "application/pdf")
        #expect(attachment.bytes == download)
        let rendered = String(decoding: message.render(), as: UTF8.self)
        #expect(rendered.contains("Content-Type: multipart/mixed;"))
    }

    @Test("the render gate lets `width` renders run at once; the next enters only when one leaves")
    func gate() async throws {
        let gate = PDFRenderGate(width: 1)
        await gate.enter()
        let second = Task { () -> ContinuousClock.Instant in
            await gate.enter()
            return ContinuousClock.now
        }
        try await Task.sleep(for: .milliseconds(100))
        let left = ContinuousClock.now
        await gate.leave()
        let entered = await second.value
        #expect(entered >= left, "the second render waited for the first")
        await gate.leave()
        await gate.enter()  // a free place again: no wait
    }

    @Test("the console's quote page has Download PDF, which answers the quote's PDF to a signed-in user")
    func console() async throws {
        let (engine, documents) = try Self.documents()
        var server = try TestServer(renderer: documents, engine: engine)
        let templates = Shipped.root.appendingPathComponent("Templates")
        server.services.console = try ConsoleConfiguration(
            users: ConsoleFixture.users, catalog: engine.catalog,
            documents: try QuoteRenderer(templatesDirectory: templates), templatesDirectory: templates,
            secureCookies: false, now: { Date() })
        try await server.test { client in
            let (desk, csrf) = try await ConsoleBrowser.signedIn(client, as: "desk")
            let issued = try await desk.request(
                .post, "/console/quotes/new",
                form: ConsoleBrowser.dutchRepairForm(action: "issue", csrf: csrf))
            let location = try #require(issued.headers[.location])
            let path = String(location.split(separator: "?")[0])
            let number = String(path.split(separator: "/").last ?? "")
            let page = try await desk.request(.get, path)
            #expect(
                page.text.contains(
                    "<a class=\"button\" id=\"download-pdf\" href=\"/console/quotes/\(number).pdf\">Download PDF</a>"
                ))
            let pdf = try await desk.request(.get, path + ".pdf")
            #expect(pdf.status == .ok)
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(Self.bytes(pdf).starts(with: Array("%PDF-".utf8)))
            let anonymous = try await client.call(.get, path + ".pdf", key: nil)
            #expect(anonymous.status != .ok)
        }
    }
}
