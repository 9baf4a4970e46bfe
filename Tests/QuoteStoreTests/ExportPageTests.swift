import Foundation
import QuoteCore
import Testing

@testable import QuoteBench
@testable import QuoteStore

/// The finance commands read a store through ``QuoteRepository/exportPage(after:today:zones:limit:)``
/// a page at a time: every quote once, in market and number order, whatever the page size.
@Suite("the export, a page at a time (each store)")
struct ExportPageTests {
    @Test(
        "pages of 7 give every quote once, in market and number order, and end with an empty page",
        arguments: StoreKind.allCases)
    func pagesCoverTheStore(kind: StoreKind) async throws {
        let filler = StoreFiller(catalog: SearchIndexTests.catalog, seed: 5)
        let today = CivilDate("2026-12-08")!
        try await kind.with { store in
            _ = try await filler.fill(store.repo, count: 40)
            var after: ExportKey?
            var keys: [ExportKey] = []
            var pages = 0
            while true {
                let page = try await store.repo.exportPage(after: after, today: today, zones: [:], limit: 7)
                guard let last = page.last else {
                    #expect(page.lines.isEmpty)
                    break
                }
                pages += 1
                #expect(page.lines.count <= 7)
                #expect(page.lines.allSatisfy { $0.hasPrefix(#"{"case":"#) && $0.hasSuffix("}\n") })
                for line in page.lines {
                    let quote = try #require(line.firstMatch(of: /"number":"([A-Z]{2})-(\d{4}-\d{6})"/))
                    keys.append(ExportKey(market: String(quote.1), number: "\(quote.1)-\(quote.2)"))
                }
                #expect(keys.last == last)
                after = last
            }
            let numbers = try await store.strings("SELECT number FROM quotes")
            #expect(keys.count == numbers.count && keys.count >= 40)
            #expect(Set(keys.map(\.number)) == Set(numbers))
            let order = keys.map { Array($0.market.utf8) + [0] + Array($0.number.utf8) }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
            #expect(pages == (keys.count + 6) / 7)
        }
    }
}
