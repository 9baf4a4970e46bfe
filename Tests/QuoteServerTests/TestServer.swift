import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import QuoteCore
import QuoteServer
import QuoteStore
import QuoteTestSupport

/// API keys of the tests' callers.
enum Key {
    static let desk = "desk-key"
    static let shop = "shop-key"
    static let otherShop = "other-shop-key"
    static let finance = "finance-key"

    static let all = APIKeys([
        desk: Principal(name: "desk-1", role: .serviceCenter),
        shop: Principal(name: "shop", role: .retailer, retailer: "R-100"),
        otherShop: Principal(name: "other-shop", role: .retailer, retailer: "R-200"),
        finance: Principal(name: "finance", role: .finance),
    ])
}

/// A router over an in-memory repository with the stub engine, run through `app.test(.router)`;
/// without a `renderer`, ``PlainPageRenderer``'s plain pages and no documents.
struct TestServer {
    var repo: SQLiteQuoteRepository
    var services: ServerServices

    init(
        today: String = "2026-03-02", renderer: (any QuoteDocumentRendering)? = nil,
        engine: any QuoteComputing = StubEngine()
    ) throws {
        repo = try SQLiteQuoteRepository()
        let date = CivilDate(today)!
        services = ServerServices(
            engine: engine, keys: Key.all, renderer: renderer ?? PlainPageRenderer(),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            today: { _ in date }, publicBaseURL: "https://quotes.test")
    }

    /// The same repository seen on another day.
    func on(_ today: String) -> TestServer {
        var copy = self
        let date = CivilDate(today)!
        copy.services.today = { _ in date }
        return copy
    }

    var router: Router<ServiceRequestContext> { buildRouter(repo: repo, services: services) }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: router).test(.router) { client in try await body(client) }
    }
}

extension TestClientProtocol {
    func call(
        _ method: HTTPRequest.Method, _ uri: String, key: String?, body: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        if let key { fields[.authorization] = "Bearer \(key)" }
        return try await execute(
            uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) })
    }

    /// Issues a case as the service desk (or `key`) and returns the response's JSON.
    func issue(_ json: String, key: String = Key.desk, idempotencyKey: String? = nil) async throws
        -> TestResponse
    {
        var headers: HTTPFields = [:]
        if let idempotencyKey { headers[HTTPField.Name("Idempotency-Key")!] = idempotencyKey }
        return try await call(.post, "/v1/quotes", key: key, body: json, headers: headers)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The top-level JSON object of the body.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

/// The customer link's form bodies of an acceptance: the typed name, the ticked box and the
/// consent sentence the page showed (the plain page's, or a market's `consent.<lang>.yaml`).
enum CustomerForm {
    static func accept(
        name: String = "Anna de Vries", version: String = "plain-en-1", language: String = "en"
    )
        -> String
    {
        let typed = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        return
            "decision=accepted&name=\(typed)&consent=yes&consentVersion=\(version)&consentLanguage=\(language)"
    }

    /// The Dutch page of an NL quote.
    static let acceptDutch = accept(version: "NL-nl-2026-12", language: "nl")
}
