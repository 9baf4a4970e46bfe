import QuoteCore

/// The names a store gives, the same in SQLite and PostgreSQL: quote numbers and the e-mails'
/// Message-IDs.
enum StoreNaming {
    /// `NL-2026-000042`.
    static func number(market: String, year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "\(market)-\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// `<outbox-7.NL-2026-000001@repairquote>`: derived from the row, so the same on every attempt.
    static func messageID(id: Int64, number: String) -> String { "<outbox-\(id).\(number)@repairquote>" }
}

extension QuoteRepository {
    /// `NL-2026-000042` (``StoreNaming/number(market:year:sequence:)``).
    public static func formatNumber(market: String, year: Int, sequence: Int) -> String {
        StoreNaming.number(market: market, year: year, sequence: sequence)
    }
}
