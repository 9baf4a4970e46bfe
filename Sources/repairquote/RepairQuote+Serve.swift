import ArgumentParser
import Foundation
import Hummingbird
import Logging
import QuoteCore
import QuoteServer
import ServiceLifecycle

extension RepairQuote {
    /// `repairquote serve`: the HTTP service, until SIGTERM or SIGINT (graceful shutdown).
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the quotation HTTP service (see docs/service.md).")

        @Option(help: "Address to listen on.") var host = "127.0.0.1"
        @Option(help: "Port to listen on.") var port = 8080
        @Option(help: "SQLite database file (created if missing); in memory when absent.") var db: String?
        @OptionGroup var priceLists: PriceListOptions
        @Option(help: "Template folder for quote documents.") var templates: String?
        @Option(help: "API keys file (JSON: key → role, retailer id); see Examples/keys.sample.json.")
        var keys: String?
        @Option(help: "Public base URL of customer links.") var publicURL: String?

        func validate() throws {
            guard (1...65535).contains(port) else {
                throw ArgumentParser.ValidationError("--port must be 1 to 65535")
            }
        }

        func run() async throws {
            var logger = Logger(label: "repairquote.server")
            logger.logLevel = .info
            var options = ServerOptions()
            options.host = host
            options.port = port
            options.databasePath = db
            options.publicBaseURL = publicURL
            let apiKeys = try keys.map { try APIKeys.load(file: URL(fileURLWithPath: $0)) } ?? APIKeys([:])
            let engine = try CLIError.guarding { QuoteCalculator(catalog: try priceLists.loadCatalog()) }
            let app = try buildApplication(options, engine: engine, keys: apiKeys, logger: logger)
            let group = ServiceGroup(
                configuration: .init(
                    services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}
