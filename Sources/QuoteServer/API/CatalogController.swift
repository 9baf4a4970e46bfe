import Foundation
import Hummingbird
import QuoteCore

/// `GET /v1/catalog/{market}`: the quote form's choices for a market (models, findings, channels,
/// labour codes, parts with the models they fit), for any API key or a console session.
struct CatalogController: Sendable {
    let catalog: PriceListCatalog
    let services: ServerServices
    let access: ConsoleAccess?

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/catalog/{market}", use: show)
    }

    @Sendable func show(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let hasKey = request.headers[.authorization] != nil || request.headers[.apiKey] != nil
        if hasKey || access == nil {
            _ = try services.keys.require(request, for: .read)
        } else if await access?.signedIn(request) == nil {
            throw APIError(.unauthorized, "an API key or a console session is required")
        }
        let market = MarketCode(try context.parameters.require("market"))
        let list = try catalog.priceList(for: market, on: services.today(market))
        return JSONBody.response(MarketChoices(priceList: list).json)
    }
}
