import HTTPTypes
import Hummingbird

extension ConsoleController {
    /// `GET /console/session`: restarts the session's idle time (the "Stay signed in" button of
    /// console.js, WCAG 2.2.1): 204, or 401 when the session has ended. `GET /accessibility`: the
    /// accessibility statement (docs/console.md), linked from the footer of every console and
    /// customer page, signed in or not (``AccessibilityStatement``, which also serves the
    /// console's static files).
    func registerAccessibility(on router: Router<ServiceRequestContext>) {
        router.get("/console/session") { request, _ -> Response in
            var response = Response(
                status: await access.signedIn(request) == nil ? .unauthorized : .noContent)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        AccessibilityStatement(pages: console.pages).register(on: router) { request in
            guard let signedIn = await access.signedIn(request) else { return [:] }
            return access.baseView(signedIn)
        }
    }
}
