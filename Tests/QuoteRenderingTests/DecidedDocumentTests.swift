import Foundation
import QuoteCore
import QuoteRendering
import Testing

@Suite("Decided documents: what was decided, when and how; no \"if you decline\"")
struct DecidedDocumentTests {
    static let fixture = QuoteFixture.nlOutOfWarranty

    func render(_ format: DocumentFormat, _ language: String, _ decision: DocumentDecision?) throws -> String
    {
        try Support.renderer.render(
            Self.fixture.quote, case: Self.fixture.serviceCase, format: format, language: language,
            marketLanguage: "nl", decision: decision)
    }

    @Test("decided documents and customer pages match their snapshots", arguments: LifecycleCase.all)
    func matchesSnapshot(_ snapshot: LifecycleCase) throws {
        try Snapshot.compare(try snapshot.render(), file: snapshot.fileName)
    }

    @Test("accepted by phone: the decision, its day and channel; the rejection alternative is gone")
    func accepted() throws {
        let html = try render(.html, "en", LifecycleCase.byPhone)
        #expect(html.contains("<section class=\"decided decided-accepted\">"))
        #expect(html.contains("You accepted this quote on March 4, 2026 (by phone)."))
        #expect(!html.contains("class=\"rejection\""))
        let undecided = try render(.html, "en", nil)
        #expect(undecided.contains("class=\"rejection\""))
        let text = try render(.text, "nl", LifecycleCase.byPhone)
        #expect(text.contains("U hebt deze offerte op 4 maart 2026 aanvaard (telefonisch)."))
        #expect(!text.contains(try Support.renderer.catalog.require("nl").text("ui.ifRejectedTitle")))
    }

    @Test("rejected: the charges are those of the return unrepaired, and the document says so")
    func rejected() throws {
        let text = try render(.text, "en", LifecycleCase.rejectedByLink)
        #expect(text.contains("You declined this quote on March 5, 2026 (through the link in our e-mail)."))
        let quote = Self.fixture.quote
        let style = try LocaleFormat(labels: try Support.renderer.catalog.require("en"))
        let rejectedDue = try style.money(try #require(quote.ifRejected).totals.consumer.gross)
        let acceptedDue = try style.money(quote.totals.consumer.gross)
        #expect(text.contains("You pay") && text.contains(rejectedDue))
        #expect(!text.contains(acceptedDue))
    }

    @Test("a pending decision renders the issued document")
    func pending() throws {
        let pending = DocumentDecision(
            decision: .pending, decidedOn: QuoteFixture.date("2026-03-04"), channel: "phone")
        #expect(try render(.html, "fr", pending) == (try render(.html, "fr", nil)))
    }

    @Test("the customer link on top of an e-mailed document comes from the labels")
    func customerLink() throws {
        let fixture = QuoteFixture.hkOutOfWarranty
        let link = "https://quotes.test/q/a&b"
        let text = try Support.renderer.render(
            fixture.quote, case: fixture.serviceCase, format: .text, language: "zh-Hant",
            marketLanguage: "zh-Hant", customerLink: link)
        #expect(text.hasPrefix("接受或拒絕本報價：https://quotes.test/q/a&b\n\n"))
        let html = try Support.renderer.render(
            fixture.quote, case: fixture.serviceCase, format: .html, language: "nl",
            marketLanguage: "zh-Hant",
            customerLink: link)
        #expect(
            html.contains(
                "<nav class=\"decision-link\" aria-label=\"Deze offerte aanvaarden of weigeren\"><p><a href=\"https://quotes.test/q/a&amp;b\">Deze offerte aanvaarden of weigeren</a></p></nav>"
            ))
    }

    @Test("decided plain text fits 80 columns")
    func textWidth() throws {
        for snapshot in LifecycleCase.documents where !snapshot.isHTML {
            for line in try snapshot.render().split(separator: "\n") {
                #expect(DisplayWidth.of(line) <= 80, "\(snapshot.fileName): \"\(line)\"")
            }
        }
    }

    @Test("the confirmation subject is in the customer's language")
    func confirmationSubject() throws {
        let fixture = QuoteFixture.hkOutOfWarranty
        var quote = fixture.quote
        quote.number = "HK-2026-000007"
        let subject = try Support.renderer.confirmationSubject(
            for: quote, case: fixture.serviceCase, decision: LifecycleCase.byPhone, language: nil,
            marketLanguage: "zh-Hant")
        #expect(subject == "您對報價 HK-2026-000007（\(fixture.serviceCase.device.model)）的決定：已接受")
    }
}
