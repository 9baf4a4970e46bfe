import QuoteCore
import QuoteRendering

/// The renderer of a service built without templates (a bare router, the webhook benchmark): no
/// document (`GET /v1/quotes/{number}.html` answers 406 "documents are not available"), no PDF
/// (406) and no customer page (the link answers 500, logged). `repairquote serve` always has a
/// real one (``TemplateDocumentRenderer``).
struct NoDocumentRenderer: QuoteDocumentRendering {
    /// Thrown by every render.
    struct Unavailable: Error {}

    var makesDocuments: Bool { false }

    func render(quote: Quote, case serviceCase: ServiceCase, format: DocumentFormat, language: String?) throws
        -> String
    {
        throw Unavailable()
    }

    func customerPage(
        _ kind: CustomerPageKind, quote: Quote?, case serviceCase: ServiceCase?, languages: [String],
        pdfLink: String?, answer: AnswerFormState
    ) throws -> String {
        throw Unavailable()
    }
}
