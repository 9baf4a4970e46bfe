import QuoteCore

/// The WHERE, ORDER BY and LIMIT of a quote list (``QuoteQuery``), written once for both stores
/// as SQL with `?` where a value goes; each store renders the placeholders its way (SQLite's `?`,
/// PostgreSQL's `$1`, `$2` …) with ``render(literal:value:)``.
struct QuoteListFilter {
    enum Value: Equatable {
        case text(String)
        case integer(Int64)
    }

    /// The SQL after the quote query's joins, with `?` for each of ``values`` in order.
    private(set) var sql = ""
    private(set) var values: [Value] = []

    /// The state of a row in SQL, as ``QuoteCore/QuoteState`` decides it; `?` is today.
    static let stateSQL = """
        CASE WHEN v.quote_number IS NOT NULL THEN 'void'
             WHEN rn.old_number IS NOT NULL THEN 'superseded'
             WHEN d.decision IS NOT NULL THEN d.decision
             WHEN q.valid_until < ? THEN 'expired'
             ELSE 'issued' END
        """

    init(_ query: QuoteQuery) {
        var clauses: [String] = []
        func add(_ clause: String, _ value: String?) {
            guard let value else { return }
            clauses.append(clause)
            values.append(.text(value))
        }
        clauses.append(query.newestFirst ? "q.id < ?" : "q.id > ?")
        values.append(.integer(query.newestFirst && query.after == 0 ? Int64.max : query.after))
        add("q.market = ?", query.market)
        add("q.issue_date >= ?", query.from)
        add("q.issue_date <= ?", query.to)
        add("q.issuer = ?", query.issuer)
        if let state = query.state {
            clauses.append("(\(Self.stateSQL)) = ?")
            values += [.text((query.today ?? CivilDate(dayNumber: 0)).description), .text(state.rawValue)]
        }
        if let text = query.text, !text.isEmpty {
            add("q.search_text LIKE ? ESCAPE '\\'", SearchColumns.pattern(text))
        }
        if let status = query.status {
            let decisionStates = ["issued", "accepted", "rejected"]
            add(
                decisionStates.contains(status)
                    ? "COALESCE(d.decision, 'issued') = ?" : "q.coverage_status = ?",
                status)
        }
        sql =
            "WHERE " + clauses.joined(separator: " AND ")
            + " ORDER BY q.id \(query.newestFirst ? "DESC" : "ASC") LIMIT ?"
        values.append(.integer(Int64(query.limit + 1)))
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
