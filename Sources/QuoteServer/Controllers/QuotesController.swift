import Foundation
import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteRendering
import QuoteStore

/// `POST /v1/quotes/preview`, `POST /v1/quotes`, `GET /v1/quotes/{number}`, `GET /v1/quotes`.
struct QuotesController<Repository: QuoteRepository> {
    let repo: Repository
    let services: ServerServices

    func register(on router: Router<BasicRequestContext>) {
        router.post("/v1/quotes/preview", use: preview)
        router.post("/v1/quotes", use: issue)
        router.get("/v1/quotes/{number}", use: show)
        router.get("/v1/quotes", use: list)
    }

    /// Computes the quote of a case with the device's ledger, stores nothing.
    @Sendable func preview(_ request: Request, context: BasicRequestContext) async throws -> Response {
        _ = try services.keys.require(request, [.serviceCenter, .retailer])
        let quote = try await previewQuote(try await readCase(request).serviceCase)
        return JSONBody.response(bytes: QuoteEncoder.bytes(quote))
    }

    /// The quote a case would get now, with the device's ledger (the API's and the console's preview).
    func previewQuote(_ decoded: ServiceCase) async throws -> Quote {
        let serviceCase = try await repo.withLedger(
            decoded, checksBenefits: services.engine.usesOneTimeBenefits(decoded))
        return try services.engine.quote(serviceCase)
    }

    /// Issues a quote: 201 the first time, 200 with `Idempotent-Replayed: true` for a retry.
    @Sendable func issue(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let principal = try services.keys.require(request, [.serviceCenter, .retailer])
        return try await issue(request, by: principal, issuer: principal.issuer, supersedes: nil)
    }

    /// Issues the request's case for `issuer`, dated today in its market; as a revision of
    /// `supersedes` when given (the store checks that one is open and in the same market, in the
    /// same transaction). A revision keeps the issuer of the quote it replaces, so a retailer
    /// still sees the revision the service center made of its quote.
    func issue(_ request: Request, by principal: Principal, issuer: String, supersedes: String?) async throws
        -> Response
    {
        let idempotencyKey = try IdempotencyKey.of(request)
        let (serviceCase, result) = try await services.limitingIssues(by: principal) {
            let (serviceCase, body) = try await readCase(request)
            let result = try await issue(
                serviceCase, body: body, idempotencyKey: idempotencyKey, by: principal, issuer: issuer,
                supersedes: supersedes)
            return (serviceCase, result)
        }
        let issued = result.issued
        var headers: HTTPFields = [.location: "/v1/quotes/\(issued.record.number)"]
        if case .replayed = result { headers[.idempotentReplayed] = "true" }
        let answer = RecordJSON.full(
            issued.record, state: services.state(of: issued.record),
            customerLink: customerLink(issued.customerToken),
            language: services.documentLanguage(
                issued.record, customerLanguage: serviceCase.customer.language))
        let status: HTTPResponse.Status = if case .issued = result { .created } else { .ok }
        return JSONBody.response(bytes: answer, status: status, headers: headers)
    }

    /// The customer's link of a quote's token.
    func customerLink(_ token: String) -> String { services.publicBaseURL + "/q/" + token }

    /// Issues a decoded case (`body` its bytes, hashed for idempotency) for `issuer` (the
    /// caller's own by default), logged and counted the first time; shared by the API and the
    /// console.
    func issue(
        _ serviceCase: ServiceCase, body: [UInt8], idempotencyKey: String?, by principal: Principal,
        issuer: String? = nil, supersedes: String?
    ) async throws -> IssueResult {
        let issuer = issuer ?? principal.issuer
        let today = services.today(serviceCase.market)
        try QuoteLifecycle.checkRequestDate(serviceCase.requestDate, today: today)
        let hash = Digest.sha256Hex(
            Array(issuer.utf8) + [0] + Array((supersedes ?? "").utf8) + [0] + body)
        let result = try await repo.issue(
            IssueRequest(
                serviceCase: serviceCase, issuer: issuer,
                idempotencyKey: idempotencyKey.map { "\(principal.issuer)\u{1F}\($0)" },
                requestHash: hash,
                checksBenefits: services.engine.usesOneTimeBenefits(serviceCase), supersedes: supersedes,
                issuedOn: today),
            engine: services.engine)
        let issued = result.issued
        if case .issued = result {
            services.metrics.recordIssued(
                market: issued.record.market.rawValue, status: issued.record.coverageStatus.rawValue)
            services.logger.info(
                supersedes == nil ? "quote issued" : "quote revised",
                metadata: [
                    "number": "\(issued.record.number)",
                    "coverage": "\(issued.record.coverageStatus.rawValue)",
                    "imei": "\(serviceCase.device.imei.map(Masking.imei) ?? "-")",
                    "supersedes": "\(supersedes ?? "-")",
                ])
        }
        return result
    }

