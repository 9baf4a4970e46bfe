import Foundation
import QuoteCore
import Testing

/// The service center of `market.yaml` in the PDF's header, as in the HTML document.
@Suite("PDF header: the service center")
struct PDFServiceCenterTests {
    @Test(
        "pdftotext finds the service center's name, address, contacts and registration on page 1",
        arguments: [
            ("nl-out-of-warranty", "nl"), ("hk-out-of-warranty", "zh-Hant"), ("hk-out-of-warranty", "en"),
        ])
    func header(_ name: String, _ language: String) throws {
        let (pdf, quote, _) = try PDFDocumentTests.render(name, language: language)
        let center = try #require(quote.serviceCenter)
        let path = try PDFSupport.temporaryFile(pdf)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let page = PDFSupport.squeezed(
            try PDFSupport.poppler("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", path, "-"]))
        let labels = try PDFSupport.renderer.documents.catalog.require(language)
        for text in [center.name] + center.address + [center.phone!, center.email!, center.registration!] {
            #expect(page.contains(PDFSupport.squeezed(text)), "\(name) (\(language)): \(text)")
        }
        #expect(page.contains(PDFSupport.squeezed(try labels.text("ui.phone"))))
        // In the header: before the quote's facts.
        let nameAt = try #require(page.range(of: PDFSupport.squeezed(center.name)))
        let factsAt = try #require(page.range(of: PDFSupport.squeezed(try labels.text("ui.issueDate"))))
        #expect(nameAt.lowerBound < factsAt.lowerBound)
    }

    @Test("without a service center the header has none")
    func absent() throws {
        let with = try PDFSupport.text(of: try PDFDocumentTests.render("nl-out-of-warranty").pdf)
        let without = try PDFSupport.text(
            of: try PDFDocumentTests.render("nl-out-of-warranty") { $0.serviceCenter = nil }.pdf)
        #expect(with.contains("Voorbeeld Reparatiecentrum Utrecht"))
        #expect(!without.contains("Voorbeeld") && !without.contains("Telefoon"))
        #expect(without.contains("NL-2026-000123"))
    }
}
