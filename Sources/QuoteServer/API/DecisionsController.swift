import Foundation
import Hummingbird
import NIOHTTP1
import QuoteCore
import QuoteJSON
import QuoteStore

/// Decisions: staff `POST /v1/quotes/{number}/decision`; the customer link `GET|POST /q/{token}`.
struct DecisionsController<Repository: QuoteRepository> {
    let desk: QuoteDesk<Repository>
    var services: ServerServices { desk.services }

    /// The staff's answer in the `/v1` group; the customer's link on the router (the link is
    /// its own credential).
    func register(on v1: RouterGroup<ServiceRequestContext>, pages router: Router<ServiceRequestContext>) {
        v1.post("quotes/{number}/decision", use: staffDecision)
        router.get("/q/{token}", use: customerView)
        router.post("/q/{token}", use: customerDecision)
    }

    static var decisionKeys: Set<String> { ["decision", "channel", "note"] }

    /// `{"decision": "accepted"|"rejected", "channel": "in-person"|"phone"|"email"|"letter",
    /// "note": "…"}`, recorded by the service center for any quote or by a retailer for its own
    /// (the customer answers at the counter or on the phone). Final once recorded: the same answer
    /// again changes nothing, another one is 409; so is any answer on a replaced or void quote.
    @Sendable func staffDecision(_ request: Request, context: ServiceRequestContext) async throws
        -> Response
    {
        let principal = try context.caller(for: .decide)
        let number = try context.parameters.require("number")
        let object = try await JSONRequest.object(request, allowed: Self.decisionKeys)
        var note: String?
        if let value = object["note"], value != .null {
            guard case .string(let text) = value else {
                throw APIError(.unprocessableContent, "expected text", field: "note")
            }
            note = text
        }
        try await desk.decideForCustomer(
            number, decision: object["decision"]?.text, channel: object["channel"]?.text, note: note,
            by: principal)
        return try await QuoteAnswers(desk: desk).full(number)
    }

    /// The customer's page: the quote and, while undecided, Accept/Reject buttons. Changes nothing.
    /// `/q/{token}.pdf` is the quote's PDF, answering like the page when the link no longer shows it.
    @Sendable func customerView(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        do {
            let token = try context.parameters.require("token")
            if token.hasSuffix(".pdf") {
                let record = try await linked(token: String(token.dropLast(4)))
                await desk.viewed(
                    record, via: "pdf",
                    client: CustomerClient.of(request, context, trusting: services.trustedProxies))
                return try await services.pdfResponse(record)
            }
            let record = try await linked(token: token)
            await desk.viewed(
                record, via: "page",
                client: CustomerClient.of(request, context, trusting: services.trustedProxies))
            return services.customerPage(
                record, .quote(decision: services.documentDecision(record)), pdfLink: token + ".pdf")
        } catch let page as CustomerPageAnswer {
            return services.customerPage(
                page.record, page.kind, languages: AcceptLanguage.preferred(request.headers[.acceptLanguage]))
        }
    }

    /// Records the customer's choice (form field `decision`, given once). Every refusal is a page
    /// in the quote's language with a link back to it, and records nothing: 403 a post from
    /// another site's page (``PageHeaders/isSameOrigin(_:publicBaseURL:)``), 415 a body that is
    /// not a form, 413 a form over 16 KiB, 408 a form later than the body deadline, 400 a form
    /// with broken framing, 422 no choice, a field given twice or an acceptance without its typed
    /// name and ticked box (the quote page again, ``recordAnswer(_:_:on:_:_:)``), 409 after another
    /// choice, 410 once expired, replaced or void, 404 an unknown link (in the reader's
    /// `Accept-Language`).
    @Sendable func customerDecision(_ request: Request, context: ServiceRequestContext) async throws
        -> Response
    {
        do {
            let record = try await linked(context)
            guard PageHeaders.isSameOrigin(request, publicBaseURL: services.publicBaseURL) else {
                throw CustomerPageAnswer(record: record, kind: .refused(.crossSite))
            }
            guard PageHeaders.isForm(request) else {
                throw CustomerPageAnswer(record: record, kind: .refused(.notAForm))
            }
            let form = try await Self.form(request, of: record)
            guard let fields = form, let text = fields["decision"],
                let decision = QuoteDesk<Repository>.decision(text)
            else {
                throw CustomerPageAnswer(record: record, kind: .badAnswer)
            }
            if let given = services.documentDecision(record), given.decision != decision {
                throw CustomerPageAnswer(record: record, kind: .alreadyAnswered(given))
            }
            return try await recordAnswer(decision, fields, on: record, request, context)
        } catch let page as CustomerPageAnswer {
            return services.customerPage(
                page.record, page.kind, status: page.status,
                languages: AcceptLanguage.preferred(request.headers[.acceptLanguage]))
        }
    }

