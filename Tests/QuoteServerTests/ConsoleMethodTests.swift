import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import QuoteServer

/// The console's POST-only paths answer another method as the API does: 405 with `Allow`, the
/// methods read from the router's own routes (``ServiceRoutes``).
@Suite("console: a POST-only path with another method")
struct ConsoleMethodTests {
    @Test("GET, PUT and DELETE on the console's POST-only paths are 405 with Allow: POST")
    func postOnly() async throws {
        try await ConsoleFixture.server().test { client in
            var browser = ConsoleBrowser(client: client)
            _ = try await browser.signIn("desk")
            for path in [
                "/console/sign-out", "/console/quotes/NL-2026-000001/void",
                "/console/quotes/NL-2026-000001/link", "/console/quotes/NL-2026-000001/decision",
            ] {
                for method in [HTTPRequest.Method.get, .put, .delete] {
                    let answer = try await browser.request(method, path)
                    #expect(answer.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(answer.headers[.allow] == "POST", "\(method) \(path)")
                }
            }
            // A path with GET and POST names both (and HEAD with GET).
            let form = try await browser.request(.delete, "/console/quotes/new")
            #expect(form.status == .methodNotAllowed && form.headers[.allow] == "GET, HEAD, POST")
        }
    }

    @Test("the methods of a path come from the router: every registered route is found")
    func fromRouter() throws {
        let server = try ConsoleFixture.server()
        let router = server.router
        let routes = ServiceRoutes()
        routes.record(router)
        for route in router.routes {
            let path = "\(route.path)".replacingOccurrences(of: "{", with: "").replacingOccurrences(
                of: "}", with: "")
            #expect(routes.methods(forPath: path).contains(route.method), "\(route.method) \(route.path)")
        }
    }
}
