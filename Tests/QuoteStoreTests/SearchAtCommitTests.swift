import Foundation
import GRDB
import QuoteCore
import QuoteTestSupport
import Testing

@testable import QuoteStore

/// Since `v12-search-at-commit` the SQLite store adds a transaction's new quotes to its FTS5 table
/// in one statement at the transaction's end (``SearchIndex/indexingNewQuotes(_:_:)``), not by a
/// trigger per insert: every issued quote is still found, whatever the batch it was written in.
@Suite("SQLite's text index, written at the end of each transaction")
struct SearchAtCommitTests {
    @Test("concurrent issues in shared transactions, a refused one among them: the index matches the quotes")
    func concurrentIssuesAreIndexed() async throws {
        let repo = try SQLiteQuoteRepository()
        _ = try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(1)), key: "taken")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 2...41 {
                group.addTask {
                    _ = try await Store.issue(
                        repo, Fixtures.dutchRepair(imei: Fixtures.imei(n)), key: "k-\(n)")
                }
            }
            group.addTask {
                await #expect(throws: StoreError.idempotencyKeyReused) {
                    try await Store.issue(repo, Fixtures.dutchRepair(imei: Fixtures.imei(99)), key: "taken")
                }
            }
            try await group.waitForAll()
        }
        let (quotes, indexed, triggers) = try await repo.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM quotes") ?? 0,
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM quotes q JOIN quotes_search f ON f.rowid = q.id") ?? 0,
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'")
            )
        }
        #expect(quotes == 41)
        #expect(indexed == 41)
        #expect(!triggers.contains("quotes_search_insert"))
        // FTS5's own check of an external-content index against its table: an error when any
        // quote is missing from the index or indexed twice.
        try await repo.writer.write { db in
            try db.execute(
                sql: "INSERT INTO quotes_search (quotes_search, rank) VALUES ('integrity-check', 1)")
        }
        for n in [2, 23, 41] {
            var query = QuoteQuery(limit: 5)
            query.text = Fixtures.imei(n)
            #expect(try await repo.list(query).quotes.count == 1, "IMEI \(Fixtures.imei(n))")
        }
    }
}
