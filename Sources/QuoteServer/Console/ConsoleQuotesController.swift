import Foundation
import Hummingbird
import QuoteCore
import QuoteJSON
import QuoteStore

/// The console's quote pages: the list, the form (new and revise), a quote and its actions. The
/// actions call the same ``QuoteDesk`` use cases as the API, so the rules are the API's.
struct ConsoleQuotesController<Repository: QuoteRepository>: Sendable {
    let desk: QuoteDesk<Repository>
    let access: ConsoleAccess
    var services: ServerServices { desk.services }
    var console: ConsoleConfiguration { access.console }

    /// On the `/console` group, whose authenticator identifies the signed-in user.
    func register(on console: RouterGroup<ServiceRequestContext>) {
        console.get("quotes", use: list)
        console.get("quotes/new", use: newForm)
        console.post("quotes/new", use: submitNew)
        console.get("quotes/{number}", use: show)
        console.get("quotes/{number}/revise", use: reviseForm)
        console.post("quotes/{number}/revise", use: submitRevision)
        console.post("quotes/{number}/{action}", use: act)
    }

    /// Newest first, 20 a page; `q`, `state`, `before` (the paging cursor).
    @Sendable func list(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            let parameters = request.uri.queryParameters
            var query = QuoteQuery(issuer: signedIn.principal.listIssuer, limit: 20)
            query.newestFirst = true
            let text = parameters["q"].map(String.init) ?? ""
            if !text.isEmpty {
                guard text.count <= 100, TextSafety.isClean(text) else {
                    throw ConsoleRefusal(
                        .unprocessableContent, "q: expected up to 100 characters of one line")
                }
                query.text = text
            }
            let state = parameters["state"].map(String.init) ?? ""
            query.state = QuoteState(rawValue: state)
            if let before = parameters["before"].flatMap({ Int64(String($0)) }) { query.after = before }
            let page = try await desk.list(query, by: signedIn.principal)
            var view = access.baseView(signedIn)
            view["rows"] = page.quotes.map { row($0, signedIn) }
            view["q"] = text
            view["states"] = QuoteState.allCases.map {
                [
                    "value": $0.rawValue,
                    "label": console.pages.label("state." + $0.rawValue, signedIn.language),
                    "selected": $0.rawValue == state,
                ] as [String: Any]
            }
            if let next = page.nextAfter {
                var items = [URLQueryItem(name: "before", value: String(next))]
                if !text.isEmpty { items.append(URLQueryItem(name: "q", value: text)) }
                if !state.isEmpty { items.append(URLQueryItem(name: "state", value: state)) }
                var components = URLComponents()
                components.queryItems = items
                view["nextPage"] = "/console/quotes?" + (components.percentEncodedQuery ?? "")
            }
            if query.after != 0 { view["firstPage"] = "/console/quotes" }
            return ConsoleResponse.page(console.pages.render("list", language: signedIn.language, view: view))
        }
    }

    /// A list row, with the total and date in the market's formats.
    func row(_ record: QuoteRecord, _ signedIn: ConsoleAccess.SignedIn) -> [String: Any] {
        let market = record.market
        let format = console.format(for: market, today: services.today(market))
        let customer = (try? CaseDecoder.decode(record.caseJSON, today: services.today))?.customer.name ?? ""
        // The stored total: a page of 20 quotes is not computed again.
        let total = record.consumerTotal.map { (try? format?.money($0)) ?? $0.description } ?? ""
        let state = services.state(of: record).rawValue
        return [
            "number": record.number, "reference": record.reference ?? "", "customer": customer,
            "model": record.model ?? "", "total": total, "state": state,
            "stateLabel": console.pages.label("state." + state, signedIn.language),
            "date": format?.date(record.issueDate) ?? record.issueDate.description,
        ]
    }

    @Sendable func newForm(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            try mayIssue(signedIn)
            let market =
                request.uri.queryParameters["market"].map(String.init) ?? console.catalog.markets.first?
                .rawValue ?? ""
            let form = CaseForm(
                values: [
                    "market": market, "kind": "repair", "serviceMode": "carry-in", "item": "main-device",
                    "purchase.official": "true", "purchase.proofOfPurchase": "true",
                    "purchase.firstOwner": "true",
                    "repair.parts.0.quantity": "1",
                ])
            return formPage(signedIn, form: form, action: "/console/quotes/new", revising: nil)
        }
    }

    @Sendable func submitNew(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            try mayIssue(signedIn)
            let fields = try await access.form(request, signedIn)
            return try await submit(
                fields, signedIn, request: request, action: "/console/quotes/new", supersedes: nil)
        }
    }

    @Sendable func reviseForm(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            try mayIssue(signedIn)
            let number = try context.parameters.require("number")
            let record = try await desk.readable(number, by: signedIn.principal)
            return formPage(
                signedIn, form: CaseForm(caseJSON: record.caseJSON),
                action: "/console/quotes/\(number)/revise",
                revising: number)
        }
    }

    @Sendable func submitRevision(_ request: Request, context: ServiceRequestContext) async throws
        -> Response
    {
        try await access.page(request, context) { signedIn in
            try mayIssue(signedIn)
            let number = try context.parameters.require("number")
            let fields = try await access.form(request, signedIn)
            _ = try await desk.readable(number, by: signedIn.principal)
            return try await submit(
                fields, signedIn, request: request, action: "/console/quotes/\(number)/revise",
                supersedes: number)
        }
    }

    func mayIssue(_ signedIn: ConsoleAccess.SignedIn) throws {
        guard signedIn.user.role.may(.issue) else {
            throw ConsoleRefusal(.forbidden, console.pages.label("financeReadOnly", signedIn.language))
        }
    }
}
