import Foundation
import QuoteCore
import Testing

@testable import QuoteRendering

@Suite("Customer-link pages: from the templates, in the quote's language")
struct CustomerPageTests {
    static let fixture = QuoteFixture.nlOutOfWarranty

    func page(_ kind: CustomerPageKind, _ language: String?, fixture: QuoteFixture = fixture) throws -> String
    {
        try Support.renderer.customerPage(
            kind, quote: fixture.quote, case: fixture.serviceCase, language: language,
            marketLanguage: fixture.marketLanguage)
    }

    @Test("each button states its amount, in the language's money format")
    func buttonsStateAmounts() throws {
        let dutch = try page(.quote(decision: nil), nil)
        #expect(dutch.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        let quote = Self.fixture.quote
        let nl = try LocaleFormat(labels: try Support.renderer.catalog.require("nl"))
        let accept = try nl.money(quote.totals.consumer.gross)
        let reject = try nl.money(try #require(quote.ifRejected).totals.consumer.gross)
        #expect(
            dutch.contains(
                "<button type=\"submit\" name=\"decision\" value=\"accepted\" class=\"accept\">Offerte aanvaarden – \(accept) te betalen</button>"
            ))
        #expect(
            dutch.contains(
                "<button type=\"submit\" name=\"decision\" value=\"rejected\" class=\"reject\">Weigeren – \(reject) te betalen (ongerepareerd terug)</button>"
            ))
        #expect(dutch.contains("<form method=\"post\" novalidate>"))
        #expect(dutch.contains("<main class=\"quote status-out-of-warranty\">"))
        let english = try page(.quote(decision: nil), "en")
        let en = try LocaleFormat(labels: try Support.renderer.catalog.require("en"))
        #expect(
            english.contains(
                ">Accept the quote – \(try en.money(quote.totals.consumer.gross)) to pay</button>"))
    }

    @Test("a negative total is offered as a refund")
    func refundButton() throws {
        let page = try self.page(.quote(decision: nil), "en", fixture: .usRemorse)
        #expect(page.contains("refunded to you</button>"))
    }

    @Test("once decided, the page shows the answer given and no form")
    func decided() throws {
        let html = try page(.quote(decision: LifecycleCase.byPhone), "fr")
        #expect(!html.contains("<form") && !html.contains("<button"))
        #expect(html.contains("Vous avez accepté ce devis le 4 mars 2026 (par téléphone)."))
    }

    @Test("the confirmation: number, decision, amount due, what happens next")
    func confirmation() throws {
        var fixture = Self.fixture
        fixture.quote.number = "NL-2026-000123"
        let accepted = try page(.confirmation(LifecycleCase.byPhone), "en", fixture: fixture)
        let en = try LocaleFormat(labels: try Support.renderer.catalog.require("en"))
        #expect(accepted.contains("<dt>Quote number</dt><dd>NL-2026-000123</dd>"))
        #expect(accepted.contains("<dt>Your decision</dt><dd>Accepted</dd>"))
        #expect(
            accepted.contains("<dt>You pay</dt><dd>\(try en.money(fixture.quote.totals.consumer.gross))</dd>")
        )
        #expect(accepted.contains("The repair goes ahead as quoted; expected completion:"))
        let rejected = try page(.confirmation(LifecycleCase.rejectedByLink), "es", fixture: fixture)
        let es = try LocaleFormat(labels: try Support.renderer.catalog.require("es"))
        let due = try es.money(try #require(fixture.quote.ifRejected).totals.consumer.gross)
        #expect(rejected.contains("<dd>Rechazado</dd>") && rejected.contains("<dd>\(due)</dd>"))
        #expect(rejected.contains("Su dispositivo se le devolverá sin reparar"))
    }

    @Test(
        "message pages: expired with its date, replaced (with the new number), withdrawn, unknown, no choice")
    func messages() throws {
        #expect(
            try page(.expired(on: QuoteFixture.date("2026-03-16")), "nl").contains("geldig tot 16 maart 2026")
        )
        #expect(
            try page(.superseded(by: "NL-2026-000124"), "en").contains(
                "Quote NL-2026-000124 replaces this one."))
        #expect(try page(.superseded(by: nil), "zh-Hant").contains("較新的報價已取代本報價。"))
        #expect(try page(.void, "fr").contains("<h1>Ce devis a été annulé</h1>"))
        let unknown = try Support.renderer.customerPage(
            .unknownLink, quote: nil, case: nil, language: nil, marketLanguage: "es")
        #expect(unknown.contains("<h1>Enlace no reconocido</h1>"))
        let bad = try page(.badAnswer, "en")
        #expect(bad.contains("<a href=\"\">Back to the quote</a>"))
        let already = try page(.alreadyAnswered(LifecycleCase.rejectedByLink), "nl")
        #expect(
            already.contains("U hebt deze offerte op 5 maart 2026 geweigerd (via de link in onze e-mail)."))
    }

    @Test("a page that shows a quote needs one")
    func missingQuote() {
        #expect(throws: RenderError.missingQuote(page: "confirmation")) {
            try Support.renderer.customerPage(
                .confirmation(LifecycleCase.byPhone), quote: nil, case: nil, language: "en",
                marketLanguage: "en")
        }
    }

    @Test("every field from the case is escaped")
    func escaping() throws {
        let hostile = EscapingTests.hostile
        let html = try page(.quote(decision: nil), "en", fixture: hostile)
        #expect(!html.contains("<script"))
        let confirmation = try page(.confirmation(LifecycleCase.byPhone), "en", fixture: hostile)
        #expect(!confirmation.contains("<script"))
    }

    @Test("every page and decided document is valid, self-contained HTML without script")
    func valid() throws {
        let documents = try LifecycleCase.all.filter(\.isHTML).map {
            ($0.fileName.replacingOccurrences(of: "/", with: "-"), try $0.render())
        }
        let result = try HTMLCheck.check(documents)
        #expect(result.status == 0, "check_html.py found problems:\n\(result.output)")
    }

    @Test("compiled pages and decided documents agree with swift-mustache", arguments: LifecycleCase.all)
    func reference(_ snapshot: LifecycleCase) throws {
        let fixture = snapshot.quoteFixture
        func render(_ reference: Bool) throws -> String {
            switch snapshot.kind {
            case .document(let format, let decision):
                return try Support.renderer.render(
                    fixture.quote, case: fixture.serviceCase, format: format, language: snapshot.language,
                    marketLanguage: fixture.marketLanguage, decision: decision, reference: reference)
            case .page(let kind):
                let known = kind != .unknownLink
                return try Support.renderer.customerPage(
                    kind, quote: known ? fixture.quote : nil, case: known ? fixture.serviceCase : nil,
                    language: snapshot.language, marketLanguage: fixture.marketLanguage, reference: reference)
            }
        }
        #expect(try render(false) == (try render(true)))
    }
}
