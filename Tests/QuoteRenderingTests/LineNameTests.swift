import Foundation
import QuoteCore
import QuoteJSON
import QuoteRendering
import Testing

/// Labour and part names in the document's language (`PriceLists/<M>/names.<lang>.yaml`), falling
/// back to the price list's English description; the quote JSON keeps the English one.
@Suite("Line names in the document's language")
struct LineNameTests {
    @Test("a Dutch quote names labour and parts in Dutch; in English it keeps the price list's names")
    func dutchNames() throws {
        let (quote, serviceCase, market) = try ExampleQuote.load("nl-out-of-warranty")
        let dutch = try Support.renderer.render(
            quote, case: serviceCase, format: .text, language: "nl", marketLanguage: market)
        #expect(dutch.contains("Reparatieniveau 2 (BX-8)"))
        #expect(dutch.contains("Schermmodule Xiaomi 12 Pro"))
        #expect(!dutch.contains("Repair level 2") && !dutch.contains("Display assembly"))
        let english = try Support.renderer.render(
            quote, case: serviceCase, format: .html, language: "en", marketLanguage: market)
        #expect(english.contains("Repair level 2") && english.contains("Display assembly Xiaomi 12 Pro"))
    }

    @Test("the quote JSON keeps the English descriptions whatever the names files hold")
    func jsonStaysEnglish() throws {
        let (quote, _, _) = try ExampleQuote.load("nl-out-of-warranty")
        let json = QuoteEncoder.encode(quote)
        #expect(json.contains(#""description": "Repair level 2""#))
        #expect(json.contains(#""description": "Display assembly Xiaomi 12 Pro""#))
        #expect(!json.contains("Reparatieniveau"))
    }

    @Test("a line without a name in the document's language falls back to English")
    func fallback() throws {
        var (quote, serviceCase, market) = try ExampleQuote.load("nl-out-of-warranty")
        let index = try #require(quote.lines.firstIndex { $0.kind == .part })
        quote.lines[index].names = ["fr": "Bloc écran Xiaomi 12 Pro"]
        let dutch = try Support.renderer.render(
            quote, case: serviceCase, format: .text, language: "nl", marketLanguage: market)
        #expect(dutch.contains("Display assembly Xiaomi 12 Pro"))
        #expect(dutch.contains("Reparatieniveau 2"))
        #expect(quote.lines[index].description(in: "fr") == "Bloc écran Xiaomi 12 Pro")
        #expect(quote.lines[index].description(in: "es") == "Display assembly Xiaomi 12 Pro")
    }

    @Test(
        "in HTML the English fallback is marked as English (WCAG 3.1.2); names in the page's language are not"
    )
    func fallbackMarked() throws {
        var (quote, serviceCase, market) = try ExampleQuote.load("nl-out-of-warranty")
        let index = try #require(quote.lines.firstIndex { $0.kind == .part })
        quote.lines[index].names = ["fr": "Bloc écran Xiaomi 12 Pro"]
        let dutch = try Support.renderer.render(
            quote, case: serviceCase, format: .html, language: "nl", marketLanguage: market)
        #expect(dutch.contains(#"<span lang="en">Display assembly Xiaomi 12 Pro</span>"#))
        #expect(dutch.contains("Reparatieniveau 2") && !dutch.contains(#"<span lang="en">Reparatieniveau"#))
        let english = try Support.renderer.render(
            quote, case: serviceCase, format: .html, language: "en", marketLanguage: market)
        #expect(!english.contains(#"<span lang="en">"#))
        let text = try Support.renderer.render(
            quote, case: serviceCase, format: .text, language: "nl", marketLanguage: market)
        #expect(!text.contains("lang="))
    }
}
