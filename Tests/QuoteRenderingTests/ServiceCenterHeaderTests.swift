import Foundation
import QuoteCore
import QuoteRendering
import Testing

/// The service center of `market.yaml` in the header of the text and HTML documents (and so of the
/// customer page and the e-mail), in every language; none when the market names none.
@Suite("Service center in the document header")
struct ServiceCenterHeaderTests {
    /// One example per market language: NL (nl, en), BE (fr), ES (es), HK (zh-Hant).
    static let examples = [
        ("nl-out-of-warranty", "nl"), ("nl-out-of-warranty", "en"), ("be-out-of-warranty", "fr"),
        ("es-out-of-warranty", "es"), ("hk-out-of-warranty", "zh-Hant"),
    ]

    @Test(
        "the engine's quote carries market.yaml's block into the header, in each language",
        arguments: examples)
    func header(_ name: String, _ language: String) throws {
        let example = ExampleQuote(name: name, language: language)
        let center = try #require(try ExampleQuote.load(name).0.serviceCenter)
        let labels = try Support.renderer.catalog.require(language)
        let (phone, email) = (try labels.text("ui.phone"), try labels.text("ui.email"))
        let text = try example.render(.text)
        // The header: the lines above the quote's facts.
        let top = try #require(text.components(separatedBy: try labels.text("ui.quoteNumber")).first)
        let lines = top.split(separator: "\n").map(String.init)
        #expect(lines.contains(center.name), "\(name) \(language)")
        for line in center.address { #expect(lines.contains(line)) }
        #expect(lines.contains { $0.hasPrefix(phone) && $0.hasSuffix("  " + center.phone!) })
        #expect(lines.contains { $0.hasPrefix(email) && $0.hasSuffix("  " + center.email!) })
        if let registration = center.registration { #expect(lines.contains(registration)) }
        let html = try example.render(.html)
        let colon = try labels.text("ui.colon")
        #expect(html.contains("<address class=\"service-center\">\n<strong>\(center.name)</strong>\n"))
        #expect(html.contains("<br>\(phone)\(colon)\(center.phone!)\n"))
        let address = try #require(html.range(of: "<address"))
        let facts = try #require(html.range(of: "class=\"quote-facts\""))
        #expect(address.lowerBound < facts.lowerBound, "the service center comes before the facts")
    }

    @Test("the customer page shows it too")
    func customerPage() throws {
        let (quote, serviceCase, marketLanguage) = try ExampleQuote.load("nl-out-of-warranty")
        let page = try Support.renderer.customerPage(
            .quote(decision: nil), quote: quote, case: serviceCase, language: nil,
            marketLanguage: marketLanguage)
        #expect(page.contains("<strong>Voorbeeld Reparatiecentrum Utrecht</strong>"))
        #expect(page.contains("<br>KvK 00000000 · btw-id NL000000000B01"))
    }

    @Test("a quote without a service center has no block, in text or HTML")
    func absent() throws {
        let fixture = QuoteFixture.nlOutOfWarranty
        #expect(fixture.quote.serviceCenter == nil)
        #expect(!(try Support.render(fixture, .html, language: "nl")).contains("<address"))
        let text = try Support.render(fixture, .text, language: "nl")
        #expect(text.hasPrefix("Reparatieofferte\n" + String(repeating: "=", count: 80) + "\nOffertenummer"))
    }

    @Test("HTML escapes it; plain text wraps a long name and address to 80 columns")
    func escapedAndWrapped() throws {
        var fixture = QuoteFixture.hkOutOfWarranty
        fixture.quote.serviceCenter = ServiceCenter(
            name: "Repair <Shop> & Co " + String(repeating: "Kowloon ", count: 12),
            address: [String(repeating: "九龍旺角示例街", count: 8)], phone: "+852 0000 0000",
            email: "service.hk@example.com", registration: nil)
        let html = try Support.render(fixture, .html, language: "en")
        #expect(html.contains("<strong>Repair &lt;Shop&gt; &amp; Co Kowloon"))
        let text = try Support.render(fixture, .text, language: "zh-Hant")
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 80, "\"\(line)\" is \(DisplayWidth.of(line)) columns")
        }
        #expect(text.contains("Repair <Shop> & Co Kowloon"))
        #expect(!text.contains("registration"))
    }
}
