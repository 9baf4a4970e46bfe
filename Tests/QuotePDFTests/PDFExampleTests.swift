import Foundation
import QuoteCore
import QuotePDF
import QuoteRendering
import Testing

/// One example case in one document language.
struct PDFExample: CustomTestStringConvertible, Sendable {
    let name: String
    let language: String

    var testDescription: String { "\(name) (\(language))" }

    static let all: [PDFExample] = PDFSupport.exampleNames.flatMap { name in
        PDFSupport.languages.map { PDFExample(name: name, language: $0) }
    }
}

@Suite("PDF documents of every example case, in five languages")
struct PDFExampleTests {
    /// The amounts an HTML document shows: every amount cell of its tables and the emphasised
    /// refund and amount due.
    static func amounts(inHTML html: String) -> [String] {
        var amounts: [String] = []
        for pattern in [#"<td class="num"[^>]*>([^<]*)</td>"#, #"<strong>([^<]*)</strong>"#] {
            let expression = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(html.startIndex..., in: html)
            for match in expression.matches(in: html, range: range) {
                if let cell = Range(match.range(at: 1), in: html) {
                    amounts.append(unescaped(String(html[cell])))
                }
            }
        }
        return amounts
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test(
        "pdftotext shows the number, the customer, every amount and total as the HTML does",
        arguments: PDFExample.all)
    func textMatchesHTML(_ example: PDFExample) throws {
        let (quote, serviceCase, marketLanguage) = try PDFSupport.example(example.name)
        guard quote.languages.contains(example.language) else {
            // A document is in one of its market's languages: the PDF refuses another, as the HTML does.
            #expect(throws: (any Error).self) {
                try PDFSupport.renderer.render(
                    quote, case: serviceCase, language: example.language, marketLanguage: marketLanguage,
                    paper: PDFSupport.catalog.paper(of: quote))
            }
            #expect(throws: (any Error).self) {
                try PDFSupport.renderer.documents.render(
                    quote, case: serviceCase, format: .html, language: example.language,
                    marketLanguage: marketLanguage)
            }
            return
        }
        let html = try PDFSupport.renderer.documents.render(
            quote, case: serviceCase, format: .html, language: example.language,
            marketLanguage: marketLanguage)
        let pdf = try PDFSupport.renderer.render(
            quote, case: serviceCase, language: example.language, marketLanguage: marketLanguage,
            paper: PDFSupport.catalog.paper(of: quote))
        let text = PDFSupport.squeezed(try PDFSupport.text(of: pdf))
        let number = try #require(quote.number)
        #expect(html.contains(number))
        #expect(text.contains(number))
        #expect(text.contains(PDFSupport.squeezed(serviceCase.customer.name)))
        let amounts = Self.amounts(inHTML: html)
        if quote.lines.isEmpty {
            // A refused quote has no tables: both documents say so.
            let none = try #require(
                PDFSupport.renderer.documents.catalog.labels(for: example.language)?.entries["ui.noCharges"])
            #expect(html.contains(none))
            #expect(text.contains(PDFSupport.squeezed(none)))
        } else {
            #expect(amounts.count >= quote.lines.count + 2, "the HTML shows its amounts in num cells")
        }
        for amount in amounts {
            #expect(text.contains(PDFSupport.squeezed(amount)), "\(amount) is not in the PDF")
        }
    }
}
