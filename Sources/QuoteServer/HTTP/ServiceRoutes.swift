import HTTPTypes
import Hummingbird
import Synchronization

/// The paths of the service and their methods, read from the router once every controller has
/// registered its routes (one list: the router's): what a `405` names in `Allow`. A path with GET
/// also takes HEAD (the router answers HEAD as GET without the body).
final class ServiceRoutes: Sendable {
    private let routes = Mutex<[(method: HTTPRequest.Method, path: String)]>([])

    init() {}

    /// Takes the router's routes; called by ``buildRouter(repo:services:)`` after the last route.
    func record(_ router: Router<some RequestContext>) {
        let found = router.routes.map { (method: $0.method, path: "\($0.path)") }
        routes.withLock { $0 = found }
    }

    /// The methods of the route a path resolves to, as the router resolves it: a fixed segment
    /// wins over a parameter (`/v1/quotes/preview` is not `/v1/quotes/{number}`). Empty when no
    /// route has this path. `GET` brings `HEAD` with it.
    func methods(forPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (fixed: Int, methods: [HTTPRequest.Method]) = (-1, [])
        for route in routes.withLock({ $0 }) {
            let template = route.path.split(separator: "/")
            guard template.count == segments.count,
                zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0.hasPrefix(":") || $0 == $1 })
            else { continue }
            let fixed = template.filter { !$0.hasPrefix("{") && !$0.hasPrefix(":") }.count
            if fixed > best.fixed {
                best = (fixed, [route.method])
            } else if fixed == best.fixed, !best.methods.contains(route.method) {
                best.methods.append(route.method)
            }
        }
        if best.methods.contains(.get), !best.methods.contains(.head) {
            best.methods.insert(.head, at: best.methods.firstIndex(of: .get)! + 1)
        }
        return best.methods
    }
}
