import Foundation
import PriceListLoading
import QuoteCore
import QuoteJSON
import QuoteStore

/// A SQLite store of the service with shipped example cases issued into it, as `--db` reads it.
enum StoreFixture {
    /// Issues `examples` (requested 2026-03-02) into a new store; returns its path and the number
    /// of charge lines issued.
    static func store(_ examples: [String]) async throws -> (path: String, lines: Int) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "store-\(UUID().uuidString).sqlite"
        ).path
        let repository = try SQLiteQuoteRepository(path: path)
        let calculator = QuoteCalculator(
            catalog: try PriceListLoader.loadCatalog(
                directory: CommandLineTests.root.appendingPathComponent("PriceLists").path))
        var lineCount = 0
        for name in examples {
            let text = try String(
                contentsOf: CommandLineTests.root.appendingPathComponent("Examples/\(name).json"),
                encoding: .utf8)
            let serviceCase = try CaseDecoder.decode(text, today: { _ in CivilDate("2026-03-02")! })
            _ = try await repository.issue(
                IssueRequest(
                    serviceCase: serviceCase, issuer: "test", idempotencyKey: nil, requestHash: name),
                engine: calculator)
            lineCount += try calculator.quote(serviceCase).lines.count
        }
        return (path, lineCount)
    }
}
