import QuoteCore
import QuoteMailer
import QuotePDF
import QuoteRendering

extension TemplateDocumentRenderer {
    /// The quote's PDF in the customer's language (falling back as the other documents do), on
    /// its market's paper; nil when no PDF renderer was given.
    public func renderPDF(quote: Quote, case serviceCase: ServiceCase, decision: DocumentDecision?) throws
        -> [UInt8]?
    {
        guard let pdf else { return nil }
        return try pdf.render(
            quote, case: serviceCase, language: try resolved(serviceCase.customer.language, quote: quote),
            marketLanguage: catalog.language(of: quote), paper: catalog.paper(of: quote), decision: decision)
    }

    /// The PDF as an e-mail attachment named like the download (`NL-2026-000123.pdf`); nil when
    /// no PDFs are made or the market's `attachPDF` is false.
    func pdfAttachment(quote: Quote, case serviceCase: ServiceCase, decision: DocumentDecision?) throws
        -> MailAttachment?
    {
        guard catalog.attachesPDF(quote),
            let bytes = try renderPDF(quote: quote, case: serviceCase, decision: decision)
        else { return nil }
        return try MailAttachment(
            fileName: "\(quote.number ?? "quote").pdf", contentType: "application/pdf", bytes: bytes)
    }
}
