import Foundation
import GRDB
import QuoteCore

extension SQLiteQuoteRepository {
    /// Every issued quote as a JSON line `{"case": …, "quote": …, "record": …}`, in market and
    /// number order: the input of `repairquote check` and `export`. The record carries what the
    /// store knows beside the quote: `{"state", "issuer", "decision": {"decision", "charges"}}`,
    /// the state as of `today`. Rows are read with a cursor, one at a time, in the order of the
    /// index `quotes_market_number` (``SearchSchema``), so nothing is sorted and memory stays
    /// flat whatever the size of the store. Call it from a thread of its own. `zones` gives a market's
    /// time zone, in which the decision time is written (UTC when nil).
    public func writeJSONLines(
        today: CivilDate, zones: [String: TimeZone] = [:], _ write: (String) throws -> Void
    ) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: Self.exportSQL)
            while let row = try rows.next() {
                let record = try Self.record(row)
                try write(record.exportLine(today: today, zone: zones[record.market.rawValue]))
            }
        }
    }

    /// Every quote in market and number order.
    static let exportSQL = selectSQL + " ORDER BY q.market, q.number"
}
