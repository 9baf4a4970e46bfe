import Foundation
import QuoteCore
import Testing

@testable import QuoteBench
@testable import QuoteStore

/// `store verify` walks the chains in pages of ``ChainPage/size`` quotes in number order (byte
/// order); on PostgreSQL through the `(market, number) COLLATE "C"` index, each page's events
/// looked up by their quotes' numbers.
@Suite("store verify over several pages of quotes in many markets (each store)")
struct ChainPagesTests {
    @Test(
        "every quote and event of a 4,500-quote store is checked once; a fault on the last page is the one named",
        arguments: StoreKind.allCases)
    func severalPages(kind: StoreKind) async throws {
        let filler = StoreFiller(catalog: SearchIndexTests.catalog, seed: 3)
        try await kind.with { store in
            _ = try await filler.fill(store.repo, count: 4_500)
            let quotes = Int(try await store.strings("SELECT count(*) FROM quotes")[0])!
            let events = Int(try await store.strings("SELECT count(*) FROM quote_events")[0])!
            #expect(quotes > 2 * ChainPage.size)
            #expect(
                try await store.repo.verifyChains()
                    == ChainVerification(quotes: quotes, events: events, fault: nil))

            let numbers = try await store.strings("SELECT number FROM quotes").sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
            let last = numbers[numbers.count - 1]
            try await EventLogContractTests.liftTriggers(store, kind)
            try await store.execute(
                "UPDATE quote_events SET actor_name = 'someone else' WHERE quote_number = '\(last)' AND seq = 1"
            )
            let verified = try await store.repo.verifyChains()
            #expect(verified.fault?.quoteNumber == last)
            #expect(verified.fault?.sequence == 1)
            #expect(verified.quotes == quotes)
        }
    }
}
