import HTTPTypes
@_spi(Internal) import Hummingbird
import Synchronization

/// The paths of the service and their methods, read from the router once every controller has
/// registered its routes (one list: the router's): what a `405` names in `Allow`. A path is
/// resolved by Hummingbird's own trie (`RouterTrie`, the router's matching: a fixed segment wins
/// over a parameter, so `/v1/quotes/preview` is not `/v1/quotes/{number}`), built from
/// `router.routes`. A path with GET also takes HEAD (the router answers HEAD as GET without the
/// body).
final class ServiceRoutes: Sendable {
    /// The methods of each registered path, in the router's order.
    struct Methods: Sendable {
        var methods: [HTTPRequest.Method]
    }

    private let trie = Mutex<RouterTrie<Methods>?>(nil)

    init() {}

    /// Takes the router's routes; called by ``buildRouter(repo:services:)`` after the last route.
    func record(_ router: Router<some RequestContext>) {
        var paths: [RouterPath] = []
        var methods: [String: [HTTPRequest.Method]] = [:]
        for route in router.routes {
            let key = "\(route.path)"
            if methods[key] == nil { paths.append(route.path) }
            if !(methods[key]?.contains(route.method) ?? false) {
                methods[key, default: []].append(route.method)
            }
        }
        let builder = RouterPathTrieBuilder<Methods>()
        for path in paths { builder.addEntry(path, value: Methods(methods: methods["\(path)"] ?? [])) }
        let built = builder.build()
        trie.withLock { $0 = built }
    }

    /// The methods of the route a path resolves to, as the router resolves it; empty when no route
    /// has this path. `GET` brings `HEAD` with it.
    func methods(forPath path: String) -> [HTTPRequest.Method] {
        guard let found = trie.withLock({ $0 })?.resolve(path) else { return [] }
        var methods = found.value.methods
        if let get = methods.firstIndex(of: .get), !methods.contains(.head) {
            methods.insert(.head, at: get + 1)
        }
        return methods
    }
}
