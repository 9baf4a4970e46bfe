import Foundation
import PriceListLoading
import QuoteCore
import QuoteStore
import Testing

/// `export --db`: the service's store as the finance input.
@Suite("export --db reads the service's store")
struct StoreExportTests {
    @Test("quotes issued into a store export as one CSV row per charge line; usage errors exit 2")
    func exportFromStore() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "export-\(UUID().uuidString).sqlite"
        ).path
        let repository = try SQLiteQuoteRepository(path: path)
        let calculator = QuoteCalculator(
            catalog: try PriceListLoader.loadCatalog(
                directory: CommandLineTests.root.appendingPathComponent("PriceLists").path))
        var lineCount = 0
        for name in ["nl-out-of-warranty", "pk-free-labor", "us-remorse-refund"] {
            let text = try String(
                contentsOf: CommandLineTests.root.appendingPathComponent("Examples/\(name).json"),
                encoding: .utf8)
            let serviceCase = try CaseDecoder.decode(text, today: { _ in CivilDate("2026-03-02")! })
            let result = try await repository.issue(
                IssueRequest(
                    serviceCase: serviceCase, issuer: "test", idempotencyKey: nil, requestHash: name),
                compute: { (c: ServiceCase) throws(ValidationError) -> Quote in try calculator.quote(c) })
            lineCount += try calculator.quote(serviceCase).lines.count
            #expect(result.issued.record.number.hasSuffix("-000001"))
        }
        let csv = try CommandLineTests.run(["export", "--db", path, "--csv"])
        #expect(csv.status == 0, "\(csv.err)")
        let rows = csv.out.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(rows.count == lineCount + 1)
        #expect(rows.contains { $0.hasPrefix("PK-2026-000001,PK,2026-03-02,out-of-warranty,repair,") })
        let both = try CommandLineTests.run(["export", "some.jsonl", "--db", path])
        #expect(both.status == 2)
        #expect(both.err.contains("give either FILE or --db FILE"))
    }
}
