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
        console.get("quotes.csv", use: csv)
        console.get("quotes/new", use: newForm)
        console.post("quotes/new", use: submitNew)
        console.get("quotes/{number}", use: show)
        console.get("quotes/{number}/revise", use: reviseForm)
        console.post("quotes/{number}/revise", use: submitRevision)
        console.post("quotes/{number}/{action}", use: act)
    }

    @Sendable func newForm(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await access.page(request, context) { signedIn in
            try mayIssue(signedIn)
            var market = request.uri.queryParameters["market"].map(String.init) ?? ""
            if market.isEmpty { market = await console.startingMarket(for: signedIn.user) }
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
