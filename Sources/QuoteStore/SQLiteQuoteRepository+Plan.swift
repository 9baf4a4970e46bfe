import GRDB

extension SQLiteQuoteRepository {
    /// SQLite's plan of a list page (`EXPLAIN QUERY PLAN`), one line per step, such as
    /// `SCAN f VIRTUAL TABLE INDEX 64:M2>` or `SEARCH q USING INTEGER PRIMARY KEY (rowid=?)`;
    /// empty when the page needs no query (a search shorter than a trigram).
    public func listPlan(_ query: QuoteQuery) async throws -> [String] {
        let filter = QuoteListFilter(query, index: .fts5Trigram)
        if filter.matchesNothing { return [] }
        let (sql, arguments) = Self.listStatement(filter)
        return try await writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] }
        }
    }
}
