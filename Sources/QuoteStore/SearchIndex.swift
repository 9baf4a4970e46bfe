import GRDB

/// How a store's text index answers the list's `q=` (``QuoteListFilter``). The index only narrows
/// the rows; `search_text LIKE` still decides, so both stores find what the scan found before.
///
/// Measured on 200,000 quotes (SQLite 3.40): the `LIKE` scan took 33–61 ms whatever the term; the
/// FTS5 table driving the query in rowid order answers a full IMEI in 1.4 ms and a term found in
/// every row ("example") in 1.6 ms, as the first 51 hits end the walk. Letting SQLite build the
/// whole hit list first (`q.id IN (SELECT rowid …)`) took 580 ms for that term, hence the join.
enum SearchIndex: Sendable {
    /// SQLite: the external-content FTS5 table `quotes_search` (trigram tokenizer) over
    /// `quotes.search_text`, joined by rowid and walked in rowid order.
    case fts5Trigram
    /// PostgreSQL: a `pg_trgm` GIN index on `quotes.search_text`, used by the `LIKE` itself.
    case pgTrigram

    /// The fewest characters (Unicode scalars) a trigram index can look up.
    static let trigramLength = 3

    /// Whether the trigram index can narrow a search for `text`: at least 3 characters, not only
    /// `%` and `_` (`pg_trgm` takes no trigram from them, and would read its whole index). Any
    /// other search matches nothing: answering it would mean reading every row.
    static func isIndexable(_ text: String) -> Bool {
        text.unicodeScalars.count >= trigramLength && !text.allSatisfy { $0 == "%" || $0 == "_" }
    }

    /// The FTS5 query of a search: one phrase, lower case, its double quotes doubled.
    static func matchQuery(_ text: String) -> String {
        "\"" + text.lowercased().replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    var joinSQL: String {
        switch self {
        case .fts5Trigram: "JOIN quotes_search f ON f.rowid = q.id "
        case .pgTrigram: ""
        }
    }

    /// The column the page is ordered and continued by: FTS5 yields its rows in rowid order, so
    /// ordering by its rowid (the quote's id) needs no sort.
    var idColumn: String {
        switch self {
        case .fts5Trigram: "f.rowid"
        case .pgTrigram: "q.id"
        }
    }

    var matchClause: String? {
        switch self {
        case .fts5Trigram: "f.quotes_search MATCH ?"
        case .pgTrigram: nil
        }
    }
}

extension SearchIndex {
    /// SQLite: runs `body` (the writes of one transaction), then adds the quotes it inserted to
    /// the FTS5 table in one statement, the transaction's last (``SearchSchema/atCommitMigrationName``).
    /// Quotes are never updated or deleted, and one writer inserts them in id order, so "inserted
    /// by `body`" is "with an id above the largest before it".
    static func indexingNewQuotes<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let before =
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM quotes")) ?? 0
        let value = try body()
        try db.cachedStatement(
            sql:
                "INSERT INTO quotes_search (rowid, search_text) SELECT id, search_text FROM quotes WHERE id > ?"
        ).execute(arguments: [before])
        return value
    }
}
