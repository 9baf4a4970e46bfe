import Foundation
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

/// The console's list filters on each store: a model in the search, market and date range, and
/// the order by the consumer total.
@Suite("the quote list's filters and orders (each store)")
struct ListContractTests {
    /// An NL case of `model`, asked for on `day`, with `quantity` displays (the stub engine: labour
    /// 39.00 + 100.00 a display, paid by the customer out of warranty, by the manufacturer in it).
    static func dutch(
        model: String = "Xiaomi 12 Pro", day: String = "2026-03-02", quantity: Int = 1,
        inWarranty: Bool = false
    ) -> String {
        Fixtures.dutchRepair(
            imei: Fixtures.imei(quantity * 10 + day.count), requestDate: day, inWarranty: inWarranty
        )
        .replacingOccurrences(of: "Xiaomi 12 Pro", with: model)
        .replacingOccurrences(of: #""quantity": 1"#, with: #""quantity": \#(quantity)"#)
    }

    @Test("a search finds a model by part of its name, in any case", arguments: StoreKind.allCases)
    func modelSearch(kind: StoreKind) async throws {
        try await kind.with { store in
            let redmi = try await Store.issue(store.repo, Self.dutch(model: "Redmi Note 13")).issued.record
            try await Store.issue(store.repo, Self.dutch())
            var query = QuoteQuery()
            query.text = "redmi"
            #expect(try await store.repo.list(query).quotes.map(\.number) == [redmi.number])
            query.text = "NOTE 13"
            #expect(try await store.repo.list(query).quotes.map(\.model) == ["Redmi Note 13"])
            query.text = "12 pro"
            #expect(try await store.repo.list(query).quotes.count == 1)
        }
    }

    @Test("market and issue-date range filter the list", arguments: StoreKind.allCases)
    func marketAndDates(kind: StoreKind) async throws {
        try await kind.with { store in
            let early = try await Store.issue(store.repo, Self.dutch(day: "2026-02-10")).issued.record
            let late = try await Store.issue(store.repo, Self.dutch(day: "2026-03-01", quantity: 2)).issued
                .record
            let pakistan = try await Store.issue(store.repo, Fixtures.pakistanRepair()).issued.record
            func numbers(_ market: String?, _ from: String?, _ to: String?) async throws -> [String] {
                var query = QuoteQuery(market: market, from: from, to: to)
                query.newestFirst = true
                return try await store.repo.list(query).quotes.map(\.number)
            }
            #expect(try await numbers("NL", nil, nil) == [late.number, early.number])
            #expect(try await numbers(nil, "2026-02-11", nil) == [pakistan.number, late.number])
            #expect(try await numbers(nil, nil, "2026-03-01") == [late.number, early.number])
            #expect(try await numbers("NL", "2026-02-10", "2026-02-10") == [early.number])
            #expect(try await numbers("PK", nil, "2026-02-28").isEmpty)
        }
    }

    @Test(
        "by total: highest or lowest first within a currency, newest first among equals, paged by offset",
        arguments: StoreKind.allCases)
    func totalOrder(kind: StoreKind) async throws {
        try await kind.with { store in
            let one = try await Store.issue(store.repo, Self.dutch(quantity: 1)).issued.record  // EUR 139.00
            // EUR 1039.00
            let ten = try await Store.issue(store.repo, Self.dutch(quantity: 10)).issued.record
            let free = try await Store.issue(store.repo, Self.dutch(quantity: 3, inWarranty: true)).issued
                .record
            // EUR 339.00
            let three = try await Store.issue(store.repo, Self.dutch(quantity: 3)).issued.record
            var query = QuoteQuery(market: "NL", limit: 10)
            query.totalOrder = .highestFirst
            let highest = try await store.repo.list(query).quotes
            #expect(highest.map(\.number) == [ten.number, three.number, one.number, free.number])
            #expect(highest.first?.consumerTotal?.minorUnits == 103_900)
            query.totalOrder = .lowestFirst
            #expect(
                try await store.repo.list(query).quotes.map(\.number)
                    == [free.number, one.number, three.number, ten.number])
            query.limit = 3
            query.offset = 2
            let second = try await store.repo.list(query)
            #expect(second.quotes.map(\.number) == [three.number, ten.number])
            #expect(second.nextAfter == nil)
            query.offset = 0
            #expect(try await store.repo.list(query).nextAfter != nil)
        }
    }
}
