/// One aggregate query of the finance reports, written once for both stores as SQL with `?` where
/// a value goes (rendered by each store as ``QuoteListFilter`` is), and the kind of each column it
/// returns. Every query groups in SQL: a store returns one row per month × group, never a quote.
public struct ReportStatement: Sendable {
    /// A cell of a result row.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int64)

        var text: String { if case .text(let s) = self { s } else { "" } }
        var integer: Int64 { if case .integer(let n) = self { n } else { 0 } }
    }

    /// `integer` columns are summed counts or minor units (cast to BIGINT: PostgreSQL sums to
    /// NUMERIC otherwise); the rest are text.
    enum Kind: Sendable { case text, integer }

    private(set) var sql: String
    private(set) var values: [QuoteListFilter.Value]
    let kinds: [Kind]

    /// The quotes of `filter` with their report facts, decision and state: the FROM and WHERE of
    /// every report. `decided` joins the decision (only decided quotes) instead of left-joining it.
    /// `joins` come after the decision's.
    static func quotes(_ filter: ReportFilter, decided: Bool = false, joins: String = "")
        -> (sql: String, values: [QuoteListFilter.Value])
    {
        var clauses = ["q.issue_date >= ?", "q.issue_date < ?"]
        var values: [QuoteListFilter.Value] = [
            .text(filter.from.firstDay.description), .text(filter.to.adding(months: 1).firstDay.description),
        ]
        for (column, value) in [
            ("q.market", filter.market), ("r.currency", filter.currency), ("q.issuer", filter.issuer),
            ("r.model_family", filter.modelFamily),
        ] {
            guard let value else { continue }
            clauses.append("\(column) = ?")
            values.append(.text(value))
        }
        let sql = """
            FROM quotes q JOIN report_quotes r ON r.quote_number = q.number
            \(decided ? "JOIN" : "LEFT JOIN") decisions d ON d.quote_number = q.number
            \(joins)
            WHERE \(clauses.joined(separator: " AND "))
            """
        return (sql, values)
    }

    /// Quotes per issue month and state: month, issued, accepted, rejected, expired, void,
    /// superseded, open (undecided and still valid).
    static func conversion(_ filter: ReportFilter) -> ReportStatement {
        let from = quotes(
            filter,
            joins: """
                LEFT JOIN revisions rn ON rn.old_number = q.number
                LEFT JOIN voids v ON v.quote_number = q.number
                """)
        let states = ["accepted", "rejected", "expired", "void", "superseded", "issued"]
        let counts = states.map { "CAST(SUM(CASE WHEN state = '\($0)' THEN 1 ELSE 0 END) AS BIGINT)" }
        return ReportStatement(
            sql: """
                SELECT month, CAST(COUNT(*) AS BIGINT), \(counts.joined(separator: ", "))
                FROM (SELECT substr(q.issue_date, 1, 7) AS month, \(QuoteListFilter.stateSQL) AS state
                    \(from.sql)) s
                GROUP BY month ORDER BY month
                """,
            values: [.text(filter.today.description)] + from.values,
            kinds: [.text] + Array(repeating: .integer, count: states.count + 1))
    }

    /// Decided quotes per decision month, channel and whole days from issue to decision (a
    /// histogram, from which the median and 90th percentile are read exactly).
    static func decisionDays(_ filter: ReportFilter) -> ReportStatement {
        let from = quotes(filter, decided: true)
        return ReportStatement(
            sql: """
                SELECT substr(q.issue_date, 1, 7) AS month, \(channelSQL) AS channel,
                    CAST(d.decision_days AS BIGINT) AS days, CAST(COUNT(*) AS BIGINT)
                \(from.sql)
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, values: from.values, kinds: [.text, .text, .integer, .integer])
    }

    /// The channel of a decision as the reports name it: the customer's link, a retailer, or staff.
    static let channelSQL = """
        CASE WHEN d.decided_by_role = 'customer' OR d.channel = 'customer-link' THEN 'customer-link'
             WHEN d.decided_by_role = 'retailer' THEN 'retailer' ELSE 'staff' END
        """

    /// The charges a quote's decision fixed (``ReportFacts``).
    static let chargesJoin = "JOIN report_charges c ON c.quote_number = q.number AND c.outcome = d.decision"

    /// The decided charges per issue month, currency and payer: quotes, lines, net, VAT, gross.
    static func payers(_ filter: ReportFilter) -> ReportStatement {
        let from = quotes(filter, decided: true, joins: chargesJoin)
        return ReportStatement(
            sql: """
                SELECT substr(q.issue_date, 1, 7) AS month, r.currency, c.payer, CAST(COUNT(*) AS BIGINT),
                    CAST(SUM(c.lines) AS BIGINT), CAST(SUM(c.net) AS BIGINT), CAST(SUM(c.vat) AS BIGINT),
                    CAST(SUM(c.gross) AS BIGINT)
                \(from.sql)
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, values: from.values, kinds: [.text, .text, .text] + Array(repeating: .integer, count: 5))
    }

    /// The manufacturer's decided charges per model (or case kind) and currency: quotes, net,
    /// gross, most net first.
    static func manufacturerCost(_ filter: ReportFilter, by column: String) -> ReportStatement {
        let from = quotes(filter, decided: true, joins: chargesJoin + " AND c.payer = 'manufacturer'")
        return ReportStatement(
            sql: """
                SELECT COALESCE(\(column), ''), r.currency, CAST(COUNT(*) AS BIGINT), CAST(SUM(c.net) AS BIGINT),
                    CAST(SUM(c.gross) AS BIGINT)
                \(from.sql)
                GROUP BY 1, 2
                """, values: from.values, kinds: [.text, .text, .integer, .integer, .integer])
    }

    /// Walks the SQL: `literal` for each run of text, `value` for each placeholder's value.
    func render(literal: (String) -> Void, value: (QuoteListFilter.Value) -> Void) {
        QuoteListFilter.render(sql, values, literal: literal, value: value)
    }
}
