import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import QuoteCore
import QuoteRendering
import QuoteStore

extension ServerServices {
    /// A stored quote's PDF (decided once decided), as `GET /v1/quotes/{number}.pdf` and
    /// `/q/{token}.pdf` answer it: `application/pdf`, shown inline under the quote's number
    /// (`NL-2026-000123.pdf`), never cached. 406 when the service renders no PDFs.
    ///
    /// The render runs on Dispatch's global queue, never on an event loop: a document takes a few
    /// milliseconds of CPU (docs/benchmarks.md), and a hundred at once must not hold up `/health`.
    /// A failure is thrown to the error middleware: 500 with the JSON error body, logged.
    func pdfResponse(_ record: QuoteRecord) async throws -> Response {
        guard let renderer else {
            throw APIError(.notAcceptable, "PDF documents are not available; ask for application/json")
        }
        let (quote, serviceCase) = try recomputed(record)
        let decision = documentDecision(record)
        let bytes = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try renderer.renderPDF(quote: quote, case: serviceCase, decision: decision)
                    })
            }
        }
        guard let bytes else {
            throw APIError(.notAcceptable, "PDF documents are not available; ask for application/json")
        }
        var headers = PageHeaders.fields
        headers[.contentType] = "application/pdf"
        headers[.contentDisposition] = "inline; filename=\"\(record.number).pdf\""
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension QuoteDocumentRendering {
    /// No PDF link unless the renderer makes PDFs.
    public func customerPage(
        _ kind: CustomerPageKind, quote: Quote?, case serviceCase: ServiceCase?, pdfLink: String?
    ) throws -> String? {
        try customerPage(kind, quote: quote, case: serviceCase)
    }

    /// No PDFs unless the renderer makes them.
    public func renderPDF(quote: Quote, case serviceCase: ServiceCase, decision: DocumentDecision?) throws
        -> [UInt8]?
    { nil }
}
