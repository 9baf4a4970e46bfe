import Foundation
import GRDB
import QuoteCore

extension SQLiteQuoteRepository {
    public func exportPage(after: ExportKey?, today: CivilDate, zones: [String: TimeZone], limit: Int)
        async throws
        -> ExportPage
    {
        try await writer.read { db in
            try Self.exportPage(db, after: after, today: today, zones: zones, limit: limit)
        }
    }

    /// Every issued quote as a JSON line, in market and number order (see
    /// ``exportPage(after:today:zones:limit:)``), handed to `write` a page at a time.
    public func writeJSONLines(
        today: CivilDate, zones: [String: TimeZone] = [:], _ write: (String) throws -> Void
    ) throws {
        var after: ExportKey?
        repeat {
            let page = try writer.read { [after] db in
                try Self.exportPage(db, after: after, today: today, zones: zones, limit: 1000)
            }
            for line in page.lines { try write(line) }
            after = page.last
        } while after != nil
    }

    /// Up to `limit` quotes after `after`, found and ordered by the index `quotes_market_number`
    /// (``SearchSchema``): a seek per page, nothing sorted, whatever the size of the store.
    static func exportPage(
        _ db: Database, after: ExportKey?, today: CivilDate, zones: [String: TimeZone], limit: Int
    ) throws -> ExportPage {
        let rows =
            if let after {
                try Row.fetchCursor(
                    db.cachedStatement(sql: exportAfterSQL), arguments: [after.market, after.number, limit])
            } else {
                try Row.fetchCursor(db.cachedStatement(sql: exportSQL), arguments: [limit])
            }
        var lines: [String] = []
        lines.reserveCapacity(limit)
        var last: ExportKey?
        while let row = try rows.next() {
            let record = try record(row)
            lines.append(record.exportLine(today: today, zone: zones[record.market.rawValue]))
            last = ExportKey(market: record.market.rawValue, number: record.number)
        }
        return ExportPage(lines: lines, last: last)
    }

    /// The first page, and each page after a key.
    static let exportSQL = selectSQL + " ORDER BY q.market, q.number LIMIT ?"
    static let exportAfterSQL =
        selectSQL + " WHERE (q.market, q.number) > (?, ?) ORDER BY q.market, q.number LIMIT ?"
}
