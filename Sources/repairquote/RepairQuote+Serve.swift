import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuoteCore
import QuoteMailer
import QuoteServer
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
        @Option(help: "Threads for HTTP input and output (default: half the cores, at least 1).")
        var ioThreads = ServerOptions.defaultIOThreads

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
        }

        func run() async throws {
            AllocatorTuning.keepFreedMemory()
            LoggingSystem.bootstrap { ServiceLogHandler(label: $0) }
            var logger = Logger(label: "repairquote.server")
            logger.logLevel = .info
            var options = ServerOptions()
            options.host = host
            options.port = port
            options.publicBaseURL = publicURL
            options.ioThreads = ioThreads
            let apiKeys = try CLIError.guarding {
                do {
                    return try keys.map { try APIKeys.load(file: URL(fileURLWithPath: $0)) } ?? APIKeys([:])
                } catch {
                    throw CLIError.badInput("--keys \(keys ?? ""): \(error)")
                }
            }
            let (engine, documents) = try CLIError.guarding {
                () throws -> (QuoteCalculator, TemplateDocumentRenderer) in
                let catalog = try priceLists.loadCatalog()
                return (
                    QuoteCalculator(catalog: catalog),
                    TemplateDocumentRenderer(renderer: try document.renderer(), catalog: catalog)
                )
            }
            options.today = { [catalog = engine.catalog] in catalog.today(in: $0) }
            let mailer = try CLIError.guarding { try mail.sender(documents: documents, engine: engine) }
            let store = try await database.open()
            if mailer == nil { logger.notice("no --smtp-url: e-mails stay queued in the outbox") }
            let app = buildApplication(
                options, repository: store.repository, engine: engine, keys: apiKeys, renderer: documents,
                mailer: mailer, logger: logger)
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
    }
}
