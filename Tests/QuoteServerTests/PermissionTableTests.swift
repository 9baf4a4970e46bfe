import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import QuoteTestSupport
import Testing

@testable import QuoteServer

/// Walks the permission table (``Role/may(_:)``): every role × action × route, through the API
/// and through the console, answers as the table says — the success status when the role may,
/// 403 when it may not, 404 when it may but the quote is out of its reach (another retailer's).
@Suite("permission table: every role, action and route")
struct PermissionTableTests {
    /// The callers: an API key and the console user of the same role and retailer.
    static let callers: [(key: String, user: String, principal: Principal)] = [
        (Key.desk, "desk", Principal(name: "desk-1", role: .serviceCenter)),
        (Key.shop, "shop", Principal(name: "shop", role: .retailer, retailer: "R-100")),
        (Key.otherShop, "other-shop", Principal(name: "other-shop", role: .retailer, retailer: "R-200")),
        (Key.finance, "finance", Principal(name: "finance", role: .finance)),
    ]

    /// Every quote of the walk is issued by the retailer R-100 (`shop`).
    static let issuer = "R-100"

    /// The status the table gives `principal` for `action` on R-100's quote, `success` when allowed.
    static func expected(_ principal: Principal, _ action: Action, quote: Bool, success: HTTPResponse.Status)
        -> HTTPResponse.Status
    {
        guard principal.role.may(action) else { return .forbidden }
        guard !quote || principal.may(action, on: issuer) else { return .notFound }
        return success
    }

    @Test("the table: a retailer reaches only its own quotes; finance only reads and exports")
    func table() {
        #expect(Action.allCases.filter { Role.serviceCenter.may($0) }.count == Action.allCases.count - 1)
        #expect(!Role.finance.may(.issue) && Role.finance.may(.read) && Role.finance.may(.export))
        #expect(Role.retailer.may(.void) && !Role.retailer.may(.email))
        #expect(Role.retailer.may(.read, on: "R-100", retailer: "R-100"))
        #expect(!Role.retailer.may(.read, on: "R-200", retailer: "R-100"))
        #expect(Role.serviceCenter.may(.read, on: "R-200", retailer: nil))
        #expect(!Role.allCases.contains { $0.may(.manageUsers) })
    }

    /// An API route of an action on a quote `number` (nil: a route without a quote).
    struct APIRoute {
        var action: Action
        var method: HTTPRequest.Method
        var path: (String) -> String
        var body: String?
        var headers: HTTPFields = [:]
        var success: HTTPResponse.Status
        var onQuote = true
    }

