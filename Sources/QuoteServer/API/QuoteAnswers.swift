import Foundation
import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteRendering
import QuoteStore

/// How the API reads a case and answers with a stored quote, shared by its controllers (a helper,
/// not a controller: it registers no route).
struct QuoteAnswers<Repository: QuoteRepository> {
    let desk: QuoteDesk<Repository>
    var services: ServerServices { desk.services }

    /// Issues the request's case for `issuer` (a revision of `supersedes` when given): 201 the
    /// first time, 200 with `Idempotent-Replayed: true` for a retry; 429 over the key's rate.
    func issue(_ request: Request, by principal: Principal, issuer: String, supersedes: String?) async throws
        -> Response
    {
        let idempotencyKey = try IdempotencyKey.of(request)
        let (serviceCase, result) = try await services.limitingIssues(by: principal) {
            let (serviceCase, body) = try await readCase(request)
            let result = try await desk.issue(
                serviceCase, body: body, idempotencyKey: idempotencyKey, by: principal, issuer: issuer,
                supersedes: supersedes)
            return (serviceCase, result)
        }
        let issued = result.issued
        var headers: HTTPFields = [.location: "/v1/quotes/\(issued.record.number)"]
        if case .replayed = result { headers[.idempotentReplayed] = "true" }
        let answer = RecordJSON.full(
            issued.record, state: services.state(of: issued.record),
            customerLink: services.customerLink(issued.customerToken),
            language: services.documentLanguage(
                issued.record, customerLanguage: serviceCase.customer.language))
        let status: HTTPResponse.Status = if case .issued = result { .created } else { .ok }
        return JSONBody.response(bytes: answer, status: status, headers: headers)
    }

    /// The stored quote as the JSON of `GET /v1/quotes/{number}`: state, decision, e-mails, quote
    /// and case.
    func full(_ record: QuoteRecord) async throws -> Response {
        JSONBody.response(bytes: try await fullJSON(record))
    }

    /// The JSON of `GET /v1/quotes/{number}`, also the `data` of a webhook's payload.
    func fullJSON(_ record: QuoteRecord) async throws -> [UInt8] {
        let customerLanguage = try? CaseDecoder.decode(record.caseJSON, today: services.today).customer
            .language
        return RecordJSON.full(
            record, state: services.state(of: record),
            language: services.documentLanguage(record, customerLanguage: customerLanguage),
            emails: try await desk.emails(of: record))
    }

    /// The quote `number` as it stands after a change the caller made.
    func full(_ number: String) async throws -> Response {
        try await full(try await desk.quote(number))
    }

    /// The stored quote as a text or HTML document; 406 without a renderer.
    func document(_ record: QuoteRecord, format: DocumentFormat) throws -> Response {
        guard let (document, _) = try services.document(record, format: format) else {
            throw APIError(.notAcceptable, "documents are not available yet; ask for application/json")
        }
        var response = JSONBody.text(document, contentType: format.contentType)
        response.headers.append(contentsOf: PageHeaders.fields)
        return response
    }

    /// The body (≤ 1 MiB) decoded as a case; 422 naming the field when it is bad.
    func readCase(_ request: Request) async throws -> (serviceCase: ServiceCase, body: [UInt8]) {
        var request = request
        let buffer = try await request.collectBody(atMost: 1 << 20)
        let bytes = Array(buffer.readableBytesView)
        return (try CaseDecoder.decode(bytes: bytes, today: services.today), bytes)
    }
}
