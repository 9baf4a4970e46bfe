import Foundation
import Hummingbird
import QuoteCore
import QuoteStore

/// Revising and withdrawing issued quotes: `POST /v1/quotes/{number}/revise` and
/// `POST /v1/quotes/{number}/void`, for the service center and the issuing retailer.
struct LifecycleController<Repository: QuoteRepository> {
    let repo: Repository
    let services: ServerServices

    func register(on router: Router<BasicRequestContext>) {
        router.post("/v1/quotes/{number}/revise", use: revise)
        router.post("/v1/quotes/{number}/void", use: void)
    }

    var quotes: QuotesController<Repository> { QuotesController(repo: repo, services: services) }

    /// A full case body (and an `Idempotency-Key`): 201 with a new quote, next number of the same
    /// market, carrying `supersedes`; the old one becomes `superseded`, its link answers 410 and
    /// the one-time benefits it granted pass to the revision. 409 once decided, replaced or void;
    /// 422 for another market.
    @Sendable func revise(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let principal = try services.keys.require(request, [.serviceCenter, .retailer])
        let number = try context.parameters.require("number")
        let old = try await quotes.readable(number, by: principal)
        guard request.headers[.idempotencyKey] != nil else {
            throw APIError(
                .unprocessableContent, "a revision needs an Idempotency-Key header", field: "Idempotency-Key")
        }
        return try await quotes.issue(request, by: principal, issuer: old.issuer, supersedes: number)
    }

    /// `{"reason": "…"}` (1–500 characters): 200 with the quote, now `void`; its one-time
    /// benefits are released and its queued e-mails cancelled. 409 once decided or replaced.
    @Sendable func void(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let principal = try services.keys.require(request, [.serviceCenter, .retailer])
        let number = try context.parameters.require("number")
        let object = try await JSONRequest.object(request, allowed: ["reason"])
        let voided = try await void(number, reason: object["reason"]?.text, by: principal)
        return try await quotes.fullResponse(voided)
    }

    /// Checks the reason and voids the quote (the API's and the console's).
    func void(_ number: String, reason: String?, by principal: Principal) async throws -> QuoteRecord {
        guard let reason else {
            throw APIError(.unprocessableContent, "is required (1 to 500 characters)", field: "reason")
        }
        try QuoteLifecycle.checkText(reason, field: "reason", required: true)
        let record = try await quotes.readable(number, by: principal)
        let voided = try await repo.void(
            VoidRequest(
                number: number, reason: reason, voidedBy: principal.name,
                today: services.today(record.market)))
        services.logger.info(
            "quote voided", metadata: ["number": "\(number)", "by": "\(principal.role.rawValue)"])
        return voided
    }
}
