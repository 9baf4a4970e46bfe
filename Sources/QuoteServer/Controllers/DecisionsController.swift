import Foundation
import Hummingbird
import QuoteCore
import QuoteStore

/// Decisions: staff `POST /v1/quotes/{number}/decision`; the customer link `GET|POST /q/{token}`.
struct DecisionsController<Repository: QuoteRepository> {
    let repo: Repository
    let services: ServerServices

    func register(on router: Router<BasicRequestContext>) {
        router.post("/v1/quotes/{number}/decision", use: staffDecision)
        router.get("/q/{token}", use: customerView)
        router.post("/q/{token}", use: customerDecision)
    }

    /// `{"decision": "accepted" | "rejected"}` by the service center; final once recorded.
    @Sendable func staffDecision(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let principal = try services.keys.require(request, [.serviceCenter])
        let number = try context.parameters.require("number")
        var request = request
        let body = try await request.collectBody(upTo: 64 * 1024)
        guard case .object(let object)? = try? JSONParser.parse(Array(body.readableBytesView)),
            case .string(let text)? = object["decision"], let decision = Self.decision(text)
        else {
            throw APIError(.unprocessableContent, "expected \"accepted\" or \"rejected\"", field: "decision")
        }
        if let unknown = object.keys.first(where: { $0 != "decision" }) {
            throw APIError(.unprocessableContent, "unknown field (expected only decision)", field: unknown)
        }
        let record = try await QuoteAccess(repo: repo).readable(number, by: principal)
        let stored = try await decide(record, decision, by: principal.name)
        return JSONBody.response(bytes: RecordJSON.decision(stored))
    }

    /// The customer's page: the quote and, while undecided, Accept/Reject buttons. Changes nothing.
    @Sendable func customerView(_ request: Request, context: BasicRequestContext) async throws -> Response {
        do {
            let record = try await linked(context)
            if let (html, labels) = try services.document(record, format: .html) {
                return CustomerPage.response(
                    HTMLInsertion.afterBody(html, CustomerPage.decisionForm(record, labels)))
            }
            return CustomerPage.response(
                CustomerPage.quote(record, quote: try JSONBody.parse(record.quoteJSON)))
        } catch let error as APIError {
            return CustomerPage.response(CustomerPage.message(error.message), status: error.status)
        }
    }

    /// Records the customer's choice (form field `decision`): 409 after another choice, 410 expired,
    /// 403 a post from another site's page (`Origin`), 415 a body that is not a form.
    @Sendable func customerDecision(_ request: Request, context: BasicRequestContext) async throws -> Response
    {
        do {
            let record = try await linked(context)
            guard PageHeaders.isSameOrigin(request, publicBaseURL: services.publicBaseURL) else {
                throw APIError(.forbidden, "This answer was sent from another site.", field: "Origin")
            }
            guard PageHeaders.isForm(request) else {
                throw APIError(
                    .unsupportedMediaType, "Send the form as application/x-www-form-urlencoded.",
                    field: "Content-Type")
            }
            var request = request
            let body = try await request.collectBody(upTo: 16 * 1024)
            let form = FormDecoding.fields(String(buffer: body))
            guard let text = form["decision"], let decision = Self.decision(text) else {
                throw APIError(.unprocessableContent, "choose accept or reject", field: "decision")
            }
            let stored = try await decide(record, decision, by: "customer")
            return CustomerPage.response(
                CustomerPage.message("Thank you: the quote is \(stored.decision.rawValue)."))
        } catch let error as APIError {
            return CustomerPage.response(CustomerPage.message(error.message), status: error.status)
        } catch let error as StoreError {
            let mapped = APIError.mapping(error)
            return CustomerPage.response(CustomerPage.message(mapped.message), status: mapped.status)
        }
    }

    /// The quote of the link's token: 404 unknown, 410 after `validUntil` while undecided.
    func linked(_ context: BasicRequestContext) async throws -> QuoteRecord {
        let token = try context.parameters.require("token")
        guard let record = try await repo.quote(customerToken: token) else {
            throw APIError(.notFound, "This link is not known.")
        }
        if record.decision == nil, let validUntil = CivilDate(record.validUntil),
            services.today(MarketCode(record.market)) > validUntil
        {
            throw APIError(.gone, "This quote expired on \(record.validUntil).")
        }
        return record
    }

    func decide(_ record: QuoteRecord, _ decision: Decision, by: String) async throws -> DecisionRecord {
        let final = try RecordJSON.finalCharges(quoteJSON: record.quoteJSON, decision: decision)
        let result = try await repo.decide(
            DecisionRequest(number: record.number, decision: decision, decidedBy: by, finalJSON: final))
        switch result {
        case .recorded(let stored):
            services.logger.info(
                "quote decided", metadata: ["number": "\(record.number)", "decision": "\(decision)"])
            return stored
        case .unchanged(let stored): return stored
        }
    }

    static func decision(_ text: String) -> Decision? {
        switch text {
        case "accepted", "accept": .accepted
        case "rejected", "reject": .rejected
        default: nil
        }
    }
}

/// `application/x-www-form-urlencoded` fields.
enum FormDecoding {
    static func fields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if let name = parts.first { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }
}
