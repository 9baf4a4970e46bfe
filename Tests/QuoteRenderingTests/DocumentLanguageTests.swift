import Foundation
import QuoteCore
import QuoteRendering
import Testing

/// A document is in one language throughout (issue 23, item 3): a language the market does not
/// list is refused when asked for, and a customer's such language falls back to the market's.
@Suite("Documents in one language: the market's languages only")
struct DocumentLanguageTests {
    @Test("a BE quote in es and a PK quote in nl are refused, naming the market's languages")
    func unlistedLanguageIsRefused() throws {
        for (example, language, listed) in [
            ("be-out-of-warranty", "es", ["nl", "fr", "en"]), ("pk-free-labor", "nl", ["en"]),
        ] {
            let (quote, serviceCase, marketLanguage) = try ExampleQuote.load(example)
            #expect(quote.languages == listed)
            for format in DocumentFormat.allCases {
                #expect(throws: RenderError.languageNotInMarket(language, marketLanguages: listed)) {
                    try Support.renderer.render(
                        quote, case: serviceCase, format: format, language: language,
                        marketLanguage: marketLanguage)
                }
            }
        }
        #expect(
            RenderError.languageNotInMarket("es", marketLanguages: ["nl", "fr", "en"]).description
                == "language \"es\" is not one of the market's languages (nl, fr, en): a document is written in one of them throughout, rule sentences included"
        )
    }

    @Test(
        "a customer's language the market does not list falls back to the market's: a BE customer in es gets Dutch"
    )
    func customerLanguageFallsBack() throws {
        var (quote, serviceCase, marketLanguage) = try ExampleQuote.load("be-out-of-warranty")
        serviceCase.customer.language = "es"
        let html = try Support.renderer.render(
            quote, case: serviceCase, format: .html, language: nil, marketLanguage: marketLanguage)
        #expect(html.contains("<html lang=\"nl\">"))
        #expect(
            try Support.renderer.resolveLanguage(
                explicit: nil, customer: "es", marketLanguage: "nl", marketLanguages: quote.languages) == "nl"
        )
        #expect(
            try Support.renderer.resolveLanguage(
                explicit: nil, customer: "fr", marketLanguage: "nl", marketLanguages: quote.languages) == "fr"
        )
        quote.languages = []
        #expect(
            try Support.renderer.resolveLanguage(
                explicit: "es", customer: nil, marketLanguage: "nl", marketLanguages: quote.languages) == "es"
        )
    }

    @Test("no example document in one of its market's other languages shows an English note")
    func examplesHaveNoEnglishNotes() throws {
        var checked = 0
        for name in Set(ExampleQuote.all.map(\.name)).sorted() {
            let (quote, serviceCase, marketLanguage) = try ExampleQuote.load(name)
            for language in quote.languages where language != "en" && !quote.coverage.notes.isEmpty {
                for format in DocumentFormat.allCases {
                    let document = try Support.renderer.render(
                        quote, case: serviceCase, format: format, language: language,
                        marketLanguage: marketLanguage)
                    for note in quote.coverage.notes {
                        let start = String(note.text.prefix(20))
                        #expect(!document.contains(start), "\(name) in \(language) shows \"\(start)…\"")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 4, "examples with notes in a language other than English")
    }

    @Test("the swap unit the parts list does not price is named in the document's language")
    func unpricedSwapUnit() throws {
        let (quote, serviceCase, marketLanguage) = try ExampleQuote.load("hk-doa-no-swap-unit")
        let line = try #require(quote.lines.first { $0.kind == .swapUnit })
        #expect(line.reference == nil)
        #expect(line.description == "Swap unit Redmi Note 13")
        for (language, name) in [("zh-Hant", "Redmi Note 13 更換機"), ("en", "Swap unit Redmi Note 13")] {
            let html = try Support.renderer.render(
                quote, case: serviceCase, format: .html, language: language, marketLanguage: marketLanguage)
            #expect(html.contains(name), "\(language)")
            if language != "en" { #expect(!html.contains("Swap unit")) }
        }
    }

    @Test("the HK end of service in Traditional Chinese: the note in Chinese with a Chinese date, no English")
    func endOfServiceInChinese() throws {
        let (quote, serviceCase, marketLanguage) = try ExampleQuote.load("hk-end-of-service")
        #expect(quote.coverage.notes == [.endOfService(model: "Mi 11", after: CivilDate("2025-08-29")!)])
        for format in DocumentFormat.allCases {
            let document = try Support.renderer.render(
                quote, case: serviceCase, format: format, language: "zh-Hant", marketLanguage: marketLanguage)
            #expect(document.contains("Mi 11的服務已於2025年8月29日後終止：只提供檢測、調校及清潔。"))
            #expect(!document.contains("Service for"))
            #expect(!document.contains("2025-08-29"))
        }
    }
}
