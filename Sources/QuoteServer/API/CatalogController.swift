import Foundation
import Hummingbird
import QuoteCore

/// `GET /v1/catalog/{market}`: the quote form's choices for a market (models, findings, channels,
/// labour codes, parts with the models they fit), for any API key or a console session.
struct CatalogController: Sendable {
    let catalog: PriceListCatalog
    let services: ServerServices
    let access: ConsoleAccess?

    /// In a group of its own under `/v1`: a console session identifies the caller too.
    func register(on router: Router<ServiceRequestContext>) {
        router.group("/v1/catalog")
            .add(middleware: CatalogAuthenticator(keys: services.keys, access: access))
            .get("{market}", use: show)
    }

    @Sendable func show(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        _ = try context.caller(for: .read)
        let market = MarketCode(try context.parameters.require("market"))
        let list = try catalog.priceList(for: market, on: services.today(market))
        return JSONBody.response(MarketChoices(priceList: list).json)
    }
}
