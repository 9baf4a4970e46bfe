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
    /// The render runs on a queue of its own, never on an event loop: a document takes a few
    /// milliseconds of CPU (docs/benchmarks.md). At most ``PDFRenderGate/shared``'s width render at
    /// once (one core fewer than the machine has, at least one); later ones wait without holding a
    /// thread, so a hundred at once leave a core to the event loops and `/health` keeps answering.
    /// A failure is thrown to the error middleware: 500 with the JSON error body, logged.
    func pdfResponse(_ record: QuoteRecord) async throws -> Response {
        guard renderer.makesDocuments, let bytes = try await pdfBytes(record) else {
            throw APIError(.notAcceptable, "PDF documents are not available; ask for application/json")
        }
        var headers = PageHeaders.fields
        headers[.contentType] = "application/pdf"
        headers[.contentDisposition] = "inline; filename=\"\(record.number).pdf\""
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The bytes of a stored quote's PDF as ``pdfResponse(_:)`` sends them (the same bytes for the
    /// same quote in the same state); nil when the service renders no PDFs.
    func pdfBytes(_ record: QuoteRecord) async throws -> [UInt8]? {
        guard renderer.makesDocuments else { return nil }
        let (quote, serviceCase) = try recomputed(record)
        let decision = documentDecision(record)
        await PDFRenderGate.shared.enter()
        let rendered = await withCheckedContinuation { continuation in
            PDFRenderGate.queue.async {
                continuation.resume(
                    returning: Result {
                        try renderer.renderPDF(quote: quote, case: serviceCase, decision: decision)
                    })
            }
        }
        await PDFRenderGate.shared.leave()
        return try rendered.get()
    }
}

extension QuoteDocumentRendering {
    /// No PDFs unless the renderer makes them.
    public func renderPDF(quote: Quote, case serviceCase: ServiceCase, decision: DocumentDecision?) throws
        -> [UInt8]?
    { nil }
}

/// Lets at most `width` PDF renders run at once; the others wait their turn in order, suspended
/// (no thread blocked). With 100 concurrent `.pdf` requests on 2 cores and every render at once
/// on Dispatch's global queue, `/health` took up to 2 s (docs/benchmarks.md).
actor PDFRenderGate {
    static let shared = PDFRenderGate(width: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
    /// Where the renders run: off the event loops, below their priority.
    static let queue = DispatchQueue(label: "repairquote.pdf", qos: .utility, attributes: .concurrent)

    let width: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(width: Int) { self.width = width }

    func enter() async {
        guard running >= width else {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the next waiting render, or frees it.
    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
