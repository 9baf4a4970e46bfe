import QuoteCore

/// The WHERE, ORDER BY and LIMIT of a quote list (``QuoteQuery``), written once for both stores
/// as SQL with `?` where a value goes; each store renders the placeholders its way (SQLite's `?`,
/// PostgreSQL's `$1`, `$2` …) with ``render(literal:value:)``.
///
/// A text search (``QuoteQuery/text``) goes through an index (``SearchIndex``): on SQLite the
/// FTS5 trigram table drives the query in id order, on PostgreSQL the `pg_trgm` index of
/// `search_text`; the `LIKE` on `search_text` stays as the exact test, so a search finds what it
/// found before. A search shorter than a trigram matches nothing (``matchesNothing``).
struct QuoteListFilter {
    enum Value: Equatable {
        case text(String)
        case integer(Int64)
    }

    /// The SQL after the quote query's joins, with `?` for each of ``values`` in order.
    private(set) var sql = ""
    private(set) var values: [Value] = []
    /// The search is too short for the text index: the page is empty, and no SQL need run.
    private(set) var matchesNothing = false

    /// The state of a row in SQL, as ``QuoteCore/QuoteState`` decides it; `?` is today.
    static let stateSQL = """
        CASE WHEN v.quote_number IS NOT NULL THEN 'void'
             WHEN rn.old_number IS NOT NULL THEN 'superseded'
             WHEN d.decision IS NOT NULL THEN d.decision
             WHEN q.valid_until < ? THEN 'expired'
             ELSE 'issued' END
        """

    init(_ query: QuoteQuery, index: SearchIndex) {
        var clauses: [String] = []
        func add(_ clause: String, _ value: String?) {
            guard let value else { return }
            clauses.append(clause)
            values.append(.text(value))
        }
        let text = query.text.flatMap { $0.isEmpty ? nil : $0 }
        var join = ""
        var id = "q.id"
        if let text {
            matchesNothing = !SearchIndex.isIndexable(text)
            if let match = index.matchClause {
                join = index.joinSQL
                id = index.idColumn
                add(match, SearchIndex.matchQuery(text))
            }
        }
        if query.totalOrder == nil {
            clauses.append(query.newestFirst ? "\(id) < ?" : "\(id) > ?")
            values.append(.integer(query.newestFirst && query.after == 0 ? Int64.max : query.after))
        }
        add("q.market = ?", query.market)
        add("q.issue_date >= ?", query.from)
        add("q.issue_date <= ?", query.to)
        add("q.issuer = ?", query.issuer)
        add("q.model = ?", query.model)
        if let state = query.state {
            clauses.append("(\(Self.stateSQL)) = ?")
            values += [.text((query.today ?? CivilDate(dayNumber: 0)).description), .text(state.rawValue)]
        }
        if let text {
            // The model is part of search_text: "Redmi" finds the Redmi quotes.
            add("q.search_text LIKE ? ESCAPE '\\'", SearchColumns.pattern(text))
        }
        if let viewed = query.viewed {
            clauses.append(
                (viewed ? "" : "NOT ")
                    + "EXISTS (SELECT 1 FROM quote_views w WHERE w.quote_number = q.number)")
        }
        if let status = query.status {
            let decisionStates = ["issued", "accepted", "rejected"]
            add(
                decisionStates.contains(status)
                    ? "COALESCE(d.decision, 'issued') = ?" : "q.coverage_status = ?",
                status)
        }
        let conditions = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ") + " "
        if let order = query.totalOrder {
            let direction = order == .highestFirst ? "DESC" : "ASC"
            sql =
                join + conditions + "ORDER BY " + Self.totalOrderSQL(direction)
                + ", q.id DESC LIMIT ? OFFSET ?"
            values += [.integer(Int64(query.limit + 1)), .integer(Int64(query.offset))]
        } else {
            sql = join + conditions + "ORDER BY \(id) \(query.newestFirst ? "DESC" : "ASC") LIMIT ?"
            values.append(.integer(Int64(query.limit + 1)))
        }
    }

    /// The consumer total as both stores order it: quotes without one last, then by currency,
    /// then by the amount in minor units (the column's `EUR 47.19` read as the integer 4719, the
    /// same minor digits for every total of one currency), never as a floating-point number.
    static func totalOrderSQL(_ direction: String) -> String {
        "(q.consumer_total IS NULL), SUBSTR(q.consumer_total, 1, 3), "
            + "CAST(NULLIF(REPLACE(SUBSTR(q.consumer_total, 5), '.', ''), '') AS BIGINT) \(direction)"
    }

    /// Walks the SQL: `literal` for each run of text, `value` for each placeholder's value.
    func render(literal: (String) -> Void, value: (Value) -> Void) {
        Self.render(sql, values, literal: literal, value: value)
    }

    /// Walks `sql`: `literal` for each run of text, `value` for each of `values` in place of its `?`.
    static func render(_ sql: String, _ values: [Value], literal: (String) -> Void, value: (Value) -> Void) {
        var values = values.makeIterator()
        var first = true
        for part in sql.split(separator: "?", omittingEmptySubsequences: false) {
            if !first, let next = values.next() { value(next) }
            first = false
            literal(String(part))
        }
    }
}
