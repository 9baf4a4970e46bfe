import HTTPTypes
import Hummingbird

extension ConsoleController {
    /// `GET /console/session`: restarts the session's idle time (the "Stay signed in" button of
    /// console.js, WCAG 2.2.1): 204, or 401 when the session has ended. `GET /accessibility`: the
    /// accessibility statement (docs/console.md), linked from the footer of every console and
    /// customer page, signed in or not.
    func registerAccessibility(on router: Router<ServiceRequestContext>) {
        router.get("/console/session") { request, _ -> Response in
            var response = Response(status: await access.signedIn(request) == nil ? .unauthorized : .noContent)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.get("/accessibility") { request, _ -> Response in
            var view: [String: Any] = [:]
            if let signedIn = await access.signedIn(request) { view = access.baseView(signedIn) }
            // The statement is written in English: the page says so in its lang.
            return ConsoleResponse.page(console.pages.render("accessibility", language: "en", view: view))
        }
    }
}
