import QuoteCore
import QuoteRendering
import Testing

@Suite("Language: --lang, else the customer's, else the market's")
struct LanguageTests {
    let renderer = Support.renderer

    @Test("an explicit language wins over the customer's and the market's")
    func explicitWins() throws {
        #expect(try renderer.resolveLanguage(explicit: "fr", customer: "nl", marketLanguage: "en") == "fr")
    }

    @Test("without --lang the customer's language is used, else the market's")
    func fallbacks() throws {
        #expect(try renderer.resolveLanguage(explicit: nil, customer: "es", marketLanguage: "nl") == "es")
        #expect(try renderer.resolveLanguage(explicit: nil, customer: nil, marketLanguage: "nl") == "nl")
        #expect(try renderer.resolveLanguage(explicit: nil, customer: "de", marketLanguage: "nl") == "nl")
    }

    @Test("codes match case-insensitively and by primary subtag: nl-BE → nl, zh-HK → zh-Hant")
    func matching() throws {
        #expect(try renderer.resolveLanguage(explicit: "nl-BE", customer: nil, marketLanguage: "en") == "nl")
        #expect(
            try renderer.resolveLanguage(explicit: "zh-HK", customer: nil, marketLanguage: "en") == "zh-Hant")
        #expect(
            try renderer.resolveLanguage(explicit: "ZH-hant", customer: nil, marketLanguage: "en")
                == "zh-Hant")
    }

    @Test("an unknown explicit or market language is an error that lists the available ones")
    func unknown() {
        let available = ["en", "es", "fr", "nl", "zh-Hant"]
        #expect(throws: RenderError.unknownLanguage("de", available: available)) {
            try renderer.resolveLanguage(explicit: "de", customer: "nl", marketLanguage: "nl")
        }
        #expect(throws: RenderError.unknownLanguage("ur", available: available)) {
            try renderer.resolveLanguage(explicit: nil, customer: nil, marketLanguage: "ur")
        }
        #expect(
            RenderError.unknownLanguage("de", available: available).description
                == "unknown language \"de\" (available: en, es, fr, nl, zh-Hant)")
    }

    @Test("the customer's language picks the document language when no --lang is given")
    func customerLanguageRenders() throws {
        let html = try Support.render(QuoteFixture.beDoa, .html, language: nil)
        #expect(html.contains("<html lang=\"fr\">"))
    }
}
