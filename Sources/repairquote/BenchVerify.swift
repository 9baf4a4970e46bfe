import ArgumentParser
import Dispatch
import Foundation
import QuoteCore
import QuoteStore

/// `repairquote bench verify --quotes N`: the time `store verify` takes over N quotes with their
/// events (docs/benchmarks.md). Fills a new SQLite store (or PostgreSQL with --db URL, an empty
/// database) with N quotes issued from the example cases, a quarter of them decided, then walks
/// every chain three times and prints the best.
struct BenchVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Seconds `store verify` takes over N quotes and their events.")

    @Option(help: "How many quotes to issue before verifying.") var quotes = 100_000
    @Option(help: "Folder of example cases to cycle through.") var examples = "Examples"
    @Option(
        help: ArgumentHelp(
            "An empty PostgreSQL database to fill (default: a new SQLite file).", valueName: "URL"))
    var db: String?
    @OptionGroup var priceLists: PriceListOptions

    func validate() throws {
        guard quotes > 0 else { throw ValidationError("--quotes must be positive") }
    }

    func run() async throws {
        let catalog = try CLIError.guarding { try priceLists.loadCatalog() }
        let engine = QuoteCalculator(catalog: catalog)
        // Cases that grant no one-time benefit: the same device may then be quoted any number of times.
        let cases = try CLIError.guarding { try BenchQuotes.loadCases(from: examples, catalog: catalog) }
            .filter {
                (try? engine.quote($0))?.coverage.benefitsGranted.isEmpty == true
            }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bench-verify-\(UUID()).sqlite"
        ).path
        let store = try await DatabaseOptions(db: db ?? path).open()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repository = store.repository
        let fill = DispatchTime.now().uptimeNanoseconds
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<64 {
                group.addTask {
                    for index in stride(from: worker, to: quotes, by: 64) {
                        let issued = try await repository.issue(
                            IssueRequest(
                                serviceCase: cases[index % cases.count], issuer: "bench", idempotencyKey: nil,
                                requestHash: String(index), checksBenefits: false),
                            engine: engine
                        ).issued.record
                        guard index % 4 == 0 else { continue }
                        _ = try await repository.decide(
                            DecisionRequest(
                                number: issued.number, decision: .accepted, decidedBy: "bench",
                                finalJSON: #"{"lines":[]}"#, role: "service-center", channel: "phone"))
                    }
                }
            }
            try await group.waitForAll()
        }
        let filled = Double(DispatchTime.now().uptimeNanoseconds - fill) / 1e9
        var best = Double.infinity
        var verification: ChainVerification?
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            verification = try await repository.verifyChains()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        await store.close()
        guard let verification, verification.fault == nil else {
            throw CLIError.badInput(
                "bench verify: the filled store does not verify: \(String(describing: verification?.fault))")
        }
        print(
            "verify: \(verification.quotes) quotes, \(verification.events) events (\(db == nil ? "SQLite" : "PostgreSQL"); filled in \(String(format: "%.1f", filled)) s)\n"
                + "  best of 3: \(String(format: "%.3f", best)) s = \(Int(Double(verification.quotes) / best)) quotes/s"
        )
    }
}
