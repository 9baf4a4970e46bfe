import QuoteCore
import QuoteRendering

/// The renderer of a service built without templates (a bare router in tests): no document
/// (`GET /v1/quotes/{number}.html` answers 406 "documents are not available"), no PDF (406) and
/// no customer page of its own (the plain pages of ``CustomerPage`` answer instead).
/// `repairquote serve` always has a real one (``TemplateDocumentRenderer``).
struct NoDocumentRenderer: QuoteDocumentRendering {
    /// Thrown by every render.
    struct Unavailable: Error {}

    var makesDocuments: Bool { false }

    func render(quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?) throws
        -> String
    {
        throw Unavailable()
    }
}
