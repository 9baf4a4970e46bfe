import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import QuoteCore
import QuoteStore
import QuoteWebhooks
import ServiceLifecycle

/// How `repairquote serve` runs the service.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var publicBaseURL: String?
    /// Threads that read, parse and write HTTP (SwiftNIO event loops); handlers run on Swift's
    /// concurrency pool beside them. The default, half the cores (at least one), measured best:
    /// see docs/benchmarks.md.
    public var ioThreads = ServerOptions.defaultIOThreads
    public static var defaultIOThreads: Int { max(1, System.coreCount / 2) }
    /// A connection's first request head must be complete within this (else it is closed).
    public var headerTimeout: Duration = .seconds(10)
    /// A kept-alive connection with no request for this long is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// A request's body must arrive whole within this of its head, else 408 and the connection is
    /// closed (``BodyDeadlineHandler``).
    public var bodyTimeout: Duration = .seconds(30)
    /// The largest request head, else 414 or 431 (``HeadLimitHandler``).
    public var headLimits = HeadLimits()
    /// Today in a market (cases without a request date, link expiry); UTC when not set.
    public var today: (@Sendable (MarketCode) -> CivilDate)?
    /// The web console (`--users`).
    public var console: ConsoleConfiguration?
    /// The accessibility statement at `/accessibility` when the console is off (the console
    /// serves it itself).
    public var statement: AccessibilityStatement?
    public var catalog: PriceListCatalog?
    /// Proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`).
    public var trustedProxies: [IPNetwork] = []
    /// Webhook registration and sending (`--webhooks-allow-insecure` relaxes its policy).
    public var webhooks = WebhookSettings()
    public init() {}
}

extension ServerOptions {
    /// The request head's limits: the request line and the header fields together at most
    /// `totalBytes` (one field at most `fieldBytes`), and at most `fieldCount` fields.
    public struct HeadLimits: Sendable, CustomStringConvertible {
        public var totalBytes = 80 * 1024
        public var fieldBytes = 80 * 1024
        public var fieldCount = 1000
        public init() {}

        public var description: String {
            "\(totalBytes / 1024) KiB for the request line and headers, \(fieldCount) header fields"
        }
    }
}

/// The application over an open repository of either store (`repairquote serve` opens it from
/// `--db`), plus the outbox sender when a mailer is given.
public func buildApplication(
    _ options: ServerOptions, repository repo: some QuoteRepository, engine: any QuoteComputing,
    keys: APIKeys,
    renderer: any QuoteDocumentRendering,
    mailer: (any MailSending)? = nil, logger: Logger = Logger(label: "repairquote.server")
) -> Application<RouterResponder<ServiceRequestContext>> {
    let baseURL = options.publicBaseURL ?? "http://\(options.host):\(options.port)"
    var services = ServerServices(
        engine: engine, keys: keys, renderer: renderer, logger: logger, publicBaseURL: baseURL)
    if let today = options.today { services.today = today }
    services.console = options.console
    services.statement = options.statement
    services.catalog = options.catalog
    services.trustedProxies = options.trustedProxies
    services.webhooks = options.webhooks
    services.mailerConfigured = mailer != nil
    var app = Application(
        router: buildRouter(repo: repo, services: services), server: options.httpServer,
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "repairquote"),
        eventLoopGroupProvider: .shared(IOThreads.group(of: options.ioThreads)),
        logger: logger)
    if let console = options.console {
        // Removes expired sessions and throttle counts from the store every ten minutes.
        app.addServices(StorePersistDriver(store: repo, now: console.now))
    }
    app.addServices(
        WebhookSender(
            repo: repo, services: services, deliverer: WebhookDeliverer(policy: options.webhooks.policy)))
    app.addServices(ExpirySweep(repo: repo, services: services))
    if let mailer {
        app.addServices(OutboxSender(repo: repo, mailer: mailer, publicBaseURL: baseURL, logger: logger))
    }
    return app
}

/// Every route of the service, over any repository (tests pass an in-memory one).
public func buildRouter(
    repo: some QuoteRepository, services: ServerServices
) -> Router<ServiceRequestContext> {
    // HEAD on every GET route answers as GET, without the body (ObservabilityMiddleware drops it).
    let router = Router(context: ServiceRequestContext.self, options: .autoGenerateHeadEndpoints)
    let routes = ServiceRoutes()
    router.add(middleware: ObservabilityMiddleware(metrics: services.metrics, logger: services.logger))
    router.add(middleware: ErrorMiddleware(logger: services.logger, routes: routes))
    router.get("/health") { _, _ in JSONBody.response(text: #"{"status":"ok"}"#) }
    router.get("/metrics") { _, _ in
        JSONBody.text(services.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
    Favicon.register(on: router)
    router.get("/openapi.yaml") { _, _ in
        JSONBody.text(OpenAPIDocument.text, contentType: "application/yaml; charset=utf-8")
    }
    let desk = QuoteDesk(repo: repo, services: services)
    // The API: an API key identifies the caller (the handlers ask the permission table).
    let v1 = router.group("/v1").add(middleware: APIKeyAuthenticator(keys: services.keys))
    QuotesController(desk: desk).register(on: v1)
    EventsController(desk: desk).register(on: v1)
    DecisionsController(desk: desk).register(on: v1, pages: router)
    LifecycleController(desk: desk).register(on: v1)
    EmailController(desk: desk).register(on: v1)
    CustomerLinkController(desk: desk).register(on: v1)
    WebhooksController(desk: desk).register(on: v1)
    let access = services.console.map {
        ConsoleAccess(console: $0.keeping(sessionsIn: repo), logger: services.logger)
    }
    if let catalog = services.catalog ?? services.console?.catalog {
        CatalogController(catalog: catalog, services: services, access: access).register(on: router)
    }
    if let access {
        // Before the console's routes: a router middleware wraps the routes added after it.
        router.add(middleware: ConsoleErrorPages(access: access, routes: routes))
        let group = router.group("/console").add(middleware: ConsoleSessionAuthenticator(access: access))
        ConsoleController(access: access).register(on: router, console: group)
        ConsoleQuotesController(desk: desk, access: access).register(on: group)
        ConsoleReportsController(desk: desk, access: access).register(on: group)
    } else if let statement = services.statement {
        statement.register(on: router)
    }
    routes.record(router)
    return router
}

/// `docs/openapi.yaml`, bundled with the target.
public enum OpenAPIDocument {
    public static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "openapi: 3.1.0\n" }
        return text
    }()
}
