import CPangoCairo
import Foundation
import QuoteCore
import QuoteRendering

/// Renders a quote as a PDF document, laid out from the same view model as its text and HTML
/// documents (`QuoteRenderer.document`), with Pango for the text and Cairo's PDF surface.
///
/// ```swift
/// let pdf = try QuotePDFRenderer(templatesDirectory: URL(fileURLWithPath: "Templates"))
/// let bytes = try pdf.render(quote, case: serviceCase, language: nil, marketLanguage: "nl", paper: .a4)
/// ```
///
/// The same quote in the same state gives the same bytes: the creation date is the issue date,
/// the modification date the decision's day, and Cairo writes no random identifiers.
public struct QuotePDFRenderer: Sendable {
    public let documents: QuoteRenderer
    public let fonts: PDFFonts

    /// The PDF's producer in its metadata (`Creator`).
    public static let creator = "RepairQuote"
    static let margin = 42.0

    /// Loads the templates' labels (through `renderer`, or a new `QuoteRenderer`) and
    /// `pdf/fonts.yaml`, checking that every language's font is installed.
    public init(templatesDirectory: URL, renderer: QuoteRenderer? = nil) throws(PDFError) {
        if let renderer {
            documents = renderer
        } else {
            do {
                documents = try QuoteRenderer(templatesDirectory: templatesDirectory)
            } catch {
                throw .render(error)
            }
        }
        fonts = try PDFFonts(
            file: templatesDirectory.appendingPathComponent("pdf/fonts.yaml").path,
            languages: documents.languages)
    }

    /// The quote as a PDF in the resolved language (as `QuoteRenderer.render`), on `paper`.
    public func render(
        _ quote: Quote, case serviceCase: ServiceCase, language: String?, marketLanguage: String,
        paper: PaperSize = .a4, decision: DocumentDecision? = nil, customerLink: String? = nil
    ) throws(PDFError) -> [UInt8] {
        let prepared: (document: QuoteDocument, labels: LabelSet)
        do {
            prepared = try documents.document(
                quote, case: serviceCase, language: language, marketLanguage: marketLanguage,
                decision: decision, customerLink: customerLink)
        } catch {
            throw .render(error)
        }
        let (document, labels) = prepared
        let size = paper.points
        let canvas = try PDFCanvas(width: size.width, height: size.height)
        let style = try PDFStyle(
            canvas: canvas, font: try fonts.choice(for: labels.language), pageWidth: size.width,
            margin: Self.margin)
        let layout = QuoteLayout(style: style, document: document, labels: labels.entries)
        let flow = PageFlow(top: Self.margin, bottom: size.height - Self.margin - 10)
        let pages = flow.paginate(try layout.items())
        try setMetadata(canvas, document: document, labels: labels, quote: quote, decision: decision)
        for (index, page) in pages.enumerated() {
            if index > 0 { try canvas.showPage() }
            try drawPageFrame(
                style, document: document, labels: labels, page: index + 1, of: pages.count,
                height: size.height)
            for placement in page {
                switch placement {
                case .piece(let piece, let y): try piece.draw(y)
                case .beginTag(let name): try canvas.beginTag(name)
                case .endTag(let name): try canvas.endTag(name)
                }
            }
        }
        return PDFLanguage.declare(document.lang, in: try canvas.finish())
    }

    /// Title (the number and the customer), creator, and fixed dates: created on the issue date,
    /// modified on the decision's day.
    private func setMetadata(
        _ canvas: PDFCanvas, document: QuoteDocument, labels: LabelSet, quote: Quote,
        decision: DocumentDecision?
    ) throws(PDFError) {
        let title = [labels.entries["ui.title"], document.number, document.parties.first?.value]
            .compactMap { $0 }.joined(separator: " – ")
        try canvas.setMetadata(CAIRO_PDF_METADATA_TITLE, title)
        try canvas.setMetadata(CAIRO_PDF_METADATA_CREATOR, Self.creator)
        let created = "\(quote.issueDate)T00:00:00Z"
        let modified =
            decision.map { $0.decision == .pending ? created : "\($0.decidedOn)T00:00:00Z" } ?? created
        try canvas.setMetadata(CAIRO_PDF_METADATA_CREATE_DATE, created)
        try canvas.setMetadata(CAIRO_PDF_METADATA_MOD_DATE, modified)
    }

    /// The running header (from page 2: title, number and customer) and the footer (the number,
    /// "Page 1 of 2").
    private func drawPageFrame(
        _ style: PDFStyle, document: QuoteDocument, labels: LabelSet, page: Int, of pages: Int, height: Double
    ) throws(PDFError) {
        let canvas = style.canvas
        if page > 1 {
            let running = [labels.entries["ui.title"], document.number, document.parties.first?.value]
                .compactMap { $0 }.joined(separator: " · ")
            let block = try style.text(running, style.small, width: style.width)
            try canvas.draw(block, x: style.left, y: Self.margin - 22, grey: style.labelGrey)
            try canvas.rule(x: style.left, y: Self.margin - 8, width: style.width, grey: 0.6)
        }
        let pattern = labels.entries["pdf.pageOf"] ?? "{page} / {pages}"
        let pageText = pattern.replacingOccurrences(of: "{page}", with: String(page))
            .replacingOccurrences(of: "{pages}", with: String(pages))
        let footer = try style.text(pageText, style.small)
        let number = try style.text(document.number, style.small)
        let y = height - Self.margin + 4
        try canvas.draw(number, x: style.left, y: y, grey: style.labelGrey)
        try canvas.draw(footer, x: style.left + style.width - footer.width, y: y, grey: style.labelGrey)
    }
}