    /// The stored quote as JSON, or as a text/HTML document by `Accept` or a `.txt`/`.html` suffix,
    /// or as a PDF by a `.pdf` suffix.
    @Sendable func show(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let principal = try services.keys.require(request, Set(Role.allCases))
        var number = try context.parameters.require("number")
        if number.hasSuffix(".pdf") {
            return try await services.pdfResponse(
                try await readable(String(number.dropLast(4)), by: principal))
        }
        var format = DocumentFormat.from(accept: request.headers[.accept])
        if let accept = request.headers[.accept], format == nil, !DocumentFormat.acceptsJSON(accept) {
            throw APIError(
                .notAcceptable, "available as application/json, text/plain or text/html", field: "Accept")
        }
        for (suffix, suffixFormat) in [
            (".txt", DocumentFormat?.some(.text)), (".html", .html), (".json", nil),
        ]
        where number.hasSuffix(suffix) {
            number.removeLast(suffix.count)
            format = suffixFormat
        }
        let record = try await readable(number, by: principal)
        guard let format else { return try await fullResponse(record) }
        return try renderDocument(record, format: format)
    }

    /// The stored quote as the JSON of `GET /v1/quotes/{number}`: state, decision, e-mails, quote
    /// and case.
    func fullResponse(_ number: String) async throws -> Response {
        guard let record = try await repo.quote(number: number) else { throw StoreError.notFound }
        return try await fullResponse(record)
    }

    func fullResponse(_ record: QuoteRecord) async throws -> Response {
        let customerLanguage = try? CaseDecoder.decode(record.caseJSON, today: services.today).customer
            .language
        return JSONBody.response(
            bytes: RecordJSON.full(
                record, state: services.state(of: record),
                language: services.documentLanguage(record, customerLanguage: customerLanguage),
                emails: try await repo.outbox(quoteNumber: record.number)))
    }

    func renderDocument(_ record: QuoteRecord, format: DocumentFormat) throws -> Response {
        guard let (document, _) = try services.document(record, format: format) else {
            throw APIError(.notAcceptable, "documents are not available yet; ask for application/json")
        }
        var response = JSONBody.text(document, contentType: format.contentType)
        response.headers.append(contentsOf: PageHeaders.fields)
        return response
    }

    /// The quote, when `principal` may read it: 404 unknown or another retailer's.
    func readable(_ number: String, by principal: Principal) async throws -> QuoteRecord {
        try await QuoteAccess(repo: repo).readable(number, by: principal)
    }

    /// A page of quotes, oldest first; `nextCursor` continues. Filters: `state`, `q` (number,
    /// reference, IMEI, serial, customer name or e-mail, any case), `market`, `status` (decision or
    /// coverage status), `from`, `to`. An empty value is no filter; an unknown parameter is 422.
    @Sendable func list(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let principal = try services.keys.require(request, Set(Role.allCases))
        var query = try ListParameters.query(
            request.uri.queryParameters, issuer: principal.role == .retailer ? principal.issuer : nil)
        query.today = services.today(MarketCode(query.market ?? ""))
        let page = try await repo.list(query)
        var body = JSONObject()
        body.append(
            "quotes",
            .array(page.quotes.map { .object(RecordJSON.summary($0, state: services.state(of: $0))) }))
        body.append("nextCursor", page.nextAfter.map { .string(Cursor.encode($0)) } ?? .null)
        return JSONBody.response(.object(body))
    }

    /// The body (≤ 1 MiB) decoded as a case; 422 naming the field when it is bad.
    func readCase(_ request: Request) async throws -> (serviceCase: ServiceCase, body: [UInt8]) {
        var request = request
        let buffer = try await request.collectBody(atMost: 1 << 20)
        let bytes = Array(buffer.readableBytesView)
        return (try CaseDecoder.decode(bytes: bytes, today: services.today), bytes)
    }
}

extension DocumentFormat {
    /// HTML or text when `Accept` prefers it, nil for JSON.
    /// Whether an `Accept` header admits JSON (or anything).
    static func acceptsJSON(_ accept: String) -> Bool {
        accept.isEmpty || accept.contains("application/json") || accept.contains("*/*")
            || accept.contains("application/*")
    }

    static func from(accept: String?) -> DocumentFormat? {
        guard let accept else { return nil }
        if accept.contains("text/html") { return .html }
        if accept.contains("text/plain") { return .text }
        return nil
    }
}

/// The opaque list cursor: base64url of `c1:<id>`.
enum Cursor {
    static func encode(_ after: Int64) -> String {
        Base64URL.encode(Array("c1:\(after)".utf8))
    }

    static func decode(_ cursor: String) throws -> Int64 {
        var text = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text), let plain = String(data: data, encoding: .utf8),
            plain.hasPrefix("c1:"), let id = Int64(plain.dropFirst(3))
        else { throw APIError(.unprocessableContent, "not a cursor of this service", field: "cursor") }
        return id
    }
}
