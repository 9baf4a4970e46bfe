import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuoteCore
import QuoteMailer
import QuoteServer
import QuoteWebhooks
import ServiceLifecycle

extension RepairQuote {
    /// `repairquote serve`: the HTTP service, until SIGTERM or SIGINT (graceful shutdown).
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the quotation HTTP service (see docs/service.md).")

        @Option(help: "Address to listen on.") var host = "127.0.0.1"
        @Option(help: "Port to listen on.") var port = 8080
        /// `--db FILE|URL` (in memory when absent), `--db-password-file`, `--db-pool`.
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var priceLists: PriceListOptions
        @OptionGroup var document: DocumentOptions
        @OptionGroup var mail: ServeMailOptions
        @Option(help: "API keys file (JSON: key → role, retailer id); see Examples/service/keys.sample.json.")
        var keys: String?
        @Option(help: "Public base URL of customer links.") var publicURL: String?
        @Option(help: "Console users file (repairquote users add); turns the web console on at /console.")
        var users: String?
        @Option(help: "Threads for HTTP input and output (default: half the cores, at least 1).")
        var ioThreads = ServerOptions.defaultIOThreads
        @Option(help: "Seconds a connection may take to send its first request head before it is closed.")
        var headerTimeout = 10
        @Option(help: "Seconds an idle kept-alive connection stays open.")
        var idleTimeout = 60
        @Option(help: "Seconds a request's body may take to arrive whole before it is answered 408.")
        var bodyTimeout = 30
        @Option(
            help: ArgumentHelp(
                "A proxy (address or CIDR block) whose X-Forwarded-For names the customer's address; repeatable.",
                valueName: "CIDR"))
        var trustedProxy: [String] = []
        @Flag(
            help:
                "Accept http webhook URLs and private, loopback and link-local addresses (tests and closed networks only)."
        )
        var webhooksAllowInsecure = false

        func validate() throws {
            guard (1...65535).contains(port) else {
                throw ArgumentParser.ValidationError("--port must be 1 to 65535")
            }
            guard (1...256).contains(ioThreads) else {
                throw ArgumentParser.ValidationError("--io-threads must be 1 to 256")
            }
            guard (1...1024).contains(database.dbPool) else {
                throw ArgumentParser.ValidationError("--db-pool must be 1 to 1024")
            }
            guard (1...3600).contains(headerTimeout) else {
                throw ArgumentParser.ValidationError("--header-timeout must be 1 to 3600 seconds")
            }
            guard (1...86400).contains(idleTimeout) else {
                throw ArgumentParser.ValidationError("--idle-timeout must be 1 to 86400 seconds")
            }
            guard (1...3600).contains(bodyTimeout) else {
                throw ArgumentParser.ValidationError("--body-timeout must be 1 to 3600 seconds")
            }
            if let bad = trustedProxy.first(where: { IPNetwork($0) == nil }) {
                throw ArgumentParser.ValidationError(
                    "--trusted-proxy \(bad): expected an address or CIDR block")
            }
        }

        /// The service's options from the command line (`today` is set once the price lists are read).
        var serverOptions: ServerOptions {
            var options = ServerOptions()
            options.host = host
            options.port = port
            options.publicBaseURL = publicURL
            options.ioThreads = ioThreads
            options.headerTimeout = .seconds(headerTimeout)
            options.idleTimeout = .seconds(idleTimeout)
            options.bodyTimeout = .seconds(bodyTimeout)
            options.trustedProxies = trustedProxy.compactMap(IPNetwork.init)
            options.webhooks.policy = EndpointURLPolicy(allowInsecure: webhooksAllowInsecure)
            return options
        }

        func run() async throws {
            AllocatorTuning.keepFreedMemory()
            LoggingSystem.bootstrap { ServiceLogHandler(label: $0) }
            var logger = Logger(label: "repairquote.server")
            logger.logLevel = .info
            var options = serverOptions
            let apiKeys = try loadKeys()
            let (engine, documents) = try CLIError.guarding {
                () throws -> (QuoteCalculator, TemplateDocumentRenderer) in
                let catalog = try priceLists.loadCatalog()
                let renderer = try document.renderer()
                return (
                    QuoteCalculator(catalog: catalog),
                    TemplateDocumentRenderer(
                        renderer: renderer, catalog: catalog, pdf: try document.pdfRenderer(renderer))
                )
            }
            options.catalog = engine.catalog
            options.console = try CLIError.guarding {
                try console(documents: documents, catalog: engine.catalog)
            }
            // The customer pages' footer links to the statement, console or not.
            if options.console == nil { options.statement = try statement() }
            options.today = { [catalog = engine.catalog] in catalog.today(in: $0) }
            let mailer = try CLIError.guarding { try mail.sender(documents: documents, engine: engine) }
            let store = try await database.open(pool: .serviceGroup)
            if mailer == nil { logger.notice("no --smtp-url: e-mails stay queued in the outbox") }
            if webhooksAllowInsecure {
                logger.warning(
                    "--webhooks-allow-insecure: webhooks may go to http URLs and private, loopback and link-local addresses"
                )
            }
            var app = buildApplication(
                options, repository: store.repository, engine: engine, keys: apiKeys, renderer: documents,
                mailer: mailer, logger: logger)
            // A PostgreSQL pool runs as a service of the application, first: the application
            // shuts its services down in reverse order, so the outbox sender and the server stop
            // before the pool they use.
            app.services.insert(contentsOf: store.services, at: 0)
            if let users { logger.info("console on at /console", metadata: ["users": "\(users)"]) }
            let group = ServiceGroup(
                configuration: .init(
                    services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            do {
                try await group.run()
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }

        /// The API keys of `--keys` (none without it); a bad file is exit 2 naming it.
        func loadKeys() throws -> APIKeys {
            try CLIError.guarding {
                do {
                    return try keys.map { try APIKeys.load(file: URL(fileURLWithPath: $0)) } ?? APIKeys([:])
                } catch {
                    throw CLIError.badInput("--keys \(keys ?? ""): \(error)")
                }
            }
        }

        /// The accessibility statement of a service without the console, from the templates.
        func statement() throws -> AccessibilityStatement {
            try CLIError.guarding {
                do {
                    return try AccessibilityStatement(
                        templatesDirectory: URL(fileURLWithPath: document.folder()),
                        documentStylesheet: try document.renderer().documentStylesheet)
                } catch let error as CLIError {
                    throw error
                } catch {
                    throw CLIError.badInput("templates: \(error)")
                }
            }
        }

        /// The console of `--users`, or nil.
        func console(documents: TemplateDocumentRenderer, catalog: PriceListCatalog) throws
            -> ConsoleConfiguration?
        {
            guard let users else { return nil }
            do {
                let file = try UsersFile.load(file: URL(fileURLWithPath: users))
                return try ConsoleConfiguration(
                    users: file, catalog: catalog, documents: try document.renderer(),
                    templatesDirectory: URL(fileURLWithPath: document.folder()),
                    secureCookies: publicURL?.lowercased().hasPrefix("https://") ?? false)
            } catch let error as CLIError {
                throw error
            } catch {
                throw CLIError.badInput("--users: \(error)")
            }
        }
    }
}