    /// Checks and records an answer: an acceptance needs the typed full name and the ticked box of
    /// the consent sentence the page showed (``QuoteCore/CustomerAnswer``), else the quote page
    /// comes back (422) with what was typed and each error by its field, and nothing is recorded;
    /// an acceptance is recorded with its evidence (``ServerServices/evidence(_:_:consent:client:)``).
    /// The same answer again (a reload) changes nothing and needs nothing typed.
    func recordAnswer(
        _ decision: Decision, _ fields: [String: String], on record: QuoteRecord, _ request: Request,
        _ context: ServiceRequestContext
    ) async throws -> Response {
        let consent = services.consentShown(
            record, version: fields["consentVersion"], language: fields["consentLanguage"])
        let answer = CustomerAnswer(
            decision: decision, typedName: fields["name"] ?? "",
            consented: fields["consent"] == "yes" && consent != nil, reason: fields["reason"] ?? "")
        if record.decision != nil,
            answer.problems.contains(where: { $0 == .nameInvalid || $0 == .reasonInvalid })
        {
            // A repeat that carries a field no answer may hold: refused, still nothing recorded.
            throw CustomerPageAnswer(record: record, kind: .badAnswer)
        }
        if record.decision == nil, !answer.problems.isEmpty {
            return services.customerPage(
                record, .quote(decision: nil), status: .unprocessableContent,
                pdfLink: try context.parameters.require("token") + ".pdf", answer: answer)
        }
        let client = CustomerClient.of(request, context, trusting: services.trustedProxies)
        var evidence: AcceptanceEvidence?
        if decision == .accepted, record.decision == nil, let consent {
            evidence = try await services.evidence(record, answer, consent: consent, client: client)
        }
        var decided = record
        decided.decision = try await customerDecide(record, answer, evidence: evidence, client: client)
        guard let shown = services.documentDecision(decided) else { throw StoreError.notFound }
        return services.customerPage(decided, .confirmation(shown))
    }

    /// The customer form's fields; nil when a field is given twice (`decision=accepted&decision=rejected`
    /// must not be read as either). Refused with its page: a form over 16 KiB (413, at once when
    /// `Content-Length` says so), one not whole within the body deadline (408), one whose framing
    /// is broken (400). A client that hung up gets no page (``ClientAbort``).
    static func form(_ request: Request, of record: QuoteRecord) async throws -> [String: String]? {
        var request = request
        do {
            let body = try await request.collectBody(atMost: 16 * 1024)
            return FormDecoding.uniqueFields(String(buffer: body))
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw CustomerPageAnswer(record: record, kind: .refused(.tooLarge))
        } catch is BodyDeadlineHandler.BodyTooLate {
            throw CustomerPageAnswer(record: record, kind: .refused(.tooLate))
        } catch let error as HTTPParserError where ClientAbort(error) == nil {
            throw CustomerPageAnswer(record: record, kind: .refused(.malformed))
        }
    }

    /// Records the customer's answer; a refusal (the quote was answered, replaced or voided
    /// meanwhile) is the "not recorded" page with its status, logged.
    func customerDecide(
        _ record: QuoteRecord, _ answer: CustomerAnswer, evidence: AcceptanceEvidence?, client: EventClient
    ) async throws -> DecisionRecord {
        do {
            return try await desk.decideByCustomer(record, answer, evidence: evidence, client: client)
        } catch let error as DeskError {
            let mapped = APIError.mapping(error)
            services.logger.warning(
                "customer answer not recorded",
                metadata: ["number": "\(record.number)", "error": "\(mapped.message)"])
            throw CustomerPageAnswer(record: record, kind: .refused(.notRecorded), status: mapped.status)
        }
    }

    /// The quote of the link's token: 404 unknown; 410 once replaced or void, and after
    /// `validUntil` while undecided.
    func linked(_ context: ServiceRequestContext) async throws -> QuoteRecord {
        try await linked(token: try context.parameters.require("token"))
    }

    func linked(token: String) async throws -> QuoteRecord {
        switch try await desk.linked(token: token) {
        case .open(let record): return record
        case .unknown: throw CustomerPageAnswer(record: nil, kind: .unknownLink)
        case .superseded(let record):
            throw CustomerPageAnswer(record: record, kind: .superseded(by: record.supersededBy))
        case .void(let record): throw CustomerPageAnswer(record: record, kind: .void)
        case .expired(let record, let on): throw CustomerPageAnswer(record: record, kind: .expired(on: on))
        }
    }
}

/// `application/x-www-form-urlencoded` fields.
enum FormDecoding {
    static func fields(_ body: String) -> [String: String] {
        Dictionary(pairs(body), uniquingKeysWith: { _, last in last })
    }

    /// The fields, or nil when a name is given twice.
    static func uniqueFields(_ body: String) -> [String: String]? {
        var fields: [String: String] = [:]
        for (name, value) in pairs(body) {
            guard fields.updateValue(value, forKey: name) == nil else { return nil }
        }
        return fields
    }
}

/// Small JSON request bodies (decisions, voids, e-mails): an object with known fields only.
enum JSONRequest {
    /// The body as an object (≤ 64 KiB); 422 when it is not an object or has an unknown field.
    static func object(_ request: Request, allowed: Set<String>) async throws -> JSONObject {
        var request = request
        let body = try await request.collectBody(atMost: 64 * 1024)
        guard case .object(let object)? = try? JSONParser.parse(Array(body.readableBytesView)) else {
            throw APIError(.unprocessableContent, "expected a JSON object")
        }
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw APIError(
                .unprocessableContent, "unknown field (expected \(allowed.sorted().joined(separator: ", ")))",
                field: unknown)
        }
        return object
    }
}
