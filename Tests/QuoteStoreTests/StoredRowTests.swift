import Foundation
import QuoteCore
import QuoteJSON
import QuoteTestSupport
import Testing

@testable import QuoteStore

@Suite("stored rows: typed once, the consumer total kept (each store)")
struct StoredRowTests {
    /// The consumer's gross total as the stored quote JSON has it, e.g. "PKR 2500.00".
    static func totalInJSON(_ record: QuoteRecord) -> String? {
        ConsumerTotal.text(quoteJSON: record.quoteJSON)
    }

    @Test(
        "an issued quote's consumer total is stored, read back and listed as its JSON gives it",
        arguments: StoreKind.allCases)
    func consumerTotalStored(kind: StoreKind) async throws {
        try await kind.with { store in
            let issued = try await Store.issue(store.repo, Fixtures.pakistanRepair()).issued.record
            let expected = try #require(Self.totalInJSON(issued))
            #expect(issued.consumerTotal?.description == expected)
            #expect(try await store.repo.quote(number: issued.number)?.consumerTotal?.description == expected)
            #expect(
                try await store.repo.list(QuoteQuery()).quotes.map(\.consumerTotal?.description) == [expected]
            )
            #expect(try await store.strings("SELECT consumer_total FROM quotes") == [expected])
        }
    }

    @Test(
        "v5-consumer-total back-fills the quotes stored before it from their quote JSON",
        arguments: StoreKind.allCases)
    func backfill(kind: StoreKind) async throws {
        let store = try await kind.make()
        let first = try await Store.issue(store.repo, Fixtures.pakistanRepair()).issued.record
        let second = try await Store.issue(store.repo, Fixtures.pakistanRepair(imei: Fixtures.imei(2)))
            .issued.record
        // The store as it was before the migration: no column, the migration not applied.
        try await store.execute("ALTER TABLE quotes DROP COLUMN consumer_total")
        try await store.execute(
            store.sqlite != nil
                ? "DELETE FROM grdb_migrations WHERE identifier = 'v5-consumer-total'"
                : "DELETE FROM schema_migrations WHERE name = 'v5-consumer-total'")
        let reopened = try await store.reopen()
        defer { Task { await reopened.close() } }
        let totals = try await reopened.repo.list(QuoteQuery()).quotes.map(\.consumerTotal?.description)
        #expect(totals == [Self.totalInJSON(first), Self.totalInJSON(second)])
        #expect(totals.allSatisfy { $0 != nil })
    }

    @Test("a row whose coverage status does not convert is an error naming the quote, not a default")
    func unconvertibleRow() async throws {
        let store = try await StoreKind.sqlite.make(inMemory: true)
        let issued = try await Store.issue(store.repo, Fixtures.pakistanRepair()).issued.record
        try await store.execute("DROP TRIGGER quotes_immutable")
        try await store.execute("UPDATE quotes SET coverage_status = 'in-warantee'")
        await #expect(
            throws: StoredRowError(quote: issued.number, column: "coverage_status", value: "in-warantee")
        ) {
            _ = try await store.repo.quote(number: issued.number)
        }
        #expect(
            StoredRowError(quote: issued.number, column: "coverage_status", value: "in-warantee").description
                == "quote PK-2026-000001: stored coverage_status \"in-warantee\" is not valid")
    }

    @Test("the list filter is written once: SQLite's ? and PostgreSQL's $n render the same clauses")
    func listFilterPlaceholders() {
        var query = QuoteQuery(
            market: "NL", status: "accepted", from: "2026-03-01", issuer: "desk-1", limit: 20)
        query.text = "anna"
        let filter = QuoteListFilter(query, index: .pgTrigram)
        var questionMarks = "", numbered = "", values: [QuoteListFilter.Value] = []
        filter.render(literal: { questionMarks += $0 }) { value in
            questionMarks += "?"
            values.append(value)
        }
        filter.render(literal: { numbered += $0 }) { _ in
            numbered += "$\(numbered.filter { $0 == "$" }.count + 1)"
        }
        #expect(
            questionMarks
                == "WHERE q.id > ? AND q.market = ? AND q.issue_date >= ? AND q.issuer = ? AND q.search_text LIKE ? "
                + "ESCAPE '\\' AND COALESCE(d.decision, 'issued') = ? ORDER BY q.id ASC LIMIT ?")
        #expect(numbered.contains("q.id > $1 AND q.market = $2") && numbered.hasSuffix("LIMIT $7"))
        #expect(
            values == [
                .integer(0), .text("NL"), .text("2026-03-01"), .text("desk-1"),
                .text(SearchColumns.pattern("anna")), .text("accepted"), .integer(21),
            ])
    }
}
