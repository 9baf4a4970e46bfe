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
        let (path, lineCount) = try await StoreFixture.store([
            "nl-out-of-warranty", "pk-free-labor", "us-remorse-refund",
        ])
        let csv = try CommandLineTests.run(["export", "--db", path, "--csv"])
        #expect(csv.status == 0, "\(csv.err)")
        let rows = csv.out.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(rows.count == lineCount + 1)
        #expect(rows.contains { $0.hasPrefix("PK-2026-000001,PK,2026-03-02,out-of-warranty,repair,") })
        let both = try CommandLineTests.run(["export", "some.jsonl", "--db", path])
        #expect(both.status == 2)
        #expect(both.err.contains("give either FILE or --db FILE"))
    }

    @Test("reprice --db: the store's quotes repriced on their own request date change by nothing")
    func repriceFromStore() async throws {
        let (path, _) = try await StoreFixture.store(["nl-out-of-warranty", "pk-free-labor", "hk-doa-swap"])
        let result = try CommandLineTests.run([
            "reprice", "--db", path, "--on", "2026-03-02", "--summary", "--csv",
        ])
        #expect(result.status == 0, "\(result.err)")
        let rows = result.out.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(
            rows.dropFirst().map { "\($0[0]) \($0[2]) \($0[3]) \($0[8])" } == [
                "HK 1 0 0.00", "NL 1 0 0.00", "PK 1 0 0.00",
            ])
        let text = try CommandLineTests.run(["reprice", "--db", path, "--on", "2026-03-02"])
        #expect(text.out.contains("NL-2026-000001: consumer "))
        #expect(text.out.contains("(+0.00) [2026.1 → 2026.1]"))
    }
}
