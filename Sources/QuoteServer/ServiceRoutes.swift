import HTTPTypes

/// The paths of the service and their methods, as the controllers register them: what a `405`
/// names in `Allow`, and what the OpenAPI test checks the document against.
enum ServiceRoutes {
    static let all: [(method: HTTPRequest.Method, path: String)] = [
        (.get, "/health"), (.get, "/metrics"), (.get, "/openapi.yaml"), (.get, "/v1/catalog/{market}"),
        (.post, "/v1/quotes/preview"), (.post, "/v1/quotes"), (.get, "/v1/quotes"),
        (.get, "/v1/quotes/{number}"), (.post, "/v1/quotes/{number}/decision"),
        (.post, "/v1/quotes/{number}/email"), (.post, "/v1/quotes/{number}/revise"),
        (.post, "/v1/quotes/{number}/void"), (.post, "/v1/quotes/{number}/customer-link"), (.get, "/q/{token}"), (.post, "/q/{token}"),
    ]

    /// The methods of the route a path resolves to, as the router resolves it: a fixed segment
    /// wins over a parameter (`/v1/quotes/preview` is not `/v1/quotes/{number}`). Empty when no
    /// route has this path.
    static func methods(forPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (fixed: Int, methods: [HTTPRequest.Method]) = (-1, [])
        for route in all {
            let template = route.path.split(separator: "/")
            guard template.count == segments.count,
                zip(template, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 })
            else { continue }
            let fixed = template.filter { !$0.hasPrefix("{") }.count
            if fixed > best.fixed {
                best = (fixed, [route.method])
            } else if fixed == best.fixed {
                best.methods.append(route.method)
            }
        }
        return best.methods
    }
}
