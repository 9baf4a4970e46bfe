import Foundation
import QuoteCore
import QuotePDF
import QuoteRendering
import Testing

@Suite("PDF documents: fonts, pages, metadata, determinism")
struct PDFDocumentTests {
    static func render(
        _ name: String, language: String? = nil, decision: DocumentDecision? = nil,
        change: (inout Quote) -> Void = { _ in }
    ) throws -> (pdf: [UInt8], quote: Quote, serviceCase: ServiceCase) {
        var (quote, serviceCase, marketLanguage) = try PDFSupport.example(name)
        change(&quote)
        let pdf = try PDFSupport.renderer.render(
            quote, case: serviceCase, language: language, marketLanguage: marketLanguage,
            paper: PDFSupport.catalog.paper(of: quote), decision: decision)
        return (pdf, quote, serviceCase)
    }

    /// The rows of `pdffonts`: name, type, embedded, subset (columns cut where its dashes are).
    static func fonts(of pdf: [UInt8]) throws -> [(
        name: String, type: String, embedded: String, subset: String
    )] {
        let path = try PDFSupport.temporaryFile(pdf)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = try PDFSupport.poppler("pdffonts", [path]).split(separator: "\n").map(String.init)
        try #require(lines.count >= 2)
        var columns: [Range<Int>] = []
        var start: Int?
        for (offset, character) in lines[1].enumerated() {
            if character == "-", start == nil { start = offset }
            if character == " ", let begin = start {
                columns.append(begin..<offset)
                start = nil
            }
        }
        if let begin = start { columns.append(begin..<lines[1].count) }
        func cell(_ line: String, _ column: Int) -> String {
            let characters = Array(line)
            let range = columns[column]
            guard range.lowerBound < characters.count else { return "" }
            return String(characters[range.lowerBound..<min(range.upperBound, characters.count)])
                .trimmingCharacters(in: .whitespaces)
        }
        return lines.dropFirst(2).map {
            (
                $0.prefix(columns[0].count).trimmingCharacters(in: .whitespaces), cell($0, 1), cell($0, 3),
                cell($0, 4)
            )
        }
    }

    @Test(
        "every font is embedded and subset, none is Type 3",
        arguments: [
            ("nl-out-of-warranty", "nl"), ("hk-out-of-warranty", "zh-Hant"), ("us-remorse-refund", "en"),
        ])
    func fontsEmbedded(_ name: String, _ language: String) throws {
        let fonts = try Self.fonts(of: try Self.render(name, language: language).pdf)
        #expect(!fonts.isEmpty)
        for font in fonts {
            #expect(font.embedded == "yes", "\(font.name) is not embedded")
            #expect(font.subset == "yes", "\(font.name) is not subset")
            #expect(font.type != "Type 3", "\(font.name) is Type 3")
        }
        let expected = language == "zh-Hant" ? "WenQuanYi" : "LiberationSans"
        #expect(fonts.contains { $0.name.contains(expected) }, "\(fonts.map(\.name))")
    }

    @Test("A4 for NL, US Letter for US; their page counts; the title names the number and the customer")
    func pageSizeAndTitle() throws {
        let nl = try Self.render("nl-out-of-warranty", language: "nl")
        let info = try PDFSupport.info(of: nl.pdf)
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89 pts") == true, "\(info)")
        // NL's page 1 ended a few points above the footer; with the service center in the header
        // (about 37 pt) what declining costs goes to page 2 with the footer note: the whole totals
        // block, so that the amount due ("U betaalt") never stands alone, away from its totals.
        #expect(info["Pages"] == "2")
        let path = try PDFSupport.temporaryFile(nl.pdf)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let pageTwo = try PDFSupport.poppler("pdftotext", ["-enc", "UTF-8", "-f", "2", "-l", "2", path, "-"])
        #expect(pageTwo.contains("Totalen per betaler") && pageTwo.contains("Alle kosten"), "\(pageTwo)")
        #expect(pageTwo.contains("U betaalt: € 38,12"), "\(pageTwo)")
        #expect(info["Title"] == "Reparatieofferte – NL-2026-000123 – \(nl.serviceCase.customer.name)")
        #expect(info["Creator"] == "RepairQuote")
        let us = try PDFSupport.info(of: try Self.render("us-remorse-refund").pdf)
        #expect(us["Page size"]?.hasPrefix("612 x 792 pts") == true, "\(us)")
        #expect(us["Pages"] == "1")
    }

