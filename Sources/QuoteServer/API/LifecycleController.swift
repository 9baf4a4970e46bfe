import Foundation
import Hummingbird
import QuoteCore
import QuoteStore

/// Revising and withdrawing issued quotes: `POST /v1/quotes/{number}/revise` and
/// `POST /v1/quotes/{number}/void`, for the service center and the issuing retailer.
struct LifecycleController<Repository: QuoteRepository> {
    let desk: QuoteDesk<Repository>
    var services: ServerServices { desk.services }

    func register(on v1: RouterGroup<ServiceRequestContext>) {
        v1.post("quotes/{number}/revise", use: revise)
        v1.post("quotes/{number}/void", use: void)
    }

    /// A full case body (and an `Idempotency-Key`): 201 with a new quote, next number of the same
    /// market, carrying `supersedes`; the old one becomes `superseded`, its link answers 410 and
    /// the one-time benefits it granted pass to the revision. 409 once decided, replaced or void;
    /// 422 for another market.
    @Sendable func revise(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .revise)
        let number = try context.parameters.require("number")
        let old = try await desk.revisable(number, by: principal)
        guard request.headers[.idempotencyKey] != nil else {
            throw APIError(
                .unprocessableContent, "a revision needs an Idempotency-Key header", field: "Idempotency-Key")
        }
        return try await QuoteAnswers(desk: desk).issue(
            request, by: principal, issuer: old.issuer, supersedes: number)
    }

    /// `{"reason": "…"}` (1–500 characters): 200 with the quote, now `void`; its one-time
    /// benefits are released and its queued e-mails cancelled. 409 once decided or replaced.
    @Sendable func void(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .void)
        let number = try context.parameters.require("number")
        let object = try await JSONRequest.object(request, allowed: ["reason"])
        let voided = try await desk.void(number, reason: object["reason"]?.text, by: principal)
        return try await QuoteAnswers(desk: desk).full(voided)
    }
}
