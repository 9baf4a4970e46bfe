import QuoteCore
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
}
