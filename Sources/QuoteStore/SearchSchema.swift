/// Migration `v8-search`: the indexes that make a store's cost follow what a request touches.
///
/// - the text index of `q=` (``SearchIndex``): SQLite's FTS5 trigram table `quotes_search`,
///   external content (it keeps the index only, not a second copy of `search_text`), without
///   column sizes (only ranking reads them; 11 bytes a quote), filled from the quotes already
///   stored and, since `v12-search-at-commit`, at the end of each transaction that issues
///   (``SearchIndex/indexingNewQuotes(_:_:)``; a trigger on every insert did it before). Positions are kept (`detail = full`, about 220
///   bytes a quote): without them (`detail = none`, 63 bytes) a search must AND its trigrams,
///   and a full IMEI took 21–45 ms instead of 2 ms on 200,000 rows; PostgreSQL's `pg_trgm` GIN index,
///   the extension created here;
/// - `model`, for the list's `model=`, and the model appended to older quotes' `search_text`;
/// - `(market, number)`, the export's order, so `export --db` and `check --db` walk an index
///   instead of sorting every row (on PostgreSQL in byte order, `COLLATE "C"`, as the export reads).
enum SearchSchema {
    static let migrationName = "v8-search"

    /// The model joined `search_text` with this migration (so `q=Redmi` finds the Redmi quotes):
    /// quotes stored before it get it appended, as ``SearchColumns`` now writes it.
    static let sqlite = [
        "DROP TRIGGER quotes_immutable",
        "UPDATE quotes SET search_text = search_text || char(31) || lower(model) WHERE model IS NOT NULL AND model <> ''",
        """
        CREATE TRIGGER quotes_immutable BEFORE UPDATE ON quotes
            BEGIN SELECT RAISE(ABORT, 'issued quotes are immutable'); END
        """,
        """
        CREATE VIRTUAL TABLE quotes_search USING fts5(
            search_text, content = 'quotes', content_rowid = 'id', tokenize = 'trigram', columnsize = 0)
        """,
        "INSERT INTO quotes_search (quotes_search) VALUES ('rebuild')",
        """
        CREATE TRIGGER quotes_search_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_search (rowid, search_text) VALUES (new.id, new.search_text);
        END
        """,
        "CREATE INDEX quotes_model ON quotes (model)",
        "CREATE INDEX quotes_market_number ON quotes (market, number)",
    ]

    /// Migration `v12-search-at-commit`: the quotes a transaction issues are added to the FTS5
    /// table by one statement at its end, not by a trigger per insert. FTS5 writes its pending
    /// terms to disk at every savepoint, and SQLite opens one for each later statement of the
    /// transaction that may abort half-way (the events, ledger and webhook inserts): with the
    /// trigger, each issue left several one-quote segments to merge, 45 % of an issue's time on
    /// the writer. PostgreSQL's GIN index has no such cost; the migration changes nothing there.
    static let atCommitMigrationName = "v12-search-at-commit"
    static let sqliteAtCommit = ["DROP TRIGGER quotes_search_insert"]

    static let postgres = [
        "ALTER TABLE quotes DISABLE TRIGGER quotes_immutable",
        "UPDATE quotes SET search_text = search_text || chr(31) || lower(model) WHERE model IS NOT NULL AND model <> ''",
        "ALTER TABLE quotes ENABLE TRIGGER quotes_immutable",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX quotes_search_trgm ON quotes USING gin (search_text gin_trgm_ops)",
        "CREATE INDEX quotes_model ON quotes (model)",
        #"CREATE INDEX quotes_market_number ON quotes (market COLLATE "C", number COLLATE "C")"#,
    ]
}
