import Foundation
import QuoteCore

/// The tables and columns of `v9-report-columns`, the same SQL on both stores (SQLite reads
/// BIGINT as INTEGER): the report facts of each quote (``ReportFacts``), the whole days from
/// issue to decision of each decision, and an index on the issue date (the reports' period) that covers what they read.
enum ReportSchema {
    static let statements = [
        """
        CREATE TABLE report_quotes (
            quote_number TEXT PRIMARY KEY REFERENCES quotes(number),
            currency TEXT NOT NULL,
            model_family TEXT NOT NULL)
        """,
        """
        CREATE TABLE report_charges (
            quote_number TEXT NOT NULL REFERENCES quotes(number),
            outcome TEXT NOT NULL,
            payer TEXT NOT NULL,
            lines BIGINT NOT NULL,
            net BIGINT NOT NULL,
            vat BIGINT NOT NULL,
            gross BIGINT NOT NULL,
            PRIMARY KEY (quote_number, outcome, payer))
        """,
        "ALTER TABLE decisions ADD COLUMN decision_days INTEGER",
        // Covering: a report reads the quotes of its period from this index alone, never the
        // table's rows with their JSON (100,000 quotes: 4.7 s → 1.0 s for conversion on a machine at
        // load 20; docs/benchmarks.md).
        "CREATE INDEX quotes_report ON quotes (issue_date, number, market, issuer, valid_until, model, kind)",
    ]

    /// Whole days from a quote's issue date to its decision: the decision's day in the market
    /// (`today`, as the desk passes it), else its UTC day. Issued 2026-03-02, decided on
    /// 2026-03-09 → 7.
    static func decisionDays(issued: CivilDate, decidedAt: Date, today: CivilDate?) -> Int {
        let day = today ?? CivilDate(dayNumber: Int((decidedAt.timeIntervalSince1970 / 86400).rounded(.down)))
        return issued.days(until: day)
    }
}