    static func apiRoutes(caseJSON: String) -> [APIRoute] {
        let idempotency = HTTPField.Name("Idempotency-Key")!
        return [
            APIRoute(
                action: .issue, method: .post, path: { _ in "/v1/quotes/preview" }, body: caseJSON,
                success: .ok, onQuote: false),
            APIRoute(
                action: .issue, method: .post, path: { _ in "/v1/quotes" }, body: caseJSON, success: .created,
                onQuote: false),
            APIRoute(action: .read, method: .get, path: { "/v1/quotes/\($0)" }, success: .ok),
            APIRoute(action: .read, method: .get, path: { _ in "/v1/quotes" }, success: .ok, onQuote: false),
            APIRoute(action: .readHistory, method: .get, path: { "/v1/quotes/\($0)/events" }, success: .ok),
            APIRoute(
                action: .read, method: .get, path: { _ in "/v1/catalog/NL" }, success: .ok, onQuote: false),
            APIRoute(
                action: .revise, method: .post, path: { "/v1/quotes/\($0)/revise" }, body: caseJSON,
                headers: [idempotency: UUID().uuidString], success: .created),
            APIRoute(
                action: .decide, method: .post, path: { "/v1/quotes/\($0)/decision" },
                body: #"{"decision":"accepted","channel":"phone"}"#, success: .ok),
            APIRoute(
                action: .email, method: .post, path: { "/v1/quotes/\($0)/email" },
                body: #"{"to":"anna@example.nl"}"#, success: .accepted),
            APIRoute(
                action: .void, method: .post, path: { "/v1/quotes/\($0)/void" },
                body: #"{"reason":"withdrawn"}"#, success: .ok),
            APIRoute(
                action: .link, method: .post, path: { "/v1/quotes/\($0)/customer-link" }, success: .created),
        ]
    }

    @Test("through the API: every key × route answers as the table says")
    func api() async throws {
        let caseJSON = try Shipped.example("nl-out-of-warranty.json")
        try await ConsoleFixture.server().test { client in
            for route in Self.apiRoutes(caseJSON: caseJSON) {
                for caller in Self.callers {
                    let issued = try await client.issue(caseJSON, key: Key.shop)
                    let number = try #require((issued.json["quote"] as? [String: Any])?["number"] as? String)
                    let answer = try await client.call(
                        route.method, route.path(number), key: caller.key, body: route.body,
                        headers: route.headers)
                    let expected = Self.expected(
                        caller.principal, route.action, quote: route.onQuote, success: route.success)
                    #expect(
                        answer.status == expected,
                        "\(caller.user) \(route.action) \(route.method) \(route.path(number)): \(answer.text)"
                    )
                }
            }
        }
    }

    /// A console route of an action on a quote, its form fields (the page's token is added).
    static func consoleRoutes(
        _ number: String
    ) -> [(action: Action, method: HTTPRequest.Method, path: String, form: [(String, String)]?)] {
        let caseForm = ConsoleBrowser.dutchRepairForm(action: "issue", csrf: nil)
        let quote = "/console/quotes/\(number)"
        return [
            (.issue, .post, "/console/quotes/new", caseForm),
            (.revise, .post, quote + "/revise", caseForm),
            (.read, .get, quote, nil),
            (.decide, .post, quote + "/decision", [("decision", "rejected"), ("channel", "in-person")]),
            (.email, .post, quote + "/email", []),
            (.void, .post, quote + "/void", [("reason", "withdrawn")]),
            (.link, .post, quote + "/link", []),
            (.export, .get, "/console/quotes.csv", nil),
            (.readReports, .get, "/console/reports", nil),
            (.readReports, .get, "/console/reports/csv?report=payers", nil),
        ]
    }

    @Test("through the console: every user × action answers as the table says")
    func console() async throws {
        let caseJSON = try Shipped.example("nl-out-of-warranty.json")
        try await ConsoleFixture.server().test { client in
            for caller in Self.callers {
                var browser = ConsoleBrowser(client: client)
                _ = try await browser.signIn(caller.user)
                let csrf = ConsoleBrowser.csrf(try await browser.request(.get, "/console/quotes").text) ?? ""
                for index in Self.consoleRoutes("").indices {
                    let issued = try await client.issue(caseJSON, key: Key.shop)
                    let number = try #require((issued.json["quote"] as? [String: Any])?["number"] as? String)
                    let route = Self.consoleRoutes(number)[index]
                    let answer = try await browser.request(
                        route.method, route.path, form: route.form.map { $0 + [("csrf", csrf)] })
                    let success: HTTPResponse.Status = route.method == .get ? .ok : .seeOther
                    let expected = Self.expected(
                        caller.principal, route.action,
                        quote: ![.issue, .export, .readReports].contains(route.action),
                        success: success)
                    #expect(answer.status == expected, "\(caller.user) \(route.action) \(route.path)")
                }
            }
        }
    }

    @Test("the console's view flags: an open quote offers exactly the actions the table allows")
    func viewFlags() async throws {
        let caseJSON = try Shipped.example("nl-out-of-warranty.json")
        try await ConsoleFixture.server().test { client in
            let issued = try await client.issue(caseJSON, key: Key.shop)
            let number = try #require((issued.json["quote"] as? [String: Any])?["number"] as? String)
            let markers: [Action: String] = [
                .link: #"id="new-link""#, .email: #"id="email-it""#, .decide: #"id="decision-form""#,
                .revise: #"href="/console/quotes/\#(number)/revise""#, .void: #"id="void-form""#,
            ]
            #expect(Set(ConsoleActions.flags.map(\.action)) == Set(markers.keys))
            for caller in Self.callers where caller.principal.may(.read, on: Self.issuer) {
                var browser = ConsoleBrowser(client: client)
                _ = try await browser.signIn(caller.user)
                let page = try await browser.request(.get, "/console/quotes/\(number)")
                for (action, marker) in markers {
                    #expect(
                        page.text.contains(marker) == caller.principal.may(action, on: Self.issuer),
                        "\(caller.user) \(action)")
                }
                let list = try await browser.request(.get, "/console/quotes")
                #expect(
                    list.text.contains(#"href="/console/quotes/new""#) == caller.principal.role.may(.issue),
                    "\(caller.user) new quote link")
            }
        }
    }
}