    @Test(
        "the catalog declares the document's language",
        arguments: [("hk", "en"), ("nl", "nl"), ("hk", "zh-Hant")])
    func language(_ market: String, _ language: String) throws {
        let pdf = try Self.render("\(market)-out-of-warranty", language: language).pdf
        let tag = language
        #expect(String(decoding: pdf, as: UTF8.self).contains("/Lang (\(tag))"))
        // poppler still reads the amended file: its page count and title are intact.
        let info = try PDFSupport.info(of: pdf)
        #expect(info["Pages"] == (market == "nl" ? "2" : "1"))
        #expect(info["Title"]?.contains("\(market.uppercased())-2026-000123") == true)
        #expect(info["Tagged"] == "yes", "the structure tags of headings, tables and paragraphs")
    }

    @Test("two renders of one quote in one state are byte-identical; a decision changes them")
    func deterministic() throws {
        let first = try Self.render("nl-out-of-warranty").pdf
        let second = try Self.render("nl-out-of-warranty").pdf
        #expect(first == second)
        let decision = DocumentDecision(
            decision: .accepted, decidedOn: CivilDate("2026-03-04")!, channel: "phone")
        let decided = try Self.render("nl-out-of-warranty", decision: decision).pdf
        #expect(decided != first)
        #expect(decided == (try Self.render("nl-out-of-warranty", decision: decision).pdf))
        let info = try PDFSupport.info(of: decided)
        #expect(info["CreationDate"]?.contains("2026") == true)
        #expect(
            info["ModDate"]?.contains("Mar  4") == true || info["ModDate"]?.contains("2026-03-04") == true,
            "\(info)")
    }

    @Test("a decided document shows the decision, as the HTML does")
    func decided() throws {
        let decision = DocumentDecision(
            decision: .accepted, decidedOn: CivilDate("2026-03-04")!, channel: "phone")
        let text = PDFSupport.squeezed(
            try PDFSupport.text(
                of: try Self.render("nl-out-of-warranty", language: "en", decision: decision).pdf))
        #expect(text.contains(PDFSupport.squeezed("Your decision")))
        #expect(text.contains(PDFSupport.squeezed("You accepted this quote on March 4, 2026 (by phone).")))
        #expect(!text.contains(PDFSupport.squeezed("If you decline this quote")))
    }

    /// The Dutch out-of-warranty quote with 40 more part lines, the first with a long name.
    static func long(_ quote: inout Quote) {
        let template = quote.lines.first { $0.kind == .part }!
        let added = (1...40).map { index in
            var line = template
            line.description =
                index == 1
                ? "Moederbord met geïntegreerde NFC-antenne, draadloze laadspoel en vingerafdruksensor, vervangen door gereviseerd onderdeel uit voorraad"
                : "Onderdeel \(index)"
            line.names = [:]
            return line
        }
        quote.lines += added
    }

    @Test("a 40-line quote takes two pages or more, each with the table header and page X of Y")
    func multiPage() throws {
        let rendered = try Self.render("nl-out-of-warranty", language: "nl", change: Self.long)
        let pages = Int(try PDFSupport.info(of: rendered.pdf)["Pages"] ?? "") ?? 0
        #expect(pages >= 2)
        let path = try PDFSupport.temporaryFile(rendered.pdf)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for page in 1...max(pages, 1) {
            let text = try PDFSupport.poppler(
                "pdftotext", ["-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", path, "-"])
            #expect(text.contains("Pagina \(page) van \(pages)"), "page \(page)")
            #expect(text.contains("NL-2026-000123"), "page \(page)")
            if page < pages { #expect(text.contains("Omschrijving"), "page \(page) has no table header") }
        }
        let all = PDFSupport.squeezed(try PDFSupport.text(of: rendered.pdf))
        #expect(all.contains(PDFSupport.squeezed("Onderdeel 40")))
        #expect(all.contains(PDFSupport.squeezed("vervangen door gereviseerd onderdeel uit voorraad")))
    }

    @Test("a font that is not installed is an error naming the Debian package")
    func missingFont() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pdf-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: PDFSupport.templates, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let fonts = copy.appendingPathComponent("pdf/fonts.yaml")
        let text = try String(contentsOf: fonts, encoding: .utf8)
            .replacingOccurrences(of: "family: WenQuanYi Micro Hei", with: "family: No Such Sans")
        try text.write(to: fonts, atomically: true, encoding: .utf8)
        #expect {
            _ = try QuotePDFRenderer(templatesDirectory: copy)
        } throws: { error in
            let message = "\(error)"
            return message.contains("zh-Hant") && message.contains("No Such Sans")
                && message.contains("install the Debian package fonts-wqy-microhei")
        }
    }
}
