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
    let repo: Repository
    let services: ServerServices

    func register(on router: Router<BasicRequestContext>) {
        router.post("/v1/quotes/{number}/customer-link", use: create)
    }

    @Sendable func create(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let principal = try services.keys.require(request, [.serviceCenter, .retailer])
        let number = try context.parameters.require("number")
        let link = try await newLink(number, by: principal)
        var o = JSONObject()
        o.append("number", .string(number))
        o.append("customerLink", .string(link))
        return JSONBody.response(.object(o), status: .created)
    }

    /// A new customer link of a quote the principal may read (the API's and the console's).
    func newLink(_ number: String, by principal: Principal) async throws -> String {
        let record = try await QuoteAccess(repo: repo).readable(number, by: principal)
        switch services.state(of: record) {
        case .superseded: throw StoreError.lifecycle(.superseded)
        case .void: throw StoreError.lifecycle(.void)
        default: break
        }
        let token = try await repo.addCustomerToken(number: number)
        services.logger.info(
            "customer link made", metadata: ["number": "\(number)", "by": "\(principal.role.rawValue)"])
        return QuotesController(repo: repo, services: services).customerLink(token)
    }
}
