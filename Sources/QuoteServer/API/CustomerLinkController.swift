import Foundation
import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteStore

/// `POST /v1/quotes/{number}/customer-link`: a new link for the customer to open the quote and
/// answer it, for the service center and the issuing retailer. The store keeps only a hash of each
/// link, so a lost link cannot be shown again; a new one is made instead, and earlier links keep
/// working. 409 for a quote replaced by a revision or void (its link would only say so).
struct CustomerLinkController<Repository: QuoteRepository> {
    let desk: QuoteDesk<Repository>
    var services: ServerServices { desk.services }

    func register(on v1: RouterGroup<ServiceRequestContext>) {
        v1.post("quotes/{number}/customer-link", use: create)
    }

    @Sendable func create(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let principal = try context.caller(for: .link)
        let number = try context.parameters.require("number")
        var request = request
        // No body is expected: anything sent is refused rather than ignored.
        let body = try await request.collectBody(atMost: 1024)
        guard
            body.readableBytes == 0
                || String(buffer: body).trimmingCharacters(in: .whitespacesAndNewlines) == "{}"
        else {
            throw APIError(.unprocessableContent, "expected no body (or {})")
        }
        let token = try await desk.newLink(number, by: principal)
        var o = JSONObject()
        o.append("number", .string(number))
        o.append("customerLink", .string(services.customerLink(token)))
        var response = JSONBody.response(.object(o), status: .created)
        // The link opens the quote to whoever holds it: no cache keeps it.
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
