import Foundation
import QuoteRendering
import Testing

/// The charge tables on a phone and the document inside other pages: what the templates must give
/// the stylesheet (the browser test `scripts/e2e/layout_test.py` measures the result).
@Suite("charge tables labelled for a phone; one stylesheet for the document wherever it is shown")
struct PhoneLayoutTests {
    static let fixture = QuoteFixture.nlOutOfWarranty

    @Test(
        "every amount cell of the lines, subtotals and totals names its column (data-label), in the language")
    func amountCellsNameTheirColumn() throws {
        let html = try Support.render(Self.fixture, .html, language: "nl")
        let cells = html.matches(of: #/<td class="num"([^>]*)>/#).map { String($0.1) }
        #expect(cells.count > 20)
        #expect(
            cells.allSatisfy { $0.hasPrefix(#" data-label=""#) },
            "\(cells.filter { !$0.hasPrefix(" data-label") })")
        let labels = Set(cells.map { $0.dropFirst(#" data-label=""#.count).dropLast() })
        #expect(labels == ["Aantal", "Stukprijs", "Netto", "Btw %", "Btw", "Totaal"])
        let chinese = try Support.render(Self.fixture, .html, language: "zh-Hant")
        #expect(chinese.contains(#"<td class="num" data-label="單價">"#))
        #expect(chinese.contains(#"<td class="num" data-label="淨額">"#))
    }

    @Test("on a narrow page the tables stack, each amount after its label; the page's body is the paper")
    func narrowTablesStack() throws {
        let html = try Support.render(Self.fixture, .html, language: "nl")
        #expect(html.contains(#"<body class="paper">"#))
        let css = Support.renderer.documentStylesheet
        #expect(css.contains("@container (max-width: 600px)"))
        #expect(css.contains(".paper td.num::before { content: attr(data-label);"))
        #expect(css.contains(".paper .kind { display: block;"))
    }

    @Test("the document stylesheet is the standalone document's own CSS, word for word")
    func oneStylesheet() throws {
        let css = Support.renderer.documentStylesheet
        let decided = try Support.renderer.render(
            Self.fixture.quote, case: Self.fixture.serviceCase, format: .html, language: "nl",
            marketLanguage: Self.fixture.marketLanguage,
            decision: DocumentDecision(
                decision: .accepted, decidedOn: QuoteFixture.date("2026-03-04"), channel: "phone"))
        let style = try #require(decided.firstMatch(of: #/<style>\n([\s\S]*)</style>/#)?.1)
        // The document's part, then the decision block's: both as the document's <style> has them.
        let split = try #require(css.range(of: "\n.decided { margin"))
        #expect(style.contains(css[..<split.lowerBound]) && style.contains(css[split.lowerBound...]))
        // No rule of the stylesheet reaches outside the document: each selector starts at the paper.
        let selectors = css.split(separator: "\n").filter {
            $0.contains("{") && !$0.hasPrefix("@") && !$0.hasPrefix(" ")
        }
        let outside = selectors.filter {
            !$0.hasPrefix(":root") && !$0.hasPrefix(".paper ") && !$0.hasPrefix(".decided")
                && !$0.hasPrefix("/*")
        }
        #expect(outside.isEmpty, "\(outside)")
    }
}
